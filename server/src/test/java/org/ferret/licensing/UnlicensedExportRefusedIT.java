package org.ferret.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** With {@code ferret.licensing.unlicensed-exports=REFUSE} an export naming no licence is not recorded at all. */
@FerretIntegrationTest
@TestPropertySource(properties = "ferret.licensing.unlicensed-exports=REFUSE")
class UnlicensedExportRefusedIT {

    @LocalServerPort
    int port;

    @Test
    void an_export_naming_no_licence_is_refused_and_nothing_is_written() {
        LicensingApi registrar = new LicensingApi(port, "registrar");
        String dealer = LicensingApi.dealer(registrar);
        String p = LicensingApi.pistolHeldBy(registrar, dealer);

        var res = registrar.post("/api/v1/items/" + p + "/events", Map.of("type", "EXPORT",
                "occurredOn", LocalDate.now().toString(), "country", "NO"));

        assertThat(res.getStatusCode().value()).isEqualTo(409);
        assertThat(res.getBody().get("code")).isEqualTo("LICENCE_NOT_VALID");
        assertThat(res.getBody().get("errors").toString()).contains("reference");
        Map<String, Object> item = registrar.get("/api/v1/items/" + p).getBody();
        assertThat(item.get("status")).isEqualTo("IN_LAWFUL_POSSESSION");
        assertThat(item.get("history").toString()).doesNotContain("EXPORT");
    }
}
