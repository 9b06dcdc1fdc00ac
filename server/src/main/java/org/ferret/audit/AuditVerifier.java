package org.ferret.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Walks the audit chain and reports the first broken link: an altered, removed or inserted row. */
@Service
public class AuditVerifier {

    /** The outcome of a verification: intact, or the first sequence number at which the chain breaks and why. */
    public record Verification(boolean intact, long entriesChecked, Long brokenAtSeq, String reason) {
        static Verification ok(long n) {
            return new Verification(true, n, null, null);
        }
    }

    private final JdbcTemplate jdbc;

    AuditVerifier(javax.sql.DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        Walker w = new Walker();
        jdbc.query("select seq, at, actor, agency, action, entity_type, entity_id, before_json, after_json, prev_hash, hash, "
                + "cover_batch, cover_count, cover_digest "
                + "from audit_log order by seq", w);
        if (w.broken != null) {
            return w.broken;
        }
        var head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1");
        long headSeq = ((Number) head.get("last_seq")).longValue();
        String headHash = ((String) head.get("last_hash")).trim();
        if (headSeq != w.expectedSeq - 1 || !headHash.equals(w.prevHash)) {
            return new Verification(false, w.checked, w.expectedSeq,
                    "the log ends at entry " + (w.expectedSeq - 1) + " but the chain head records entry " + headSeq
                            + ": entries at the end were removed or the head was altered");
        }
        return Verification.ok(w.checked);
    }

    private static final class Walker implements RowCallbackHandler {
        long expectedSeq = 1;
        long checked;
        String prevHash = AuditLog.GENESIS;
        Verification broken;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (broken != null) {
                return;
            }
            long seq = rs.getLong("seq");
            AuditEntry e = new AuditEntry(seq, rs.getObject("at", OffsetDateTime.class).toInstant(),
                    rs.getString("actor"), rs.getString("agency"), rs.getString("action"),
                    rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("before_json"),
                    rs.getString("after_json"), rs.getString("prev_hash").trim(), rs.getString("hash").trim(),
                    AuditEntry.covers(rs.getObject("cover_batch"), rs.getObject("cover_count"), rs.getObject("cover_digest")));
            if (seq != expectedSeq) {
                broken = new Verification(false, checked, expectedSeq,
                        "entry " + expectedSeq + " is missing (next entry found is " + seq + ")");
            } else if (!e.prevHash().equals(prevHash)) {
                broken = new Verification(false, checked, seq,
                        "entry " + seq + " does not link to the hash of entry " + (seq - 1));
            } else if (!AuditLog.hashOf(e).equals(e.hash())) {
                broken = new Verification(false, checked, seq,
                        "entry " + seq + " was altered: its content no longer matches its hash");
            } else {
                checked++;
                expectedSeq++;
                prevHash = e.hash();
            }
        }
    }
}
