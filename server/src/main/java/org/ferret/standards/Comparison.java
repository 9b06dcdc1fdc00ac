package org.ferret.standards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The para 46 loophole made visible: an item deactivated to standard X, assessed under standard Y. Facts are matched by
 * name (packs share a vocabulary: {@code slot_width}, {@code certificate_issued}, …); facts Y asks for that X never
 * recorded leave Y's requirement undecided, which is an operation X did not require.
 */
public final class Comparison {

    private Comparison() {
    }

    /** Y's answer for the item, and which of Y's operations are missing (not met, or never recorded under X). */
    public record Result(String from, String to, FirearmType type, AssessmentResult underTo) {
        /** Y's automatic requirements the item fails. */
        public List<RequirementResult> failed() {
            return underTo.requirements().stream().filter(r -> r.decision() == Decision.AUTOMATIC && r.outcome() == Outcome.NOT_MET).toList();
        }

        /** Y's automatic requirements whose facts X never recorded: operations X did not require. */
        public List<RequirementResult> notRecorded() {
            return underTo.requirements().stream().filter(r -> r.decision() == Decision.AUTOMATIC && r.outcome() == Outcome.UNDECIDED).toList();
        }

        /** Y's requirements a person must still decide under Y (a decision under X does not carry over). */
        public List<RequirementResult> decisionsNeeded() {
            return underTo.requirements().stream().filter(r -> r.decision() == Decision.HUMAN && r.outcome() != Outcome.MET).toList();
        }

        /** Every automatic requirement of Y is met by what was recorded under X. */
        public boolean operationsSuffice() {
            return failed().isEmpty() && notRecorded().isEmpty();
        }
    }

    /** Assesses, under {@code to}, the facts recorded for an item under {@code from} (facts {@code to} does not know are left out). */
    public static Result compare(String from, Map<String, ?> recorded, StandardPack to, FirearmType type,
            Map<String, HumanDecision> decisionsUnderTo) {
        Map<String, Object> known = new LinkedHashMap<>();
        recorded.forEach((k, v) -> {
            if (to.facts().containsKey(k)) {
                known.put(k, v);
            }
        });
        return new Result(from, to.reference(), type, Assessor.assess(to, type, known, decisionsUnderTo));
    }

    /**
     * The reference item deactivated to {@code pack} for a type: every automatic requirement's passing example, merged.
     * It is the least the pack asks for as written in its examples.
     */
    public static Map<String, Object> referenceItem(StandardPack pack, FirearmType type) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (StandardPack.Requirement r : pack.applicableTo(type)) {
            if (r.cases() != null) {
                r.cases().pass().forEach(facts::putIfAbsent);
            }
        }
        return facts;
    }

    /** X's reference item for a type, assessed under Y. */
    public static Result of(StandardPack from, StandardPack to, FirearmType type) {
        return compare(from.reference(), referenceItem(from, type), to, type, Map.of());
    }

    /** One Markdown table per firearm type: row X (deactivated to), column Y (would it pass). */
    public static String matrix(List<StandardPack> packs, List<FirearmType> types) {
        StringBuilder md = new StringBuilder();
        for (FirearmType type : types) {
            md.append("### ").append(org.ferret.shared.Words.of(type)).append("\n\n| deactivated to ↓ / assessed under → |");
            for (StandardPack y : packs) {
                md.append(' ').append(y.reference()).append(" |");
            }
            md.append("\n|---|");
            md.append("---|".repeat(packs.size())).append('\n');
            for (StandardPack x : packs) {
                md.append("| ").append(x.reference()).append(" |");
                for (StandardPack y : packs) {
                    md.append(' ').append(x == y ? "—" : cell(of(x, y, type))).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    static String cell(Result r) {
        List<String> parts = new ArrayList<>();
        if (r.operationsSuffice()) {
            parts.add("operations suffice");
        }
        if (!r.failed().isEmpty()) {
            parts.add("fails " + paragraphs(r.failed()));
        }
        if (!r.notRecorded().isEmpty()) {
            parts.add("missing " + paragraphs(r.notRecorded()));
        }
        if (!r.decisionsNeeded().isEmpty()) {
            parts.add(r.decisionsNeeded().size() + " decision(s) by a person");
        }
        return String.join("; ", parts);
    }

    private static String paragraphs(List<RequirementResult> rs) {
        return String.join(" · ", rs.stream().map(RequirementResult::paragraph).toList());
    }
}
