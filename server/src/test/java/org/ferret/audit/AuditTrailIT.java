package org.ferret.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

@FerretIntegrationTest
class AuditTrailIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditVerifier verifier;

    RestClient as(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, user + "-demo"))
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    @BeforeEach
    void changes_are_audited() {
        // each test starts with a chain that verifies, containing at least the demo users and one more change
        as("admin").post().uri("/api/v1/agencies")
                .body(Map.of("code", "A" + System.nanoTime() % 1_000_000, "name", "Test agency", "kind", "POLICE", "country", "SE"))
                .retrieve().toBodilessEntity();
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void records_who_did_what_with_before_and_after() {
        as("admin").post().uri("/api/v1/users/readonly/disable").retrieve().toBodilessEntity();
        var row = jdbc.queryForMap("select actor, agency, before_json, after_json from audit_log "
                + "where action = 'USER_DISABLED' order by seq desc fetch first 1 rows only");
        assertThat(row.get("actor")).isEqualTo("admin");
        assertThat(row.get("agency")).isEqualTo("NFA");
        assertThat((String) row.get("before_json")).contains("\"enabled\":true");
        assertThat((String) row.get("after_json")).contains("\"enabled\":false");
        as("admin").post().uri("/api/v1/users/readonly/enable").retrieve().toBodilessEntity();
    }

    @Test
    void detects_an_entry_altered_directly_in_the_database() {
        long seq = jdbc.queryForObject("select min(seq) + 2 from audit_log", Long.class);
        String original = jdbc.queryForObject("select actor from audit_log where seq = ?", String.class, seq);
        org.ferret.testsupport.Dba.of(jdbc).update("update audit_log set actor = 'mallory' where seq = ?", seq);
        try {
            var v = verifier.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenAtSeq()).isEqualTo(seq);
            assertThat(v.reason()).contains("altered");
            var viaApi = as("auditor").get().uri("/api/v1/audit/verify").retrieve().body(Map.class);
            assertThat(viaApi.get("intact")).isEqualTo(false);
            assertThat(((Number) viaApi.get("brokenAtSeq")).longValue()).isEqualTo(seq);
        } finally {
            org.ferret.testsupport.Dba.of(jdbc).update("update audit_log set actor = ? where seq = ?", original, seq);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void detects_an_entry_removed_from_the_middle_and_from_the_end() {
        long middle = jdbc.queryForObject("select min(seq) + 1 from audit_log", Long.class);
        var saved = jdbc.queryForMap("select * from audit_log where seq = ?", middle);
        org.ferret.testsupport.Dba.of(jdbc).update("delete from audit_log where seq = ?", middle);
        try {
            var v = verifier.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenAtSeq()).isEqualTo(middle);
            assertThat(v.reason()).contains("missing");
        } finally {
            reinsert(saved);
        }
        long last = jdbc.queryForObject("select max(seq) from audit_log", Long.class);
        var tail = jdbc.queryForMap("select * from audit_log where seq = ?", last);
        org.ferret.testsupport.Dba.of(jdbc).update("delete from audit_log where seq = ?", last);
        try {
            var v = verifier.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.reason()).contains("removed");
        } finally {
            reinsert(tail);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void only_auditors_may_verify_and_others_get_a_problem_with_a_stable_code() {
        var res = as("registrar").get().uri("/api/v1/audit/verify").retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).isEqualTo(403);
        assertThat(res.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(res.getBody().get("code")).isEqualTo("FORBIDDEN");
    }

    private void reinsert(Map<String, Object> r) {
        org.ferret.testsupport.Dba.of(jdbc).update("insert into audit_log (seq, at, actor, agency, action, entity_type, entity_id, before_json, "
                + "after_json, prev_hash, hash, cover_batch, cover_count, cover_digest) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                r.get("seq"), r.get("at"),
                r.get("actor"), r.get("agency"), r.get("action"), r.get("entity_type"), r.get("entity_id"),
                r.get("before_json"), r.get("after_json"), r.get("prev_hash"), r.get("hash"), r.get("cover_batch"),
                r.get("cover_count"), r.get("cover_digest"));
    }
}
