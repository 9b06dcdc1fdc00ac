package org.ferret.registry;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** HTTP helper for the registry integration tests: JSON in, maps out, never throws on error statuses. */
final class RegistryApi {

    final RestClient client;

    RegistryApi(int port, String user, String password) {
        this.client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, password))
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    static RegistryApi registrar(int port) {
        return new RegistryApi(port, "registrar", "registrar-demo");
    }

    @SuppressWarnings("unchecked")
    ResponseEntity<Map<String, Object>> post(String uri, Object body) {
        var spec = client.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            spec = spec.body(body);
        }
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) spec.retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    ResponseEntity<Map<String, Object>> get(String uri, Object... vars) {
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) client.get().uri(uri, vars).retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String uri, Object... vars) {
        return client.get().uri(uri, vars).retrieve().body(List.class);
    }

    /** Registers an item and returns its JSON; fails the test if the registry refused it. */
    Map<String, Object> register(Map<String, Object> item) {
        var res = post("/api/v1/items", item);
        if (res.getStatusCode().value() != 201) {
            throw new AssertionError("register failed: " + res.getStatusCode() + " " + res.getBody());
        }
        return res.getBody();
    }

    static Map<String, Object> pistol(String serial) {
        return Map.of("kind", "PISTOL", "manufacturer", "Glock", "model", "17", "calibre", "9x19mm",
                "countryOfManufacture", "AT", "yearOfManufacture", 2019, "construction", "POLYMER",
                "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Glock", "countryOrPlace", "Austria",
                        "serialNumber", serial, "location", "frame right side", "method", "EMBEDDED_METAL_INSERT")));
    }

    static Map<String, Object> unmarked(String kind) {
        return Map.of("kind", kind, "construction", "ADDITIVELY_MANUFACTURED", "calibre", "9x19mm");
    }

    static Map<String, Object> event(String type, String on, Object... more) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("type", type);
        m.put("occurredOn", on);
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }
}
