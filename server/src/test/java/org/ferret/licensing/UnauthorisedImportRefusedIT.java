package org.ferret.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** With {@code ferret.licensing.unauthorised-imports=REFUSE} an import naming no import authorisation is not recorded. */
@FerretIntegrationTest
@TestPropertySource(properties = "ferret.licensing.unauthorised-imports=REFUSE")
class UnauthorisedImportRefusedIT {

    @LocalServerPort
    int port;

    @Test
    void an_import_naming_no_authorisation_is_refused_and_nothing_is_written() {
        LicensingApi registrar = new LicensingApi(port, "registrar");
        String dealer = LicensingApi.dealer(registrar);
        String p = LicensingApi.pistolHeldBy(registrar, dealer);

        var res = registrar.post("/api/v1/items/" + p + "/events", Map.of("type", "IMPORT",
                "occurredOn", LocalDate.now().toString(), "country", "NO", "holderId", dealer));

        assertThat(res.getStatusCode().value()).isEqualTo(409);
        assertThat(res.getBody().get("code")).isEqualTo("LICENCE_NOT_VALID");
        assertThat(res.getBody().get("errors").toString()).contains("authorisation").contains("art. 10(1)");
        assertThat(registrar.get("/api/v1/items/" + p).getBody().get("history").toString()).doesNotContain("IMPORT");
    }
}
