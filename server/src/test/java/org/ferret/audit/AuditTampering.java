package org.ferret.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** What an attacker with write access to the database does to the audit log, and the undoing of it, for tests. */
final class AuditTampering {

    private final JdbcTemplate jdbc;
    private final JdbcTemplate dba;
    private final List<Map<String, Object>> saved;
    private final Map<String, Object> savedHead;

    /** Saves the whole log and its head so that {@link #restore()} can put them back. */
    AuditTampering(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dba = org.ferret.testsupport.Dba.of(jdbc);
        this.saved = jdbc.queryForList("select * from audit_log order by seq");
        this.savedHead = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1");
    }

    /** Deletes the last {@code n} entries and moves the head back to the entry before them: the chain still verifies. */
    void cutTail(int n) {
        long last = jdbc.queryForObject("select max(seq) from audit_log", Long.class);
        dba.update("delete from audit_log where seq > ?", last - n);
        String hash = jdbc.queryForObject("select hash from audit_log where seq = ?", String.class, last - n);
        dba.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", last - n, hash);
    }

    /**
     * Changes the actor of entry {@code seq} and recomputes the hash of it and of every later entry and the head, as
     * someone who knows the hashing would: the chain still verifies.
     */
    void rewriteFrom(long seq, String actor) {
        dba.update("update audit_log set actor = ? where seq = ?", actor, seq);
        String prev = jdbc.queryForObject("select prev_hash from audit_log where seq = ?", String.class, seq).trim();
        long last = seq - 1;
        for (Map<String, Object> r : jdbc.queryForList("select * from audit_log where seq >= ? order by seq", seq)) {
            AuditEntry e = new AuditEntry(((Number) r.get("seq")).longValue(), at(r.get("at")), (String) r.get("actor"),
                    (String) r.get("agency"), (String) r.get("action"), (String) r.get("entity_type"),
                    (String) r.get("entity_id"), (String) r.get("before_json"), (String) r.get("after_json"), prev, null,
                    AuditEntry.covers(r.get("cover_batch"), r.get("cover_count"), r.get("cover_digest")));
            String hash = AuditLog.hashOf(e);
            dba.update("update audit_log set prev_hash = ?, hash = ? where seq = ?", prev, hash, e.seq());
            prev = hash;
            last = e.seq();
        }
        dba.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", last, prev);
    }

    private static java.time.Instant at(Object v) {
        return v instanceof OffsetDateTime o ? o.toInstant()
                : v instanceof java.sql.Timestamp t ? t.toInstant() : java.time.Instant.parse(String.valueOf(v));
    }

    /** Puts back every entry and the head as they were when this was made (later entries are removed). */
    void restore() {
        dba.update("delete from audit_log");
        for (Map<String, Object> r : saved) {
            String cols = String.join(", ", r.keySet());
            String marks = String.join(", ", r.keySet().stream().map(k -> "?").toList());
            dba.update("insert into audit_log (" + cols + ") values (" + marks + ")", r.values().toArray());
        }
        dba.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", savedHead.get("last_seq"),
                savedHead.get("last_hash"));
    }
}
