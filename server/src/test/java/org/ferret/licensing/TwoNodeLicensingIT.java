package org.ferret.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.ferret.exchange.NodeKeys;
import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.SecondNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Two Ferret nodes on loopback (issue 13): node A's officer asks node B, over the signed exchange, to confirm the
 * import authorisation and the transit no-objection; the licence is blocked until B's answers arrive, then issued,
 * two pistols exported against it draw it down, and node B verifies A's signed licence document offline. (One peer
 * plays both the importing and the transit state here.)
 */
@FerretIntegrationTest
class TwoNodeLicensingIT {

    static final String[] KEY_A = NodeKeys.generate();
    static final String[] KEY_B = NodeKeys.generate();
    static final int PORT_B = freePort();
    static final String DB_B = "licb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    static ConfigurableApplicationContext nodeB;

    static final Map<String, String> TLS = Map.of(
            "spring.ssl.bundle.pem.ferret-node.keystore.certificate", "classpath:tls/cert.pem",
            "spring.ssl.bundle.pem.ferret-node.keystore.private-key", "classpath:tls/key.pem",
            "spring.ssl.bundle.pem.ferret-node.truststore.certificate", "classpath:tls/cert.pem",
            "server.ssl.bundle", "ferret-node",
            "ferret.exchange.ssl-bundle", "ferret-node");

    @DynamicPropertySource
    static void nodeA(DynamicPropertyRegistry r) {
        r.add("ferret.exchange.node.id", () -> "node-a");
        r.add("ferret.exchange.node.private-key", () -> KEY_A[0]);
        r.add("ferret.exchange.node.public-key", () -> KEY_A[1]);
        r.add("ferret.exchange.peers.node-b.url", () -> "https://127.0.0.1:" + PORT_B);
        r.add("ferret.exchange.peers.node-b.public-key", () -> KEY_B[1]);
        r.add("ferret.exchange.poll-ms", () -> "300");
        r.add("ferret.exchange.max-backoff-s", () -> "1");
        TLS.forEach((k, v) -> r.add(k, () -> v));
    }

    @LocalServerPort
    int portA;

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    ConfigurableApplicationContext startB() {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", PORT_B);
        p.put("ferret.exchange.node.id", "node-b");
        p.put("ferret.exchange.node.private-key", KEY_B[0]);
        p.put("ferret.exchange.peers.node-a.url", "https://127.0.0.1:" + portA);
        p.put("ferret.exchange.peers.node-a.public-key", KEY_A[1]);
        p.put("ferret.exchange.poll-ms", "300");
        p.put("ferret.exchange.max-backoff-s", "1");
        p.putAll(TLS);
        return SecondNode.start(DB_B, p);
    }

    @AfterAll
    static void stopB() {
        SecondNode.stop(nodeB, DB_B);
    }

