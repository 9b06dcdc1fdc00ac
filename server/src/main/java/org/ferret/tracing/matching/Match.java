package org.ferret.tracing.matching;

import java.util.List;

/**
 * A recorded serial that fits a pattern: its score in [0, 1] (1 = every character read exactly), how many
 * characters were exact, confused or unreadable, how many edits (a character substituted outside its confusion
 * class, dropped or inserted) the fit needed, and the explanation, one entry per recorded character plus one per
 * extra character read.
 */
public record Match(String serial, double score, int exact, int confused, int unknown, int edits,
        List<PositionMatch> explanation) {

    public Match {
        explanation = List.copyOf(explanation);
    }

    /** One line for people: "exact 7, confused 1 (pos 3 O→0), unreadable 2, edited 1 (pos 5 F for E)". */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("exact ").append(exact);
        if (confused > 0) {
            sb.append(", confused ").append(confused).append(" (");
            boolean first = true;
            for (PositionMatch p : explanation) {
                if (p.kind() == PositionMatch.Kind.CONFUSION) {
                    sb.append(first ? "" : ", ").append("pos ").append(p.position()).append(' ')
                            .append(p.read()).append("→").append(p.recorded());
                    first = false;
                }
            }
            sb.append(')');
        }
        if (unknown > 0) {
            sb.append(", unreadable ").append(unknown);
        }
        long ignored = explanation.stream().filter(p -> p.kind() == PositionMatch.Kind.IGNORED).count();
        if (ignored > 0) {
            sb.append(", ignored letters ").append(ignored);
        }
        if (edits > 0) {
            sb.append(", edited ").append(edits).append(" (");
            boolean first = true;
            for (PositionMatch p : explanation) {
                String what = switch (p.kind()) {
                    case SUBSTITUTED -> "pos " + p.position() + " " + p.read() + " read for " + p.recorded();
                    case MISSING -> "pos " + p.position() + " " + p.recorded() + " not in the reading";
                    case EXTRA -> "extra " + p.read() + (p.position() == 0 ? " before pos 1" : " after pos " + p.position());
                    default -> null;
                };
                if (what != null) {
                    sb.append(first ? "" : ", ").append(what);
                    first = false;
                }
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
