package org.ferret.prints;

import java.time.Instant;
import java.util.UUID;

/**
 * A screening answered review or block, held for a reviewer: who sent it, the file's name and SHA-256, the verdict,
 * the screening's JSON (evidence, facts, fingerprint), the library version it was screened against, and the
 * decision once made. {@code fileKept} says whether the file bytes are still held.
 */
public record HeldFile(UUID id, String client, String fileName, String sha256, String verdict, String screeningJson,
        long libraryVersion, Instant screenedAt, ReviewOutcome outcome, FileDisposition disposition, String decisionReason,
        String decidedBy, Instant decidedAt, boolean fileKept) {
    public boolean decided() {
        return decidedAt != null;
    }
}
