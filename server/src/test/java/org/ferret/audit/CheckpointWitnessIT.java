package org.ferret.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.ferret.exchange.Exchange;
import org.ferret.exchange.NodeKeys;
import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.SecondNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Node B witnesses node A's audit checkpoints (two Ferret nodes in one JVM on loopback): B accepts A's checkpoints
 * while each extends the one before (consistency proof), keeps a copy A's verification reads back, and refuses the
 * checkpoint A signs after its log was rewritten and its checkpoint file deleted, so the rewrite is found even then.
 */
@FerretIntegrationTest
class CheckpointWitnessIT {

    static final String[] KEY_A = NodeKeys.generate();
    static final String[] KEY_B = NodeKeys.generate();
    static final int PORT_B = freePort();
    static final String DB_B = "witness_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    static ConfigurableApplicationContext nodeB;

    @DynamicPropertySource
    static void nodeA(DynamicPropertyRegistry r) {
        r.add("ferret.exchange.node.id", () -> "node-a");
        r.add("ferret.exchange.node.private-key", () -> KEY_A[0]);
        r.add("ferret.exchange.node.public-key", () -> KEY_A[1]);
        r.add("ferret.exchange.peers.node-b.url", () -> "http://127.0.0.1:" + PORT_B);
        r.add("ferret.exchange.peers.node-b.public-key", () -> KEY_B[1]);
        r.add("ferret.exchange.poll-ms", () -> "200");
        r.add("ferret.exchange.max-backoff-s", () -> "1");
        r.add("ferret.audit.checkpoints.witnesses", () -> "node-b");
    }

