package org.ferret.standards;

import java.util.List;

/**
 * The answer for one requirement, with its paragraph, the facts still missing and the evidence still to record.
 * {@code reason}: the requirement's message when it is not met (its condition when it has no message, or is met), or
 * what a human decision is waiting for. An {@code advisory} result never fails the verdict.
 */
public record RequirementResult(String requirement, String paragraph, String title, Decision decision, Outcome outcome,
        List<String> missingFacts, List<String> missingEvidence, String reason, String unverified, boolean advisory) {
    public RequirementResult {
        missingFacts = List.copyOf(missingFacts);
        missingEvidence = List.copyOf(missingEvidence);
    }
}
