package org.ferret.screening.rules;

import java.util.List;
import java.util.regex.Pattern;

/** A risk indicator: conditions that must all hold, a weight, a one-line rationale and where the pattern comes from. */
public record Rule(String id, List<Condition> conditions, double weight, String rationale, String source) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Rule {
        if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("rule id must be lower-case letters, digits and dashes: '" + id + "'");
        conditions = List.copyOf(conditions);
        rationale = rationale == null ? null : rationale.strip();
        if (conditions.isEmpty()) throw new IllegalArgumentException("rule " + id + " has no condition");
        if (!Double.isFinite(weight)) throw new IllegalArgumentException("rule " + id + ": weight must be a finite number");
        if (rationale == null || rationale.isBlank() || rationale.contains("\n")) throw new IllegalArgumentException("rule " + id + " needs a one-line rationale");
        source = source == null ? "" : source.strip();
        if (source.contains("\n")) throw new IllegalArgumentException("rule " + id + ": source must be one line");
    }

    public Rule withWeight(double w) {
        return new Rule(id, conditions, w, rationale, source);
    }
}
