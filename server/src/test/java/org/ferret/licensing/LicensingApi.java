package org.ferret.licensing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferret.testsupport.JsonApi;

/** HTTP helper for the licensing integration tests: JSON in, maps out, never throws on error statuses. */
final class LicensingApi extends JsonApi {

    LicensingApi(int port, String user) {
        super(port, user);
    }

    /** A licensed dealer, registered by the registrar; returns its id. */
    static String dealer(LicensingApi registrar) {
        return (String) registrar.ok(registrar.post("/api/v1/holders", Map.of("type", "ORGANISATION", "role", "DEALER",
                "name", "Export Arms " + unique("D"), "licenceNumber", unique("DL"))), 201).get("id");
    }

    /** A pistol in the dealer's possession; returns its id. */
    static String pistolHeldBy(LicensingApi registrar, String dealer) {
        Map<String, Object> item = registrar.ok(registrar.post("/api/v1/items", Map.of("kind", "PISTOL",
                "manufacturer", "Glock", "model", "17", "calibre", "9x19mm", "countryOfManufacture", "AT",
                "yearOfManufacture", 2019, "construction", "POLYMER", "markings", List.of(Map.of("kind", "MANUFACTURE",
                        "manufacturer", "Glock", "countryOrPlace", "Austria", "serialNumber", unique("LP"),
                        "location", "frame right side", "method", "EMBEDDED_METAL_INSERT")))), 201);
        String id = (String) item.get("id");
        registrar.ok(registrar.post("/api/v1/items/" + id + "/events", Map.of("type", "TRANSFER_OF_POSSESSION",
                "occurredOn", LocalDate.now().minusDays(3).toString(), "holderId", dealer)), 201);
        return id;
    }

    /** An application body: export from FI to the given country through the given transit states. */
    static Map<String, Object> application(String exporter, String to, List<String> transit, List<Map<String, Object>> goods) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exporter", exporter);
        m.put("placeOfIssue", "Helsinki");
        m.put("countryOfExport", "FI");
        m.put("countryOfImport", to);
        m.put("finalRecipient", "Sportschützen Verein Berlin e.V.");
        m.put("endUserCertificate", unique("EUC"));
        m.put("expiresOn", LocalDate.now().plusMonths(6).toString());
        m.put("transitCountries", transit);
        m.put("transport", "ROAD");
        m.put("transhipment", false);
        m.put("goods", goods);
        return m;
    }

    static List<Map<String, Object>> items(String... ids) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : ids) {
            out.add(Map.of("itemId", id, "quantity", 1));
        }
        return out;
    }

    static Map<String, Object> answer(String kind, String country, LocalDate validUntil) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("country", country);
        m.put("reference", unique("REF"));
        m.put("givenOn", LocalDate.now().minusDays(1).toString());
        m.put("validUntil", validUntil == null ? null : validUntil.toString());
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> licence(Map<String, Object> json) {
        return (Map<String, Object>) json.get("licence");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> checks(Map<String, Object> json) {
        return (List<Map<String, Object>>) json.get("checks");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> goods(Map<String, Object> licence) {
        return (List<Map<String, Object>>) licence.get("goods");
    }
}
