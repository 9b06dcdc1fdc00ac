package org.ferret.parcels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ferret.parcels.internal.S10;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** HTTP helper for the parcels integration tests: JSON in, maps out, never throws on error statuses. */
final class ParcelsApi {
    final RestClient client;

    ParcelsApi(int port, String user) {
        this.client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, user + "-demo"))
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    @SuppressWarnings("unchecked")
    ResponseEntity<Map<String, Object>> post(String uri, Object body) {
        var spec = client.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            spec = body instanceof String s ? spec.body(s) : spec.body(body);
        }
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) spec.retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    ResponseEntity<Map<String, Object>> put(String uri, Object body) {
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) client.put().uri(uri).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    ResponseEntity<Map<String, Object>> get(String uri, Object... vars) {
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) client.get().uri(uri, vars).retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String uri, Object... vars) {
        return client.get().uri(uri, vars).retrieve().body(List.class);
    }

    ResponseEntity<Map<String, Object>> submit(List<Map<String, Object>> items) {
        return post("/api/v1/parcels/declarations", Map.of("items", items));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> answers(ResponseEntity<Map<String, Object>> res) {
        return (List<Map<String, Object>>) res.getBody().get("items");
    }

    private static int serial = (int) (System.nanoTime() % 50_000_000);

    static synchronized String newItemId() {
        return S10.of("CP", serial++, "US");
    }

    /** An ordinary inbound parcel to site HEL; tests change what they need. */
    static Map<String, Object> item(String itemId) {
        Map<String, Object> m = new HashMap<>();
        m.put("itemId", itemId);
        m.put("site", "HEL");
        m.put("direction", "INBOUND");
        m.put("mailClass", "PARCEL");
        m.put("postingOffice", "New York NY 10001");
        m.put("postedOn", "2026-11-30");
        m.put("origin", "US");
        m.put("destination", "FI");
        m.put("sender", new HashMap<>(Map.of("name", "Shop Inc", "address", "1 Main St, New York", "postcode", "10001", "country", "US")));
        m.put("addressee", new HashMap<>(Map.of("name", "Matti Meikäläinen", "address", "Mannerheimintie 1, Helsinki",
                "postcode", "00100", "country", "FI", "phone", "+358 40 123 4567", "type", "RESIDENCE")));
        m.put("category", "SALE_OF_GOODS");
        m.put("contents", new ArrayList<>(List.of(new HashMap<>(Map.of("description", "cotton t-shirt", "quantity", 2,
                "netWeightKg", 0.4, "value", 30, "currency", "USD", "hsCode", "610910", "originCountry", "CN")))));
        m.put("grossWeightKg", 0.5);
        m.put("totalValue", 30);
        m.put("currency", "USD");
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> line(Map<String, Object> item, int i) {
        return ((List<Map<String, Object>>) item.get("contents")).get(i);
    }
}
