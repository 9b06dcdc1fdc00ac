package org.ferret.intelligence;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** HTTP helper for the seizure integration tests: JSON or CSV in, maps out, never throws on error statuses. */
final class SeizuresApi {

    final RestClient client;

    SeizuresApi(int port, String user) {
        this.client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, user + "-demo");
                    }
                })
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    @SuppressWarnings("unchecked")
    ResponseEntity<Map<String, Object>> post(String uri, Object body) {
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) client.post().uri(uri)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    ResponseEntity<Map<String, Object>> postCsv(String uri, String csv) {
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) client.post().uri(uri)
                .contentType(MediaType.parseMediaType("text/csv")).body(csv).retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    ResponseEntity<Map<String, Object>> get(String uri, Object... vars) {
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) client.get().uri(uri, vars).retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String uri, Object... vars) {
        return client.get().uri(uri, vars).retrieve().body(List.class);
    }

    int status(String uri) {
        return client.get().uri(uri).retrieve().toBodilessEntity().getStatusCode().value();
    }

    Map<String, Object> ok(ResponseEntity<Map<String, Object>> res, int status) {
        if (res.getStatusCode().value() != status) {
            throw new AssertionError("expected " + status + ", got " + res.getStatusCode() + " " + res.getBody());
        }
        return res.getBody();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** The fields of each problem of a problem+json answer, as "line:field" (line left out when none). */
    @SuppressWarnings("unchecked")
    static List<String> problems(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.getOrDefault("errors", List.of())).stream()
                .map(e -> (e.get("line") == null ? "" : e.get("line") + ":") + e.get("field")).toList();
    }
}
