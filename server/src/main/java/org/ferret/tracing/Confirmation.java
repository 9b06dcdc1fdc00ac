package org.ferret.tracing;

import java.time.Instant;
import java.util.UUID;

/** A recorded decision that a candidate is (CONFIRMED) or is not (REJECTED) the item in hand. */
public record Confirmation(UUID id, UUID itemId, String pattern, String serial, Decision decision, UUID traceRequest,
        String note, String decidedBy, String agency, Instant decidedAt) {

    /** The officer's verdict after checking the physical item against the record. */
    public enum Decision {
        CONFIRMED, REJECTED
    }
}
