package org.ferret.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.ObjectMapper;

/**
 * The append-only, hash-chained audit log. Every change of data calls {@link #record} inside the
 * transaction that makes the change, so the change and its audit entry commit or roll back together.
 * <p>
 * Entries are buffered per transaction and appended just before it commits: the chain head's row lock,
 * which keeps the chain linear, is then held only for the last moments of a transaction, however long the
 * transaction itself runs, and the chain's order is the order in which changes committed.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final RecordHashing hashing;

    AuditLog(JdbcClient jdbc, ObjectMapper json, Clock clock, RecordHashing hashing) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.hashing = hashing;
    }

    /** Records a change: what was done to which entity, with its state before (null if new) and after. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String entityType, String entityId, Object before, Object after) {
        pending().add(new Pending(Actor.current(), clock.instant().truncatedTo(ChronoUnit.MICROS), action, entityType,
                entityId, toJson(before), toJson(after)));
    }

    /**
     * Records something done by an actor who is not (or not yet) the current user, such as a failed sign-in,
     * which is attributed to {@code anonymous} and not to the account whose name was tried.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(Actor actor, String action, String entityType, String entityId, Object before, Object after) {
        pending().add(new Pending(actor, clock.instant().truncatedTo(ChronoUnit.MICROS), action, entityType,
                entityId, toJson(before), toJson(after)));
    }

    /** Records that the current user read personal data; committed even when the read itself is read-only. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRead(String entityType, String entityId, String what) {
        pending().add(new Pending(Actor.current(), clock.instant().truncatedTo(ChronoUnit.MICROS), "READ_PERSONAL_DATA",
                entityType, entityId, null, toJson(java.util.Map.of("read", what))));
    }

    /** An entry waiting for its transaction to commit. */
    private record Pending(Actor actor, Instant at, String action, String entityType, String entityId, String before,
            String after) {
    }

    /** This transaction's entries and record coverage, waiting for the commit. */
    static final class Buffer {
        final List<Pending> entries = new ArrayList<>();
        final RecordHashing.Batch coverage;

        Buffer(RecordHashing.Batch coverage) {
            this.coverage = coverage;
        }

        boolean add(Pending p) {
            return entries.add(p);
        }

        void clear() {
            entries.clear();
        }
    }

    private Buffer pending() {
        return buffer();
    }

    /** This transaction's buffer, created (with the synchronization that flushes it) on first use. */
    Buffer buffer() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("audit entries and record coverage are written only inside a transaction");
        }
        Object key = this;
        Buffer buffer = (Buffer) TransactionSynchronizationManager.getResource(key);
        if (buffer == null) {
            Buffer fresh = new Buffer(hashing.newBatch());
            TransactionSynchronizationManager.bindResource(key, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    AuditLog.this.flush(fresh);
                    fresh.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }

                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(key, fresh);
                }
            });
            buffer = fresh;
        }
        return buffer;
    }

    /**
     * Appends a committing transaction's entries to the chain under the head's row lock. The transaction's covered
     * records are hashed first (outside the lock) and their batch is committed by the last entry; a transaction that
     * covered records but recorded nothing gets a {@code RECORDS_COVERED} entry.
     */
    private void flush(Buffer buffer) {
        RecordHashing.Batch batch = buffer.coverage;
        hashing.seal(batch);
        List<Pending> entries = buffer.entries;
        if (batch.count() > 0 && entries.isEmpty()) {
            entries.add(new Pending(Actor.current(), clock.instant().truncatedTo(ChronoUnit.MICROS), "RECORDS_COVERED",
                    "record-coverage", batch.id().toString(), null, null));
        }
        if (entries.isEmpty()) {
            return;
        }
        Head head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long seq = head.seq();
        String prev = head.hash();
        for (int i = 0; i < entries.size(); i++) {
            Pending p = entries.get(i);
            boolean covering = i == entries.size() - 1 && batch.count() > 0;
            seq++;
            AuditEntry entry = new AuditEntry(seq, p.at(), p.actor().username(), p.actor().agency(), p.action(),
                    p.entityType(), p.entityId(), p.before(), p.after(), prev, null,
                    covering ? AuditEntry.covers(batch.id(), batch.count(), batch.digest()) : null);
            String hash = hashOf(entry);
            jdbc.sql("""
                    insert into audit_log (seq, at, actor, agency, action, entity_type, entity_id, before_json, after_json,
                        prev_hash, hash, cover_batch, cover_count, cover_digest)
                    values (:seq, :at, :actor, :agency, :action, :entityType, :entityId, :before, :after, :prev, :hash,
                        :coverBatch, :coverCount, :coverDigest)""")
                    .param("seq", seq).param("at", p.at().atOffset(ZoneOffset.UTC)).param("actor", entry.actor())
                    .param("agency", entry.agency()).param("action", p.action()).param("entityType", p.entityType())
                    .param("entityId", p.entityId()).param("before", p.before()).param("after", p.after())
                    .param("prev", prev).param("hash", hash)
                    .param("coverBatch", covering ? batch.id() : null)
                    .param("coverCount", covering ? batch.count() : null)
                    .param("coverDigest", covering ? batch.digest() : null)
                    .update();
            prev = hash;
        }
        jdbc.sql("update audit_head set last_seq = :seq, last_hash = :hash where id = 1")
                .param("seq", seq).param("hash", prev).update();
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

    /**
     * SHA-256 over the entry's content and the previous hash, each field length-prefixed so no two entries collide by
     * concatenation. The record coverage an entry commits is an eleventh field, present only when there is one, so
     * entries written before coverage existed keep their hashes.
     */
    static String hashOf(AuditEntry e) {
        StringBuilder sb = new StringBuilder();
        String[] fields = {Long.toString(e.seq()), e.at().toString(), e.actor(), e.agency(), e.action(),
                e.entityType(), e.entityId(), e.beforeJson(), e.afterJson(), e.prevHash()};
        if (e.covers() != null) {
            fields = java.util.Arrays.copyOf(fields, fields.length + 1);
            fields[fields.length - 1] = e.covers();
        }
        for (String field : fields) {
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
