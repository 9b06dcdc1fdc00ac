package org.ferret.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Past its concurrency limit the API refuses clearly (503 problem+json OVERLOADED, Retry-After) instead of queueing
 * without bound; every answer in a storm is either the right answer or that refusal; afterwards it answers again.
 * The limit is made small here, and the test takes turns itself so that the server is past its limit for certain.
 */
@FerretIntegrationTest
@TestPropertySource(properties = {"ferret.api.concurrency.max-in-flight=4", "ferret.api.concurrency.max-queued=2",
        "ferret.api.concurrency.max-wait=20ms"})
class ApiOverloadIT {

    @LocalServerPort
    int port;
    @Autowired
    ApiConcurrencyLimitFilter limit;

    RestClient as(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, user + "-demo"))
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
    }

    RestClient machine() {
        Map<?, ?> created = as("admin").post().uri("/api/v1/tokens")
                .body(Map.of("name", "storm " + System.nanoTime(), "role", "INVESTIGATOR", "owner", "investigator"))
                .retrieve().body(Map.class);
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + created.get("secret"))
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
    }

    @Test
    void past_its_limit_the_api_answers_right_or_refuses_clearly_and_then_recovers() throws Exception {
        String serial = "OVL" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        Map<?, ?> item = as("registrar").post().uri("/api/v1/items").body(Map.of("kind", "PISTOL", "manufacturer",
                "Glock", "model", "17", "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Glock",
                        "countryOrPlace", "AT", "serialNumber", serial))))
                .retrieve().body(Map.class);
        String itemId = (String) item.get("id");
        RestClient machine = machine();
        assertRight(lookup(machine, serial), itemId);

        // every turn taken: the next request is refused at once, unprocessed
        limit.inFlight().acquire(4);
        try {
            var refused = lookup(machine, serial);
            assertRefused(refused);
            assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            // screens and health are not limited
            assertThat(as("investigator").get().uri("/actuator/health").retrieve().toEntity(String.class)
                    .getStatusCode().value()).isEqualTo(200);
        } finally {
            limit.inFlight().release(4);
        }

        // a storm of 24 clients at once with one turn left: each answer is right or a clear refusal
        limit.inFlight().acquire(3);
        int right = 0;
        int refused = 0;
        try (ExecutorService clients = Executors.newFixedThreadPool(24)) {
            List<Future<List<ResponseEntity<String>>>> answers = new ArrayList<>();
            for (int c = 0; c < 24; c++) {
                answers.add(clients.submit(() -> {
                    List<ResponseEntity<String>> mine = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        mine.add(lookup(machine, serial));
                    }
                    return mine;
                }));
            }
            for (var f : answers) {
                for (ResponseEntity<String> a : f.get()) {
                    if (a.getStatusCode().value() == 200) {
                        assertRight(a, itemId);
                        right++;
                    } else {
                        assertRefused(a);
                        refused++;
                    }
                }
            }
        } finally {
            limit.inFlight().release(3);
        }
        assertThat(right + refused).isEqualTo(240);
        assertThat(right).as("answers through the one turn left").isPositive();

        // recovered: nothing held, one client at a time, every request answered
        for (int i = 0; i < 20; i++) {
            assertRight(lookup(machine, serial), itemId);
        }
        assertThat(limit.inFlight().availablePermits()).isEqualTo(4);
    }

    private static ResponseEntity<String> lookup(RestClient machine, String serial) {
        return machine.get().uri("/api/v1/items?serial={s}", serial).retrieve().toEntity(String.class);
    }

    private static void assertRight(ResponseEntity<String> a, String itemId) {
        assertThat(a.getStatusCode().value()).isEqualTo(200);
        assertThat(a.getBody()).startsWith("[{\"id\":\"" + itemId + "\"").contains("\"kind\":\"PISTOL\"");
    }

    private static void assertRefused(ResponseEntity<String> a) {
        assertThat(a.getStatusCode().value()).as(a.getBody()).isEqualTo(503);
        assertThat(a.getBody()).contains("\"code\":\"OVERLOADED\"").contains("\"status\":503");
    }
}
