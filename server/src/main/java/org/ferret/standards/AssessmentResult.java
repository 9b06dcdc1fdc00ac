package org.ferret.standards;

import java.util.List;

/** An assessment's answer: per requirement met, not met or undecided, and the verdict with what is still missing. */
public record AssessmentResult(String packId, String packVersion, FirearmType firearmType, Verdict verdict,
        List<RequirementResult> requirements) {
    public AssessmentResult {
        requirements = List.copyOf(requirements);
    }

    public List<RequirementResult> notMet() {
        return requirements.stream().filter(r -> r.outcome() == Outcome.NOT_MET).toList();
    }

    public List<RequirementResult> undecided() {
        return requirements.stream().filter(r -> r.outcome() == Outcome.UNDECIDED).toList();
    }

    public RequirementResult result(String requirement) {
        return requirements.stream().filter(r -> r.requirement().equals(requirement)).findFirst().orElse(null);
    }

    /**
     * In words: which requirements (by paragraph) are not met and what is missing for the undecided ones; advisory
     * requirements are left out (they never hold a verdict back).
     */
    public List<String> missing() {
        List<String> out = new java.util.ArrayList<>();
        for (RequirementResult r : requirements) {
            if (r.advisory()) {
                continue;
            }
            switch (r.outcome()) {
                case NOT_MET -> out.add(r.paragraph() + " (" + r.title() + "): not met");
                case UNDECIDED -> out.add(r.paragraph() + " (" + r.title() + "): "
                        + (r.decision() == Decision.HUMAN ? (r.missingEvidence().isEmpty() ? "human decision pending"
                                : "human decision pending; evidence to record: " + String.join(", ", r.missingEvidence()))
                                : "facts missing: " + String.join(", ", r.missingFacts())));
                default -> { }
            }
        }
        return out;
    }
}
