package org.ferret.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * The append-only, hash-chained audit log. Every change of data calls {@link #record} inside the
 * transaction that makes the change, so the change and its audit entry commit or roll back together.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change: what was done to which entity, with its state before (null if new) and after. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String entityType, String entityId, Object before, Object after) {
        append(Actor.current(), action, entityType, entityId, toJson(before), toJson(after));
    }

    /** Records that the current user read personal data; committed even when the read itself is read-only. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRead(String entityType, String entityId, String what) {
        append(Actor.current(), "READ_PERSONAL_DATA", entityType, entityId, null, toJson(java.util.Map.of("read", what)));
    }

    private void append(Actor actor, String action, String entityType, String entityId, String before, String after) {
        Head head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long seq = head.seq() + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry entry = new AuditEntry(seq, at, actor.username(), actor.agency(), action, entityType, entityId,
                before, after, head.hash(), null);
        String hash = hashOf(entry);
        jdbc.sql("""
                insert into audit_log (seq, at, actor, agency, action, entity_type, entity_id, before_json, after_json, prev_hash, hash)
                values (:seq, :at, :actor, :agency, :action, :entityType, :entityId, :before, :after, :prev, :hash)""")
                .param("seq", seq).param("at", at.atOffset(ZoneOffset.UTC)).param("actor", actor.username())
                .param("agency", actor.agency()).param("action", action).param("entityType", entityType)
                .param("entityId", entityId).param("before", before).param("after", after)
                .param("prev", head.hash()).param("hash", hash)
                .update();
        jdbc.sql("update audit_head set last_seq = :seq, last_hash = :hash where id = 1")
                .param("seq", seq).param("hash", hash).update();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        return json.writeValueAsString(value);
    }

    /** SHA-256 over the entry's content and the previous hash, each field length-prefixed so no two entries collide by concatenation. */
    static String hashOf(AuditEntry e) {
        StringBuilder sb = new StringBuilder();
        for (String field : new String[] {Long.toString(e.seq()), e.at().toString(), e.actor(), e.agency(), e.action(),
                e.entityType(), e.entityId(), e.beforeJson(), e.afterJson(), e.prevHash()}) {
            if (field == null) {
                sb.append("-1:");
            } else {
                sb.append(field.length()).append(':').append(field);
            }
            sb.append('|');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e1);
        }
    }

    private record Head(long seq, String hash) {
    }
}