    @LocalServerPort
    int portA;
    @Autowired
    JdbcTemplate jdbcA;
    @Autowired
    AuditVerifier chainA;
    @Autowired
    CheckpointVerifier checkpointsA;
    @Autowired
    CheckpointFile fileA;
    @Autowired
    Exchange exchangeA;

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
        p.put("ferret.exchange.peers.node-a.url", "http://127.0.0.1:" + portA);
        p.put("ferret.exchange.peers.node-a.public-key", KEY_A[1]);
        return SecondNode.start(DB_B, p);
    }

    @AfterAll
    static void stopB() {
        SecondNode.stop(nodeB, DB_B);
    }

    static RestClient client(int port, String user) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, user + "-demo");
                    }
                }).build();
    }

    static <T> T eventually(Supplier<T> probe, Predicate<T> done) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T last = probe.get();
        while (!done.test(last) && System.nanoTime() < until) {
            Thread.sleep(100);
            last = probe.get();
        }
        return last;
    }

    void someChangesOnA() {
        for (int i = 0; i < 3; i++) {
            client(portA, "admin").post().uri("/api/v1/agencies").body(Map.of("code", "W" + System.nanoTime() % 1_000_000,
                    "name", "Witnessed agency", "kind", "POLICE", "country", "SE")).retrieve().toBodilessEntity();
        }
    }

    @SuppressWarnings("unchecked")
    long signOnA() {
        var res = client(portA, "auditor").post().uri("/api/v1/audit/checkpoints").retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).as(String.valueOf(res.getBody())).isEqualTo(201);
        return ((Number) res.getBody().get("size")).longValue();
    }

    @SuppressWarnings("unchecked")
    Long heldByB() {
        var res = client(PORT_B, null).get().uri("/api/v1/audit/witness/node-a/latest").retrieve().toEntity(Map.class);
        return res.getStatusCode().value() == 200 ? ((Number) res.getBody().get("size")).longValue() : null;
    }

    @Test
    void B_witnesses_As_checkpoints_in_order_and_refuses_the_one_signed_over_a_rewritten_log() throws Exception {
        nodeB = startB();
        someChangesOnA();
        long first = signOnA();
        assertThat(eventually(this::heldByB, s -> s != null && s == first)).isEqualTo(first);

        someChangesOnA();
        long second = signOnA();
        assertThat(second).isGreaterThan(first);
        // B checked the consistency proof from the first checkpoint to the second
        assertThat(eventually(this::heldByB, s -> s != null && s == second)).isEqualTo(second);
        JdbcTemplate jdbcB = nodeB.getBean(JdbcTemplate.class);
        assertThat(jdbcB.queryForList("select status from audit_witnessed_checkpoint where node = 'node-a'", String.class))
                .containsExactly("ACCEPTED", "ACCEPTED");
        CheckpointVerifier.Verification ok = checkpointsA.verify();
        assertThat(ok.intact()).as(String.valueOf(ok)).isTrue();
        assertThat(ok.checkpointsChecked()).as("two in A's file and B's copy").isEqualTo(3);

        // someone with the database and the disk rewrites A's log, recomputing every hash, and deletes A's file
        new AuditTampering(jdbcA).rewriteFrom(3, "mallory");
        Files.delete(fileA.path());
        assertThat(chainA.verify().intact()).isTrue();
        CheckpointVerifier.Verification found = checkpointsA.verify();
        assertThat(found.intact()).isFalse();
        assertThat(found.reason()).contains("checkpoint of size " + second).contains("(witness 'node-b') does not match: root differs");

        // with its file gone A signs over the rewritten log; its witness refuses that checkpoint
        long third = signOnA();
        List<Exchange.Outgoing> sent = eventually(() -> exchangeA.outgoing("node-b", Checkpoints.KIND),
                l -> l.size() == 3 && !"PENDING".equals(l.getLast().status()));
        assertThat(sent.getLast().reference()).isEqualTo(String.valueOf(third));
        assertThat(sent.getLast().status()).isEqualTo("REFUSED");
        assertThat(sent.getLast().lastError()).contains("is not consistent with the checkpoint of size " + second);
        assertThat(heldByB()).isEqualTo(second);
        assertThat(jdbcB.queryForObject("select reason from audit_witnessed_checkpoint where status = 'REFUSED'", String.class))
                .contains("the new tree does not extend it");
        assertThat(checkpointsA.verify().intact()).isFalse();

        // checkpoints that cannot follow the one B holds, signed with A's key and sent straight to B
        String heldRoot = nodeB.getBean(JdbcTemplate.class).queryForObject(
                "select root from audit_witnessed_checkpoint where size = ? and status = 'ACCEPTED'", String.class, second).trim();
        String otherRoot = "ab".repeat(32);
        var shorter = sendToB(checkpoint(second - 1, heldRoot, KEY_A[0]), second - 1);
        assertThat(shorter.getStatusCode().value()).isEqualTo(409);
        assertThat(String.valueOf(shorter.getBody().get("detail"))).contains("log is shorter than checkpoint")
                .contains("checkpoint of size " + second);
        var sameSize = sendToB(checkpoint(second, otherRoot, KEY_A[0]), second);
        assertThat(sameSize.getStatusCode().value()).isEqualTo(409);
        assertThat(String.valueOf(sameSize.getBody().get("detail"))).contains("does not match: root differs");
        var foreignKey = sendToB(checkpoint(second + 10, otherRoot, NodeKeys.generate()[0]), second);
        assertThat(foreignKey.getStatusCode().value()).isEqualTo(403);
        assertThat(foreignKey.getBody().get("code")).isEqualTo("SIGNATURE_INVALID");
        assertThat(heldByB()).isEqualTo(second);
    }

    static Map<String, Object> checkpoint(long size, String root, String privateKey) throws Exception {
        java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String text = Checkpoint.text("node-a", size, root, at);
        return Map.of("node", "node-a", "size", size, "root", root, "signedAt", at.toString(),
                "signature", sign(text, privateKey));
    }

    static String sign(String text, String privateKey) throws Exception {
        java.security.Signature s = java.security.Signature.getInstance("Ed25519");
        s.initSign(java.security.KeyFactory.getInstance("Ed25519").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(privateKey))));
        s.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.Base64.getEncoder().encodeToString(s.sign());
    }

    /** An AUDIT_CHECKPOINT document from node A (envelope signed with A's key) posted to B's exchange endpoint. */
    @SuppressWarnings("unchecked")
    org.springframework.http.ResponseEntity<Map> sendToB(Map<String, Object> checkpoint, long previousSize) throws Exception {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("id", UUID.randomUUID().toString());
        doc.put("kind", "AUDIT_CHECKPOINT");
        doc.put("sender", "node-a");
        doc.put("recipient", "node-b");
        doc.put("createdAt", java.time.Instant.now().toString());
        doc.put("nonce", UUID.randomUUID().toString().replace("-", ""));
        doc.put("body", Map.of("checkpoint", checkpoint, "previousSize", previousSize, "consistency", List.of()));
        String document = nodeB.getBean(tools.jackson.databind.ObjectMapper.class).writeValueAsString(doc);
        return client(PORT_B, null).post().uri("/api/v1/exchange")
                .body(Map.of("document", document, "signature", sign(document, KEY_A[0]))).retrieve().toEntity(Map.class);
    }
}
