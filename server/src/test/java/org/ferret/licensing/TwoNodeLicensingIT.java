package org.ferret.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.testsupport.Nodes.eventually;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.Nodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The test across Ferret nodes on loopback (issue 13): node A (exporting, FI, this test's server) asks node B
 * (importing, DE) for its import authorisation and node C (transit, SE) for its no-objection over the signed exchange.
 * The licence is blocked until both answers arrive, then issued; two pistols exported against it draw it down; A asks
 * B to confirm receipt (art. 10(4)), B confirms, and A's overdue lists are empty of the licence. B verifies A's signed
 * licence document offline.
 */
@FerretIntegrationTest
class TwoNodeLicensingIT {

    static final Nodes.Node A = Nodes.Node.self("node-a");
    static final Nodes.Node B = Nodes.Node.fresh("node-b");
    static final Nodes.Node C = Nodes.Node.fresh("node-c");
    static ConfigurableApplicationContext nodeB;
    static ConfigurableApplicationContext nodeC;

    @DynamicPropertySource
    static void nodeA(DynamicPropertyRegistry r) {
        Nodes.register(r, A, B, C);
    }

    @LocalServerPort
    int portA;

    @AfterAll
    static void stopOthers() {
        Nodes.stop(nodeB, B);
        Nodes.stop(nodeC, C);
    }

    @SuppressWarnings("unchecked")
    static ResponseEntity<Map<String, Object>> post(RestClient c, String uri, Object body) {
        var spec = c.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            spec = spec.body(body);
        }
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) spec.retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> get(RestClient c, String uri) {
        return c.get().uri(uri).retrieve().body(Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(RestClient c, String uri) {
        return c.get().uri(uri).retrieve().body(List.class);
    }

    static String id(ResponseEntity<Map<String, Object>> r, int status) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(status);
        return (String) r.getBody().get("id");
    }

    /** The requests node {@code officer} received about licence {@code number}, once {@code n} have arrived. */
    static List<Map<String, Object>> received(RestClient officer, String number, int n) {
        List<Map<String, Object>> all = eventually(() -> list(officer, "/api/v1/licences/node-requests?direction=IN"),
                l -> l.stream().filter(r -> number.equals(r.get("licenceNumber"))).count() == n);
        return all.stream().filter(r -> number.equals(r.get("licenceNumber"))).toList();
    }

    static void answer(RestClient officer, Map<String, Object> request, String kind, String reference, LocalDate until) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", kind);
        answer.put("reference", reference);
        answer.put("givenOn", LocalDate.now().toString());
        answer.put("validUntil", until == null ? null : until.toString());
        assertThat(post(officer, "/api/v1/licences/node-requests/" + request.get("id") + "/answer", answer)
                .getStatusCode().value()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> licence(Map<String, Object> json) {
        return (Map<String, Object>) json.get("licence");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> failedChecks(Map<String, Object> json) {
        return ((List<Map<String, Object>>) json.get("checks")).stream().filter(c -> !Boolean.TRUE.equals(c.get("passed")))
                .toList();
    }

    @Test
    void the_licence_waits_for_the_importing_and_the_transit_node_is_drawn_down_and_its_receipt_confirmed() {
        nodeB = Nodes.start(B, Map.of(), A.onPort(portA));
        nodeC = Nodes.start(C, Map.of(), A.onPort(portA));
        RestClient registrarA = Nodes.client(portA, "registrar");
        RestClient officerA = Nodes.client(portA, "licensing");
        RestClient officerB = Nodes.client(B.port(), "licensing");
        RestClient officerC = Nodes.client(C.port(), "licensing");
        RestClient anonymousB = Nodes.client(B.port(), null);

        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String dealer = id(post(registrarA, "/api/v1/holders", Map.of("type", "ORGANISATION", "role", "DEALER",
                "name", "Arms Export " + tag, "licenceNumber", "DL-" + tag)), 201);
        String[] pistols = new String[2];
        for (int i = 0; i < 2; i++) {
            pistols[i] = id(post(registrarA, "/api/v1/items", Map.of("kind", "PISTOL", "manufacturer", "Sako",
                    "model", "P1", "calibre", "9x19mm", "countryOfManufacture", "FI", "construction", "METAL",
                    "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Sako", "countryOrPlace", "FI",
                            "serialNumber", "TN" + tag + i, "location", "frame", "method", "LASER")))), 201);
            id(post(registrarA, "/api/v1/items/" + pistols[i] + "/events", Map.of("type", "TRANSFER_OF_POSSESSION",
                    "occurredOn", LocalDate.now().minusDays(2).toString(), "holderId", dealer)), 201);
        }
        Map<String, Object> app = LicensingApi.application(dealer, "DE", List.of("SE"), LicensingApi.items(pistols));
        Map<String, Object> applied = licence(post(officerA, "/api/v1/licences", app).getBody());
        String licenceId = (String) applied.get("id");
        String number = (String) applied.get("number");
        String uri = "/api/v1/licences/" + licenceId;

        assertThat(post(officerA, uri + "/node-requests", Map.of("peer", "node-b", "kind", "IMPORT_AUTHORISATION",
                "country", "DE")).getStatusCode().value()).isEqualTo(201);
        assertThat(post(officerA, uri + "/node-requests", Map.of("peer", "node-c", "kind", "TRANSIT_NO_OBJECTION",
                "country", "SE")).getStatusCode().value()).isEqualTo(201);
        var unknownPeer = post(officerA, uri + "/node-requests", Map.of("peer", "node-x", "kind",
                "IMPORT_AUTHORISATION", "country", "DE"));
        assertThat(unknownPeer.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownPeer.getBody().get("errors").toString()).contains("peer");
        var receiptTooEarly = post(officerA, uri + "/node-requests", Map.of("peer", "node-b", "kind", "RECEIPT",
                "country", "DE"));
        assertThat(receiptTooEarly.getStatusCode().value()).isEqualTo(400);
        assertThat(receiptTooEarly.getBody().get("errors").toString()).contains("no shipment awaiting");

        // blocked until B and C answer: both checks fail, citing their provisions
        var blocked = post(officerA, uri + "/issue", null);
        assertThat(blocked.getStatusCode().value()).isEqualTo(409);
        assertThat(blocked.getBody().get("errors").toString()).contains("art. 10(2)(a)").contains("art. 10(2)(b)");

        // the importing node B confirms its import authorisation; A is still blocked by the transit state
        Map<String, Object> importRequest = received(officerB, number, 1).getFirst();
        assertThat(importRequest.get("peer")).isEqualTo("node-a");
        assertThat(importRequest.get("kind")).isEqualTo("IMPORT_AUTHORISATION");
        // B answers from an import authorisation its officer issued: its number, and its validity as the answer's
        RestClient registrarB = Nodes.client(B.port(), "registrar");
        String importerB = id(post(registrarB, "/api/v1/holders", Map.of("type", "ORGANISATION", "role", "DEALER",
                "name", "Sportschützen Berlin " + tag, "licenceNumber", "DE-DL-" + tag)), 201);
        LocalDate iaUntil = LocalDate.now().plusMonths(8);
        @SuppressWarnings("unchecked")
        Map<String, Object> ia = (Map<String, Object>) post(officerB, "/api/v1/import-authorisations", Map.of(
                "importer", importerB, "countryOfExport", "FI", "validUntil", iaUntil.toString(),
                "lines", List.of(Map.of("kind", "PISTOL", "description", "Sako P1 pistols", "quantity", 2))))
                .getBody().get("authorisation");
        answer(officerB, importRequest, "IMPORT_AUTHORISATION", ((String) ia.get("number")).toLowerCase(), null);
        Map<String, Object> afterB = eventually(() -> get(officerA, uri),
                j -> failedChecks(j).stream().noneMatch(c -> "Protocol art. 10(2)(a)".equals(c.get("provision"))));
        assertThat(failedChecks(afterB)).extracting(c -> c.get("provision")).containsExactly("Protocol art. 10(2)(b)");
        assertThat(post(officerA, uri + "/issue", null).getStatusCode().value()).isEqualTo(409);
        // answering twice is refused
        assertThat(post(officerB, "/api/v1/licences/node-requests/" + importRequest.get("id") + "/answer",
                Map.of("kind", "IMPORT_AUTHORISATION", "reference", "X", "givenOn", LocalDate.now().toString()))
                .getStatusCode().value()).isEqualTo(400);

        // the transit node C answers no-objection (B never saw that request)
        Map<String, Object> transitRequest = received(officerC, number, 1).getFirst();
        assertThat(transitRequest.get("kind")).isEqualTo("TRANSIT_NO_OBJECTION");
        assertThat(transitRequest.get("country")).isEqualTo("SE");
        answer(officerC, transitRequest, "TRANSIT_NO_OBJECTION", "ISP-" + tag, null);
        Map<String, Object> answered = eventually(() -> get(officerA, uri), j -> failedChecks(j).isEmpty());
        assertThat(failedChecks(answered)).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> auths = (List<Map<String, Object>>) licence(answered).get("authorisations");
        assertThat(auths).extracting(a -> a.get("source")).containsExactlyInAnyOrder("node:node-b", "node:node-c");
        assertThat(auths).filteredOn(a -> "node:node-b".equals(a.get("source"))).singleElement().satisfies(a -> {
            assertThat(a.get("reference")).isEqualTo(ia.get("number"));
            assertThat(a.get("validUntil")).isEqualTo(iaUntil.toString());
        });

        // issued, and two pistols exported against it draw it down
        assertThat(post(officerA, uri + "/issue", null).getStatusCode().value()).isEqualTo(200);
        for (String p : pistols) {
            assertThat(post(registrarA, "/api/v1/items/" + p + "/events", Map.of("type", "EXPORT", "occurredOn",
                    LocalDate.now().toString(), "country", "DE", "reference", number)).getStatusCode().value())
                    .isEqualTo(201);
        }
        assertThat(licence(get(officerA, uri)).get("status")).isEqualTo("EXHAUSTED");

        // the two shipments await their proof of receipt: overdue once the 45 days have passed
        String afterDeadline = "/api/v1/licences/receipts/overdue?on=" + LocalDate.now().plusDays(46);
        assertThat(list(officerA, uri + "/receipts")).hasSize(2).allSatisfy(r -> assertThat(r.get("confirmed"))
                .isEqualTo(false));
        assertThat(list(officerA, afterDeadline)).filteredOn(r -> number.equals(r.get("licenceNumber"))).hasSize(2);

        // A asks B to confirm receipt; B's officer confirms; the signed answer clears A's overdue list
        assertThat(post(officerA, uri + "/node-requests", Map.of("peer", "node-b", "kind", "RECEIPT",
                "country", "DE")).getStatusCode().value()).isEqualTo(201);
        Map<String, Object> receiptRequest = received(officerB, number, 2).stream()
                .filter(r -> "RECEIPT".equals(r.get("kind"))).findFirst().orElseThrow();
        assertThat((String) receiptRequest.get("summary")).contains("confirm receipt of 1 of line 1").contains("line 2");
        answer(officerB, receiptRequest, "RECEIPT", "DE-ZOLL-" + tag, null);
        List<Map<String, Object>> receipts = eventually(() -> list(officerA, uri + "/receipts"),
                l -> l.stream().allMatch(r -> Boolean.TRUE.equals(r.get("confirmed"))));
        assertThat(receipts).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("confirmed")).isEqualTo(true);
            assertThat(r.get("source")).isEqualTo("node:node-b");
            assertThat(r.get("reference")).isEqualTo("DE-ZOLL-" + tag);
        });
        assertThat(list(officerA, afterDeadline)).extracting(r -> r.get("licenceNumber")).doesNotContain(number);
        assertThat(list(officerA, "/api/v1/licences/receipts/overdue")).extracting(r -> r.get("licenceNumber"))
                .doesNotContain(number);
        assertThat(list(officerA, "/api/v1/licences/overdue")).extracting(l -> l.get("number")).doesNotContain(number);

        // node B verifies A's signed licence document offline, with A's public key; an altered one fails
        Map<String, Object> doc = get(officerA, uri + "/document");
        Map<String, Object> check = post(anonymousB, "/api/v1/licence-verification/document",
                Map.of("document", doc.get("document"), "signature", doc.get("signature"))).getBody();
        assertThat(check.get("authentic")).isEqualTo(true);
        assertThat(check.get("issuer")).isEqualTo("node-a");
        Map<String, Object> forged = post(anonymousB, "/api/v1/licence-verification/document",
                Map.of("document", doc.get("document").toString().replace("\"DE\"", "\"RU\""),
                        "signature", doc.get("signature"))).getBody();
        assertThat(forged.get("authentic")).isEqualTo(false);
    }
}
