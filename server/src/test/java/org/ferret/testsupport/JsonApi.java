package org.ferret.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * HTTP helper for integration tests over real HTTP: JSON (or CSV) in, maps out, HTTP Basic as a demo user
 * ({@code <user>-demo}, none when {@code user} is null), never throws on error statuses.
 */
public class JsonApi {

    public final RestClient client;

    public JsonApi(int port, String user) {
        this.client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, user + "-demo");
                    }
                })
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    /** Over a client made elsewhere (e.g. {@link Nodes#client}, HTTPS between nodes). */
    public JsonApi(RestClient client) {
        this.client = client;
    }

    /** POST of a JSON body (none when {@code body} is null). */
    @SuppressWarnings("unchecked")
    public ResponseEntity<Map<String, Object>> post(String uri, Object body) {
        var spec = client.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            spec = spec.body(body);
        }
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) spec.retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    public ResponseEntity<Map<String, Object>> postCsv(String uri, String csv) {
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) client.post().uri(uri)
                .contentType(MediaType.parseMediaType("text/csv")).body(csv).retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    public ResponseEntity<Map<String, Object>> get(String uri, Object... vars) {
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) client.get().uri(uri, vars).retrieve()
                .toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String uri, Object... vars) {
        return client.get().uri(uri, vars).retrieve().body(List.class);
    }

    /** The body of an answer that must have this status (an AssertionError with the body otherwise). */
    public Map<String, Object> ok(ResponseEntity<Map<String, Object>> res, int status) {
        if (res.getStatusCode().value() != status) {
            throw new AssertionError("expected " + status + ", got " + res.getStatusCode() + " " + res.getBody());
        }
        return res.getBody();
    }

    /** A value no other test run uses: the prefix and eight characters of a random UUID. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
