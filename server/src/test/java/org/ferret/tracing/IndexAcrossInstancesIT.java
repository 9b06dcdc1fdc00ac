package org.ferret.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ferret.FerretApplication;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Two instances on one database (issue 12): an item registered through one is found by the marking search of the
 * other, whose index was built before the item existed and which never sees the first one's events: it learns of it
 * from the registry's change feed.
 */
@FerretIntegrationTest
class IndexAcrossInstancesIT {
    @LocalServerPort
    int port;
    @Autowired
    Environment env;
    ConfigurableApplicationContext other;

    @AfterEach
    void stopOther() {
        if (other != null) other.close();
    }

    static RestClient as(int port, String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth(user, user + "-demo")).build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_item_registered_on_one_instance_is_found_by_the_marking_search_of_the_other() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--ferret.tracing.change-feed.interval=PT1S"));
        for (String p : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.flyway.schemas", "spring.flyway.default-schema")) {
            if (env.containsProperty(p)) args.add("--" + p + "=" + env.getProperty(p));
        }
        other = new SpringApplicationBuilder(FerretApplication.class).profiles("test").run(args.toArray(String[]::new));
        int otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
        String serial = "QXV" + (100000 + (int) (System.nanoTime() % 800000));
        // the other instance's index is built (answers a search) before the item exists
        var ready = TracingApiIT.eventually(() -> as(otherPort, "investigator").get().uri("/api/v1/markings/search?q=" + serial)
                .retrieve().toEntity(Map.class).getStatusCode().value(), s -> s == 200);
        assertThat(ready).isEqualTo(200);

        String csv = "external_ref,kind,manufacturer,country_of_manufacture,serial_number,marking_manufacturer,marking_country_or_place\n"
                + "XI-" + serial + ",pistol,Walther,DE," + serial + ",Walther,DE\n";
        var imported = as(port, "registrar").post().uri("/api/v1/items/import").contentType(MediaType.parseMediaType("text/csv"))
                .body(csv).retrieve().toEntity(Map.class);
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(200);

        var found = TracingApiIT.eventually(
                () -> (List<Map<String, Object>>) as(otherPort, "investigator").get().uri("/api/v1/markings/search?q=" + serial)
                        .retrieve().toEntity(Map.class).getBody().get("candidates"),
                c -> c != null && c.stream().anyMatch(m -> serial.equals(m.get("serial"))));
        assertThat(found).extracting(m -> m.get("serial")).contains(serial);
    }
}
