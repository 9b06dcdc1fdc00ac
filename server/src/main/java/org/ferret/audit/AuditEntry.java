package org.ferret.audit;

import java.time.Instant;

/**
 * One row of the audit log as stored. {@code covers} is null, or names the batch of record hashes this entry commits
 * ({@link RecordCoverage}) as {@code batch:count:digest}.
 */
public record AuditEntry(long seq, Instant at, String actor, String agency, String action, String entityType,
        String entityId, String beforeJson, String afterJson, String prevHash, String hash, String covers) {

    /** The {@code covers} text from the three cover_* columns (all null, or none). */
    public static String covers(Object batch, Object count, Object digest) {
        return batch == null ? null : batch + ":" + count + ":" + String.valueOf(digest).trim();
    }
}
