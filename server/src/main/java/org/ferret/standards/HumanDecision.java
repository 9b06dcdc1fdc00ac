package org.ferret.standards;

import java.util.Map;

/** A person's decision on a requirement that calls for one, with the evidence recorded for each listed item. */
public record HumanDecision(boolean met, String decidedBy, Map<String, String> evidence, String note) {
    public HumanDecision {
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    }
}
