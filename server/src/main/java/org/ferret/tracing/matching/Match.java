package org.ferret.tracing.matching;

import java.util.List;

/**
 * A recorded serial that fits a pattern: its score in (0, 1] (1 = every character read exactly) and the
 * explanation, one entry per character of the recorded serial.
 */
public record Match(String serial, double score, int exact, int confused, int unknown, List<PositionMatch> explanation) {

    public Match {
        explanation = List.copyOf(explanation);
    }

    /** One line for people: "exact 7, confused 1 (pos 3 O→0), unknown 2". */
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
        return sb.toString();
    }
}