    static javax.net.ssl.SSLContext testTls() {
        try (var in = TwoNodeLicensingIT.class.getResourceAsStream("/tls/cert.pem")) {
            java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("ferret-test", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory
                    .getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static RestClient client(int port, String user) {
        return RestClient.builder().baseUrl("https://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(
                        java.net.http.HttpClient.newBuilder().sslContext(testTls()).build()))
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, user + "-demo");
                    }
                }).build();
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

    static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        long until = System.currentTimeMillis() + 20_000;
        T v = probe.get();
        while (!done.test(v) && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            v = probe.get();
        }
        return v;
    }

    static String id(ResponseEntity<Map<String, Object>> r, int status) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(status);
        return (String) r.getBody().get("id");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_licence_waits_for_node_b_and_is_issued_once_its_signed_answers_arrive() {
        nodeB = startB();
        RestClient registrarA = client(portA, "registrar");
        RestClient officerA = client(portA, "licensing");
        RestClient officerB = client(PORT_B, "licensing");
        RestClient anonymousB = client(PORT_B, null);

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
        Map<String, Object> applied = post(officerA, "/api/v1/licences", app).getBody();
        Map<String, Object> licence = (Map<String, Object>) applied.get("licence");
        String licenceId = (String) licence.get("id");
        String number = (String) licence.get("number");

        assertThat(post(officerA, "/api/v1/licences/" + licenceId + "/node-requests", Map.of("peer", "node-b",
                "kind", "IMPORT_AUTHORISATION", "country", "DE")).getStatusCode().value()).isEqualTo(201);
        assertThat(post(officerA, "/api/v1/licences/" + licenceId + "/node-requests", Map.of("peer", "node-b",
                "kind", "TRANSIT_NO_OBJECTION", "country", "SE")).getStatusCode().value()).isEqualTo(201);
        var unknownPeer = post(officerA, "/api/v1/licences/" + licenceId + "/node-requests", Map.of("peer", "node-x",
                "kind", "IMPORT_AUTHORISATION", "country", "DE"));
        assertThat(unknownPeer.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownPeer.getBody().get("errors").toString()).contains("peer");

        // blocked until B answers
        assertThat(post(officerA, "/api/v1/licences/" + licenceId + "/issue", null).getStatusCode().value()).isEqualTo(409);

        List<Map<String, Object>> received = eventually(() -> list(officerB, "/api/v1/licences/node-requests?direction=IN"),
                l -> l.stream().filter(r -> number.equals(r.get("licenceNumber"))).count() == 2);
        List<Map<String, Object>> mine = received.stream().filter(r -> number.equals(r.get("licenceNumber"))).toList();
        assertThat(mine).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("peer")).isEqualTo("node-a");
            assertThat(r.get("status")).isEqualTo("PENDING");
        });
        for (Map<String, Object> r : mine) {
            boolean isImport = "IMPORT_AUTHORISATION".equals(r.get("kind"));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("kind", isImport ? "IMPORT_AUTHORISATION" : "TRANSIT_NO_OBJECTION");
            answer.put("reference", (isImport ? "BAFA-" : "ISP-") + tag);
            answer.put("givenOn", LocalDate.now().toString());
            answer.put("validUntil", isImport ? LocalDate.now().plusYears(1).toString() : null);
            assertThat(post(officerB, "/api/v1/licences/node-requests/" + r.get("id") + "/answer", answer)
                    .getStatusCode().value()).isEqualTo(200);
        }
        // answering twice is refused
        assertThat(post(officerB, "/api/v1/licences/node-requests/" + mine.getFirst().get("id") + "/answer",
                Map.of("kind", mine.getFirst().get("kind"), "reference", "X", "givenOn", LocalDate.now().toString()))
                .getStatusCode().value()).isEqualTo(400);

        Map<String, Object> answered = eventually(() -> get(officerA, "/api/v1/licences/" + licenceId),
                j -> ((List<?>) ((Map<String, Object>) j.get("licence")).get("authorisations")).size() == 2);
        List<Map<String, Object>> auths = (List<Map<String, Object>>) ((Map<String, Object>) answered.get("licence"))
                .get("authorisations");
        assertThat(auths).extracting(a -> a.get("source")).containsOnly("node:node-b");
        assertThat((List<Map<String, Object>>) answered.get("checks")).allSatisfy(c -> assertThat(c.get("passed"))
                .as("%s", c).isEqualTo(true));

        assertThat(post(officerA, "/api/v1/licences/" + licenceId + "/issue", null).getStatusCode().value()).isEqualTo(200);
        for (String p : pistols) {
            assertThat(post(registrarA, "/api/v1/items/" + p + "/events", Map.of("type", "EXPORT", "occurredOn",
                    LocalDate.now().toString(), "country", "DE", "reference", number)).getStatusCode().value())
                    .isEqualTo(201);
        }
        assertThat(((Map<String, Object>) get(officerA, "/api/v1/licences/" + licenceId).get("licence")).get("status"))
                .isEqualTo("EXHAUSTED");

        // node B verifies A's signed licence document offline, with A's public key; an altered one fails
        Map<String, Object> doc = get(officerA, "/api/v1/licences/" + licenceId + "/document");
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
