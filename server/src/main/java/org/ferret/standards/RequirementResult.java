package org.ferret.standards;

import java.util.List;

/** The answer for one requirement, with its paragraph, the facts still missing and the evidence still to record. */
public record RequirementResult(String requirement, String paragraph, String title, Decision decision, Outcome outcome,
        List<String> missingFacts, List<String> missingEvidence, String reason, String unverified) {
    public RequirementResult {
        missingFacts = List.copyOf(missingFacts);
        missingEvidence = List.copyOf(missingEvidence);
    }
}
