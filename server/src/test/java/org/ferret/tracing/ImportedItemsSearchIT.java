package org.ferret.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Items that arrive by bulk import are found by the marking search too, without a restart. */
@FerretIntegrationTest
class ImportedItemsSearchIT {

    @LocalServerPort
    int port;

    RestClient as(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth(user, user + "-demo")).build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_imported_item_is_found_by_a_damaged_reading_of_its_serial() {
        String serial = "QZT" + (100000 + (int) (System.nanoTime() % 800000));
        String csv = "external_ref,kind,manufacturer,country_of_manufacture,serial_number,marking_manufacturer,marking_country_or_place\n"
                + "IMP-" + serial + ",pistol,Walther,DE," + serial + ",Walther,DE\n";
        var imported = as("registrar").post().uri("/api/v1/items/import").contentType(MediaType.parseMediaType("text/csv"))
                .body(csv).retrieve().toEntity(Map.class);
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(200);
        assertThat(imported.getBody().get("created")).isEqualTo(1);

        // two characters unreadable, one read as a look-alike (Z as 2)
        String reading = serial.substring(0, 1) + "2" + serial.charAt(2) + "??" + serial.substring(5);
        var found = TracingApiIT.eventually(
                () -> (List<Map<String, Object>>) as("investigator").get().uri("/api/v1/markings/search?q=" + reading)
                        .retrieve().toEntity(Map.class).getBody().get("candidates"),
                c -> c != null && c.stream().anyMatch(m -> serial.equals(m.get("serial"))));
        assertThat(found).extracting(m -> m.get("serial")).contains(serial);
    }
}
