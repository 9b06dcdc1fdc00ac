package org.ferret.standards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;

/** Evaluates a standard pack for one item: each applicable requirement met, not met or undecided, citing its paragraph. */
public final class Assessor {

    private Assessor() {
    }

    /**
     * @param facts     raw values by fact name (numbers in the fact's declared unit, yes/no, an option); absent or
     *                  blank means not known
     * @param decisions human decisions by requirement id
     * @throws FerretException (VALIDATION_FAILED) naming each fact that is unknown to the pack or out of its range
     */
    public static AssessmentResult assess(StandardPack pack, FirearmType type, Map<String, ?> facts,
            Map<String, HumanDecision> decisions) {
        Map<String, Object> values = values(pack, facts);
        if (decisions != null) {
            List<FieldProblem> problems = new ArrayList<>();
            decisions.keySet().forEach(id -> {
                StandardPack.Requirement r = pack.requirement(id);
                if (r == null || r.decision() != Decision.HUMAN) {
                    problems.add(new FieldProblem("decisions." + id, r == null ? "not a requirement of " + pack.reference()
                            : "decided from the facts, not by a person"));
                }
            });
            if (!problems.isEmpty()) {
                throw new FerretException(ErrorCode.VALIDATION_FAILED, "Decisions rejected: " + problems.stream()
                        .map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""), problems);
            }
        }
        List<RequirementResult> results = new ArrayList<>();
        for (StandardPack.Requirement r : pack.applicableTo(type)) {
            results.add(evaluate(r, values, decisions == null ? null : decisions.get(r.id())));
        }
        // an advisory requirement ("where possible") is reported, never decisive
        boolean failed = results.stream().anyMatch(r -> !r.advisory() && r.outcome() == Outcome.NOT_MET);
        boolean open = results.stream().anyMatch(r -> !r.advisory() && r.outcome() == Outcome.UNDECIDED);
        Verdict v = failed ? Verdict.FAILED : open ? Verdict.INCOMPLETE : Verdict.PASSED;
        return new AssessmentResult(pack.id(), pack.version(), type, v, results);
    }

    /** Checks raw values against the pack's facts and turns them into what conditions read. */
    public static Map<String, Object> values(StandardPack pack, Map<String, ?> facts) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        if (facts != null) {
            for (var e : facts.entrySet()) {
                StandardPack.Fact f = pack.facts().get(e.getKey());
                if (f == null) {
                    problems.add(new FieldProblem("facts." + e.getKey(), "not a fact of " + pack.reference()));
                    continue;
                }
                if (e.getValue() == null || e.getValue().toString().isBlank()) {
                    continue;
                }
                String why = f.problemWith(e.getValue());
                if (why != null) {
                    problems.add(new FieldProblem("facts." + e.getKey(), f.label() + ": " + why));
                } else {
                    out.put(f.name(), f.valueOf(e.getValue()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "Facts rejected: " + problems.stream()
                    .map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""), problems);
        }
        return out;
    }

    static RequirementResult evaluate(StandardPack.Requirement r, Map<String, Object> values, HumanDecision decision) {
        if (r.decision() == Decision.HUMAN) {
            List<String> missingEvidence = r.evidence().stream()
                    .filter(e -> decision == null || decision.evidence().get(e) == null || decision.evidence().get(e).isBlank())
                    .toList();
            if (decision == null || !missingEvidence.isEmpty()) {
                return new RequirementResult(r.id(), r.paragraph(), r.title(), r.decision(), Outcome.UNDECIDED, List.of(),
                        missingEvidence, decision == null ? "human decision pending" : "evidence not recorded", r.unverified(),
                        r.advisory());
            }
            return new RequirementResult(r.id(), r.paragraph(), r.title(), r.decision(),
                    decision.met() ? Outcome.MET : Outcome.NOT_MET, List.of(), List.of(),
                    "decided by " + decision.decidedBy() + (decision.note() == null ? "" : ": " + decision.note()), r.unverified(),
                    r.advisory());
        }
        Boolean truth = r.condition().evaluate(values);
        List<String> missing = r.condition().facts().stream().filter(f -> !values.containsKey(f)).sorted().toList();
        Outcome o = truth == null ? Outcome.UNDECIDED : truth ? Outcome.MET : Outcome.NOT_MET;
        return new RequirementResult(r.id(), r.paragraph(), r.title(), r.decision(), o,
                o == Outcome.UNDECIDED ? missing : List.of(), List.of(),
                o == Outcome.NOT_MET && r.message() != null ? r.message() : r.condition().text(), r.unverified(), r.advisory());
    }
}
