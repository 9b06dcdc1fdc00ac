package org.ferret.tracing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ferret.tracing.matching.PositionMatch;

/** An item proposed for a trace request by the marking search, and the tracing officer's decision on it. */
public record TraceCandidate(UUID itemId, String serial, double score, String summary,
        List<PositionMatch> explanation, Decision decision, String decidedBy, Instant decidedAt) {

    /** PROPOSED until an officer checks it; CONFIRMED or REJECTED afterwards. */
    public enum Decision {
        PROPOSED, CONFIRMED, REJECTED
    }
}
