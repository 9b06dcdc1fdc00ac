package org.ferret.standards;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A stored assessment: what was given (facts, decisions), for which item, under which pack version, and the result. */
public record Assessment(UUID id, String packId, String packVersion, FirearmType firearmType, UUID item,
        Map<String, Object> facts, Map<String, HumanDecision> decisions, AssessmentResult result, String assessedBy,
        Instant assessedAt) {

    public String reference() {
        return packId + "@" + packVersion;
    }
}
