package org.ferret.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.testsupport.Nodes.eventually;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.JsonApi;
import org.ferret.testsupport.Nodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two-node test of an alert with its handling marking: node A (this test's server) issues a "not to be
 * passed on" warning to its closed user group, which holds node B; B receives it once, its subscribed agency reads
 * and acknowledges it (the acknowledgement travels back to A) and gives feedback, but cannot pass it on, neither to
 * node C nor to another agency. A replayed and a forged alert are refused, and so is the same alert passed on by B
 * behind its marking's back (B signing it to A as if it were the origin's).
 */
@FerretIntegrationTest
class TwoNodeAlertIT {

    static final Nodes.Node A = Nodes.Node.self("node-a");
    static final Nodes.Node B = Nodes.Node.fresh("node-b");
    static final Nodes.Node C = Nodes.Node.fresh("node-c");
    static ConfigurableApplicationContext nodeB;

    @DynamicPropertySource
    static void nodeA(DynamicPropertyRegistry r) {
        Nodes.register(r, A, B);
    }

    @LocalServerPort
    int portA;
    @Autowired
    JdbcTemplate jdbcA;
    @Autowired
    ObjectMapper json;

    @AfterAll
    static void stopB() {
        Nodes.stop(nodeB, B);
    }

    @Test
    @SuppressWarnings("unchecked")
    void node_B_receives_a_do_not_pass_on_alert_once_cannot_pass_it_on_and_forged_or_replayed_alerts_are_refused() throws Exception {
        nodeB = Nodes.start(B, Map.of(), A.onPort(portA), C);
        JsonApi intelA = new JsonApi(Nodes.client(portA, "intel"));
        JsonApi intelB = new JsonApi(Nodes.client(B.port(), "intel"));
        JsonApi customsB = new JsonApi(Nodes.client(B.port(), "customs"));

        // B's police subscribes to alarm weapons concerning FI; B's customs to nothing
        intelB.ok(intelB.post("/api/v1/alerts/subscriptions", Map.of("topic", "ALARM_AND_GAS_WEAPONS", "country", "FI")), 201);
        String group = (String) intelA.ok(intelA.post("/api/v1/alerts/groups", Map.of("name", JsonApi.unique("Nordic firearms"),
                "members", List.of("CUSTOMS", "node:node-b"))), 201).get("id");
        Map<String, Object> issued = intelA.ok(intelA.post("/api/v1/alerts",
                AlertsApi.warning("Alarm pistols as toys", group, List.of(), "NOT_TO_BE_PASSED_ON")), 201);
        String id = (String) issued.get("id");
        assertThat((List<Map<String, Object>>) issued.get("recipients")).extracting(r -> r.get("recipient")).contains("node:node-b");

        // B receives it once, with its marking, for its subscribed agency
        List<Map<String, Object>> onB = eventually(() -> intelB.list("/api/v1/alerts"), l -> !l.isEmpty());
        assertThat(onB).hasSize(1);
        Map<String, Object> alertB = intelB.ok(intelB.get("/api/v1/alerts/" + id), 200);
        assertThat(alertB.get("reference")).isEqualTo(issued.get("reference"));
        assertThat(alertB.get("passOn")).isEqualTo("NOT_TO_BE_PASSED_ON");
        assertThat(alertB.get("receivedFrom")).isEqualTo("node-a");
        assertThat(alertB.get("originAgency")).isEqualTo("POLICE");
        assertThat((List<Map<String, Object>>) alertB.get("indicators")).hasSize(1);
        assertThat(customsB.list("/api/v1/alerts")).isEmpty();
        assertThat(customsB.get("/api/v1/alerts/" + id).getStatusCode().value()).isEqualTo(404);

        // B cannot pass it on: not to node C, not to another agency on B
        var toC = intelB.post("/api/v1/alerts/" + id + "/pass-on", Map.of("peer", "node-c"));
        assertThat(toC.getStatusCode().value()).as("%s", toC.getBody()).isEqualTo(403);
        assertThat(toC.getBody().get("code")).isEqualTo("PASSING_ON_FORBIDDEN");
        var toCustoms = intelB.post("/api/v1/alerts/" + id + "/pass-on", Map.of("agency", "CUSTOMS"));
        assertThat(toCustoms.getStatusCode().value()).isEqualTo(403);
        JdbcTemplate jdbcB = nodeB.getBean(JdbcTemplate.class);
        assertThat(jdbcB.queryForObject("select count(*) from tracing_node_document where direction = 'OUT' and kind = 'INTEL_ALERT'",
                Long.class)).isZero();

        // B acknowledges (tracked on A) and gives feedback (arrives on A as a feedback alert answering the warning)
        intelB.ok(intelB.post("/api/v1/alerts/" + id + "/acknowledge", null), 200);
        assertThat(eventually(() -> jdbcA.queryForObject("select acknowledged_by from intel_alert_recipient where alert_id = ? and recipient = 'node:node-b'",
                String.class, UUID.fromString(id)), v -> v != null)).isEqualTo("POLICE@node-b");
        intelB.ok(intelB.post("/api/v1/alerts/" + id + "/feedback", Map.of("action", "ADDED_TO_SCREENING",
                "note", "profile added to the postal screening at Vantaa")), 201);
        List<Map<String, Object>> feedback = eventually(() -> intelA.list("/api/v1/alerts/" + id + "/feedback"), l -> !l.isEmpty());
        assertThat(feedback).hasSize(1);
        assertThat(feedback.getFirst().get("type")).isEqualTo("FEEDBACK");
        assertThat(((Map<String, Object>) feedback.getFirst().get("feedback")).get("action")).isEqualTo("ADDED_TO_SCREENING");
        assertThat(feedback.getFirst().get("originNode")).isEqualTo("node-b");

        // ---- bad documents on B: replay and forgery of A's alert; nothing written --------------------------------
        long alertsB = jdbcB.queryForObject("select count(*) from intel_alert", Long.class);
        long docsB = jdbcB.queryForObject("select count(*) from tracing_node_document", Long.class);
        Map<String, Object> original = jdbcA.queryForMap(
                "select body, signature from tracing_node_document where direction = 'OUT' and kind = 'INTEL_ALERT' and reference = ?", id);
        String body = (String) original.get("body");
        String signature = (String) original.get("signature");
        JsonApi anonymousB = new JsonApi(Nodes.client(B.port(), null));
        var replay = anonymousB.post("/api/v1/exchange", Map.of("document", body, "signature", signature));
        assertThat(replay.getStatusCode().value()).isEqualTo(409);
        assertThat(replay.getBody().get("code")).isEqualTo("DOCUMENT_REPLAYED");

        ObjectNode forged = (ObjectNode) json.readTree(body);
        ((ObjectNode) forged.get("body").get("alert")).put("passOn", "MAY_BE_PASSED_ON");
        ((ObjectNode) forged.get("body").get("alert")).put("id", UUID.randomUUID().toString());
        forged.put("id", UUID.randomUUID().toString());
        forged.put("nonce", "ffffffffffffffffffffffffffffffff");
        var forgery = anonymousB.post("/api/v1/exchange", Map.of("document", json.writeValueAsString(forged), "signature", signature));
        assertThat(forgery.getStatusCode().value()).isEqualTo(403);
        assertThat(forgery.getBody().get("code")).isEqualTo("SIGNATURE_INVALID");
        assertThat(jdbcB.queryForObject("select count(*) from intel_alert", Long.class)).isEqualTo(alertsB);
        assertThat(jdbcB.queryForObject("select count(*) from tracing_node_document", Long.class)).isEqualTo(docsB);

        // ---- B passes a "not to be passed on" alert of node C's on to A behind its marking: A refuses it --------
        long alertsA = jdbcA.queryForObject("select count(*) from intel_alert", Long.class);
        ObjectNode passed = (ObjectNode) json.readTree(body);
        ObjectNode alert = (ObjectNode) passed.get("body").get("alert");
        alert.put("id", UUID.randomUUID().toString());
        alert.put("reference", "AL-SE-2026-PASSED01");
        alert.put("originNode", "node-c");
        passed.put("id", UUID.randomUUID().toString());
        passed.put("sender", "node-b");
        passed.put("recipient", "node-a");
        passed.put("createdAt", Instant.now().toString());
        passed.put("nonce", "abababababababababababababababab");
        String passedDoc = json.writeValueAsString(passed);
        JsonApi anonymousA = new JsonApi(Nodes.client(portA, null));
        var refused = anonymousA.post("/api/v1/exchange", Map.of("document", passedDoc, "signature", sign(B.privateKey(), passedDoc)));
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(403);
        assertThat(refused.getBody().get("code")).isEqualTo("PASSING_ON_FORBIDDEN");
        assertThat(jdbcA.queryForObject("select count(*) from intel_alert", Long.class)).isEqualTo(alertsA);
        assertThat(jdbcA.queryForObject("select count(*) from audit_log where action = 'ALERT_ISSUED' and entity_id = ?", Long.class, id)).isEqualTo(1);
        assertThat(jdbcB.queryForObject("select count(*) from audit_log where action in ('ALERT_RECEIVED', 'ALERT_READ', 'ALERT_ACKNOWLEDGED')"
                + " and entity_id = ?", Long.class, id)).isGreaterThanOrEqualTo(3);
    }

    static String sign(String privateKey, String doc) throws Exception {
        java.security.Signature s = java.security.Signature.getInstance("Ed25519");
        s.initSign(java.security.KeyFactory.getInstance("Ed25519").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))));
        s.update(doc.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }
}
