package org.ferret.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Signed checkpoints find what the hash chain alone cannot: a tail cut off with the chain head moved back, and a
 * chain rewritten with every hash recomputed. And an entry's inclusion in the latest checkpoint can be proven.
 */
@FerretIntegrationTest
class CheckpointIT {

    /** A context of its own: these tests sign checkpoints that other tests' changes to the log would contradict. */
    @DynamicPropertySource
    static void ownContext(DynamicPropertyRegistry r) {
        r.add("ferret.audit.checkpoints.interval", () -> "PT2H");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditVerifier chain;
    @Autowired
    CheckpointVerifier checkpoints;

    RestClient as(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, user + "-demo"))
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    @BeforeEach
    void some_changes_are_audited() {
        for (int i = 0; i < 3; i++) {
            as("admin").post().uri("/api/v1/agencies").body(Map.of("code", "C" + System.nanoTime() % 1_000_000,
                    "name", "Checkpoint agency", "kind", "POLICE", "country", "SE")).retrieve().toBodilessEntity();
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> sign() {
        var res = as("auditor").post().uri("/api/v1/audit/checkpoints").retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).as(String.valueOf(res.getBody())).isEqualTo(201);
        return res.getBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_tail_cut_off_with_the_head_moved_back_passes_the_chain_but_not_the_checkpoint() {
        Map<String, Object> cp = sign();
        long size = ((Number) cp.get("size")).longValue();
        assertThat(checkpoints.verify().intact()).isTrue();
        AuditTampering attacker = new AuditTampering(jdbc);
        // the signing itself was audited after the checkpoint's last entry: cut 5 entries of the signed part too
        long entries = jdbc.queryForObject("select count(*) from audit_log", Long.class);
        attacker.cutTail((int) (entries - size) + 5);
        try {
            assertThat(chain.verify().intact()).as("the hash chain alone sees nothing").isTrue();
            CheckpointVerifier.Verification v = checkpoints.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problems()).anySatisfy(p -> assertThat(p).contains("log is shorter than checkpoint")
                    .contains("checkpoint of size " + size + " signed at " + cp.get("signedAt"))
                    .contains("the log has " + (size - 5)));
            Map<String, Object> api = as("auditor").get().uri("/api/v1/audit/verify").retrieve().body(Map.class);
            assertThat(api.get("intact")).isEqualTo(false);
            assertThat((String) api.get("reason")).contains("log is shorter than checkpoint");
            assertThat(((Map<String, Object>) api.get("chain")).get("intact")).isEqualTo(true);
        } finally {
            attacker.restore();
        }
        assertThat(checkpoints.verify().intact()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_chain_rewritten_with_recomputed_hashes_passes_the_chain_but_not_the_checkpoint_and_is_not_signed_over() {
        Map<String, Object> cp = sign();
        AuditTampering attacker = new AuditTampering(jdbc);
        attacker.rewriteFrom(2, "mallory");
        try {
            assertThat(chain.verify().intact()).as("the hash chain alone sees nothing").isTrue();
            CheckpointVerifier.Verification v = checkpoints.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problems()).anySatisfy(p -> assertThat(p).contains("checkpoint of size " + cp.get("size")
                    + " signed at " + cp.get("signedAt") + " (this node's checkpoint file) does not match: root differs"));
            var refused = as("auditor").post().uri("/api/v1/audit/checkpoints").retrieve().toEntity(Map.class);
            assertThat(refused.getStatusCode().value()).isEqualTo(409);
            assertThat((String) refused.getBody().get("detail")).contains("no longer matches its earlier checkpoints");
        } finally {
            attacker.restore();
        }
        assertThat(checkpoints.verify().intact()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_entry_is_proven_to_be_in_the_latest_checkpoint_and_the_proof_checks_out_without_the_log() {
        Map<String, Object> cp = sign();
        long size = ((Number) cp.get("size")).longValue();
        long seq = size - 2;
        Map<String, Object> proof = as("auditor").get().uri("/api/v1/audit/proof?seq=" + seq).retrieve().body(Map.class);
        assertThat(proof.get("verified")).isEqualTo(true);
        assertThat(((Number) proof.get("treeSize")).longValue()).isEqualTo(size);
        HexFormat hex = HexFormat.of();
        String entryHash = jdbc.queryForObject("select hash from audit_log where seq = ?", String.class, seq).trim();
        List<byte[]> path = ((List<String>) proof.get("path")).stream().map(hex::parseHex).toList();
        byte[] root = hex.parseHex((String) cp.get("root"));
        // checked here from the entry's hash, the path and the signed root only
        assertThat(MerkleTree.verifyInclusion(seq - 1, size, MerkleTree.leafHash(hex.parseHex(entryHash)), path, root)).isTrue();
        byte[] otherEntry = hex.parseHex(jdbc.queryForObject("select hash from audit_log where seq = ?", String.class, seq + 1).trim());
        assertThat(MerkleTree.verifyInclusion(seq - 1, size, MerkleTree.leafHash(otherEntry), path, root)).isFalse();

        var beyond = as("auditor").get().uri("/api/v1/audit/proof?seq=" + (size + 1000)).retrieve().toEntity(Map.class);
        assertThat(beyond.getStatusCode().value()).isEqualTo(404);
        assertThat((String) beyond.getBody().get("detail")).contains("no checkpoint covers entry " + (size + 1000));
        var registrar = as("registrar").get().uri("/api/v1/audit/proof?seq=1").retrieve().toEntity(Map.class);
        assertThat(registrar.getStatusCode().value()).isEqualTo(403);
    }
}
