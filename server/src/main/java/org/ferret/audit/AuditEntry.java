package org.ferret.audit;

import java.time.Instant;

/** One row of the audit log as stored. */
public record AuditEntry(long seq, Instant at, String actor, String agency, String action, String entityType,
        String entityId, String beforeJson, String afterJson, String prevHash, String hash) {
}
