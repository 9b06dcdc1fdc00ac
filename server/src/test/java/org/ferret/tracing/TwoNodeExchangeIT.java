package org.ferret.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.tracing.TracingApiIT.eventually;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.exchange.NodeKeys;
import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.Nodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two Ferret nodes on loopback: node A (this test's server) sends a trace request to node B while B is down, retries
 * until B is up, B answers with the chain of custody and the signed answer arrives on A. B never duplicates the
 * request, and refuses replayed, forged and unknown-sender documents without writing anything.
 */
@FerretIntegrationTest
class TwoNodeExchangeIT {

    /** Node A is this test's server, node B another node in this JVM (testsupport.Nodes: HTTPS, keys, peers). */
    static final Nodes.Node A = Nodes.Node.self("node-a");
    static final Nodes.Node B = Nodes.Node.fresh("node-b");
    static final int PORT_B = B.port();
    static final String[] KEY_A = {A.privateKey(), A.publicKey()};
    static ConfigurableApplicationContext nodeB;

    @DynamicPropertySource
    static void nodeA(DynamicPropertyRegistry r) {
        Nodes.register(r, A, B);
    }

    @LocalServerPort
    int portA;
    @Autowired
    JdbcTemplate jdbcA;

    /** Starts (or restarts, on the same database) node B. */
    ConfigurableApplicationContext startB() {
        return Nodes.start(B, Map.of(), A.onPort(portA));
    }

    @AfterAll
    static void stopB() {
        Nodes.stop(nodeB, B);
    }

    static RestClient client(int port, String user) {
        return Nodes.client(port, user);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_trace_request_leaves_A_is_answered_on_B_and_the_answer_arrives_on_A_despite_B_being_down_at_first() throws Exception {
        // B knows the pistol; then B goes down
        nodeB = startB();
        Map<String, Object> item = client(PORT_B, "registrar").post().uri("/api/v1/items").body(Map.of(
                "kind", "PISTOL", "manufacturer", "CZ", "model", "75", "calibre", "9x19mm", "countryOfManufacture", "CZ",
                "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "CZ", "countryOrPlace", "CZ",
                        "serialNumber", "CZB-118822")),
                "initialEvent", Map.of("type", "MANUFACTURE", "occurredOn", "2018-06-01", "country", "CZ")))
                .retrieve().body(Map.class);
        assertThat(item).containsKey("id");
        nodeB.close();
        nodeB = null;

        // A sends while B is down
        var investigatorA = client(portA, "investigator");
        Map<String, Object> content = Map.ofEntries(Map.entry("requestingAgency", "National Police of Finland"),
                Map.entry("requestingCountry", "FI"), Map.entry("caseReference", "FI-2026-0042"),
                Map.entry("legalBasis", "Firearms Protocol art. 12(4)"), Map.entry("illicitContext", "homicide"),
                Map.entry("recoveryCircumstances", "recovered at the scene"), Map.entry("recoveryPlace", "Tampere"),
                Map.entry("recoveredOn", "2025-09-30"),
                Map.entry("markings", List.of(Map.of("marking", "CZ8-11?822", "obliterated", true))),
                Map.entry("type", "PISTOL"), Map.entry("make", "CZ"), Map.entry("calibre", "9x19mm"),
                Map.entry("urgency", "URGENT"), Map.entry("intendedUse", "criminal investigation"));
        ResponseEntity<Map> sent = investigatorA.post().uri("/api/v1/tracing/requests/outgoing")
                .body(Map.of("peer", "node-b", "content", content)).retrieve().toEntity(Map.class);
        assertThat(sent.getStatusCode().value()).as(String.valueOf(sent.getBody())).isEqualTo(201);
        String requestA = (String) sent.getBody().get("id");
        assertThat(sent.getBody().get("status")).isEqualTo("SENT");
        Integer attempts = eventually(() -> jdbcA.queryForObject(
                "select attempts from tracing_node_document where direction = 'OUT' and reference = ?",
                Integer.class, requestA), a -> a >= 2);
        assertThat(attempts).isGreaterThanOrEqualTo(2);
        assertThat(jdbcA.queryForObject("select status from tracing_node_document where direction = 'OUT' and reference = ?",
                String.class, requestA)).isEqualTo("PENDING");

        // B comes back (its index is rebuilt from its database) and A's retry gets through
        nodeB = startB();
        var investigatorB = client(PORT_B, "investigator");
        List<Map<String, Object>> incoming = eventually(
                () -> (List<Map<String, Object>>) investigatorB.get().uri("/api/v1/tracing/requests").retrieve().body(List.class),
                l -> !l.isEmpty());
        assertThat(incoming).hasSize(1);
        Map<String, Object> onB = incoming.getFirst();
        assertThat(onB.get("direction")).isEqualTo("INCOMING");
        assertThat(onB.get("peerNode")).isEqualTo("node-a");
        assertThat(((Map<String, Object>) onB.get("content")).get("caseReference")).isEqualTo("FI-2026-0042");
        assertThat((List<Map<String, Object>>) onB.get("candidates")).extracting(c -> c.get("itemId")).contains(item.get("id"));
        String requestB = (String) onB.get("id");
        assertThat(eventually(() -> jdbcA.queryForObject("select status from tracing_node_document where direction = 'OUT' and reference = ?",
                String.class, requestA), "DELIVERED"::equals)).isEqualTo("DELIVERED");

        // B's officer answers
        investigatorB.post().uri("/api/v1/tracing/requests/" + requestB + "/acknowledge").retrieve().toBodilessEntity();
        // the acknowledgement travels back to A
        assertThat(eventually(() -> (String) investigatorA.get().uri("/api/v1/tracing/requests/" + requestA).retrieve()
                .body(Map.class).get("status"), "ACKNOWLEDGED"::equals)).isEqualTo("ACKNOWLEDGED");
        investigatorB.post().uri("/api/v1/tracing/requests/" + requestB + "/candidates/" + item.get("id") + "/confirm")
                .retrieve().toBodilessEntity();
        Map<String, Object> answeredB = investigatorB.post().uri("/api/v1/tracing/requests/" + requestB + "/answer")
                .body(Map.of("remarks", "exported to FI dealer in 2019")).retrieve().body(Map.class);
        assertThat(answeredB.get("status")).isEqualTo("ANSWERED");

        // the answer arrives on A
        Map<String, Object> onA = eventually(
                () -> (Map<String, Object>) investigatorA.get().uri("/api/v1/tracing/requests/" + requestA).retrieve().body(Map.class),
                m -> "ANSWERED".equals(m.get("status")));
        assertThat(onA.get("status")).isEqualTo("ANSWERED");
        Map<String, Object> answer = (Map<String, Object>) onA.get("answer");
        assertThat(answer.get("outcome")).isEqualTo("TRACED");
        assertThat(answer.get("answeringNode")).isEqualTo("node-b");
        assertThat((List<String>) answer.get("serials")).contains("CZB-118822");
        assertThat((List<Map<String, Object>>) answer.get("chainOfCustody")).extracting(e -> e.get("event")).contains("MANUFACTURE");
        assertThat(answer.get("lastLawfulAcquisition")).isEqualTo("2018-06-01");

        // ---- bad documents: replay, forgery, unknown sender; none writes anything on B --------------------
        JdbcTemplate jdbcB = nodeB.getBean(JdbcTemplate.class);
        long docsB = jdbcB.queryForObject("select count(*) from tracing_node_document", Long.class);
        Map<String, Object> original = jdbcA.queryForMap(
                "select body, signature from tracing_node_document where direction = 'OUT' and reference = ?",
                requestA);
        String body = (String) original.get("body");
        String signature = (String) original.get("signature");
        RestClient anonymous = client(PORT_B, null);

        ResponseEntity<Map> replay = anonymous.post().uri("/api/v1/tracing/exchange")
                .body(Map.of("document", body, "signature", signature)).retrieve().toEntity(Map.class);
        assertThat(replay.getStatusCode().value()).isEqualTo(409);
        assertThat(replay.getBody().get("code")).isEqualTo("DOCUMENT_REPLAYED");

        ObjectMapper json = nodeB.getBean(ObjectMapper.class);
        ObjectNode tampered = (ObjectNode) json.readTree(body);
        ((ObjectNode) tampered.get("body").get("content")).put("caseReference", "FORGED-1");
        tampered.put("id", UUID.randomUUID().toString());
        tampered.put("nonce", "ffffffffffffffffffffffffffffffff");
        ResponseEntity<Map> forged = anonymous.post().uri("/api/v1/tracing/exchange")
                .body(Map.of("document", json.writeValueAsString(tampered), "signature", signature)).retrieve().toEntity(Map.class);
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(forged.getBody().get("code")).isEqualTo("SIGNATURE_INVALID");

        String[] stranger = NodeKeys.generate();
        ObjectNode fromStranger = (ObjectNode) json.readTree(body);
        fromStranger.put("sender", "node-x");
        fromStranger.put("id", UUID.randomUUID().toString());
        String strangerDoc = json.writeValueAsString(fromStranger);
        java.security.Signature s = java.security.Signature.getInstance("Ed25519");
        s.initSign(java.security.KeyFactory.getInstance("Ed25519").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(stranger[0]))));
        s.update(strangerDoc.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ResponseEntity<Map> unknown = anonymous.post().uri("/api/v1/tracing/exchange")
                .body(Map.of("document", strangerDoc, "signature", Base64.getEncoder().encodeToString(s.sign())))
                .retrieve().toEntity(Map.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(403);
        assertThat(unknown.getBody().get("code")).isEqualTo("UNKNOWN_NODE");

        // a kind no module on B receives, correctly signed by A, at the generic path: refused, naming the kind
        ObjectNode otherKind = (ObjectNode) json.readTree(body);
        otherKind.put("kind", "NO_SUCH_KIND");
        otherKind.put("id", UUID.randomUUID().toString());
        otherKind.put("nonce", "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
        String otherDoc = json.writeValueAsString(otherKind);
        java.security.Signature sa = java.security.Signature.getInstance("Ed25519");
        sa.initSign(java.security.KeyFactory.getInstance("Ed25519").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(KEY_A[0]))));
        sa.update(otherDoc.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ResponseEntity<Map> unhandled = anonymous.post().uri("/api/v1/exchange")
                .body(Map.of("document", otherDoc, "signature", Base64.getEncoder().encodeToString(sa.sign())))
                .retrieve().toEntity(Map.class);
        assertThat(unhandled.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(unhandled.getBody().get("detail"))).contains("NO_SUCH_KIND");

        ResponseEntity<Map> garbage = anonymous.post().uri("/api/v1/tracing/exchange")
                .body(Map.of("document", "{not json", "signature", "AAAA")).retrieve().toEntity(Map.class);
        assertThat(garbage.getStatusCode().value()).isEqualTo(400);

        assertThat(jdbcB.queryForObject("select count(*) from tracing_node_document", Long.class)).isEqualTo(docsB);
        assertThat(jdbcB.queryForObject("select count(*) from trace_request", Long.class)).isEqualTo(1);
        assertThat(jdbcB.queryForObject("select count(*) from trace_request where case_reference = 'FORGED-1'", Long.class)).isZero();
    }
}
