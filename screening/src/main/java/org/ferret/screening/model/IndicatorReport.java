package org.ferret.screening.model;

import java.util.List;
import java.util.Locale;

/** How each risk indicator did on the training outcomes, overall and in the most recent days, and its re-estimated weight. */
public record IndicatorReport(int labelled, int recentLabelled, int recentDays, List<Line> lines) {

    /** One indicator's figures. */
    public record Line(String rule, int hits, int frauds, int recentHits, int recentFrauds, double oldWeight, double newWeight) {
        public double hitRate(int labelled) {
            return labelled == 0 ? 0 : (double) hits / labelled;
        }

        public double precision() {
            return hits == 0 ? Double.NaN : (double) frauds / hits;
        }

        public double recentPrecision() {
            return recentHits == 0 ? Double.NaN : (double) recentFrauds / recentHits;
        }
    }

    /** A fixed-width table for analysts; an indicator with no recent hit is flagged as a candidate to retire. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-36s %7s %8s %9s %12s %12s %8s %8s%n", "indicator", "hits", "hit rate", "precision",
                "recent hits", "recent prec.", "weight", "new wt."));
        for (Line l : lines) {
            sb.append(String.format(Locale.ROOT, "%-36s %7d %8.4f %9s %12d %12s %8.2f %8.2f%s%n", l.rule(), l.hits(), l.hitRate(labelled),
                    fmt(l.precision()), l.recentHits(), fmt(l.recentPrecision()), l.oldWeight(), l.newWeight(),
                    l.recentHits() == 0 ? "  (no hit in last " + recentDays + " days: retire?)" : ""));
        }
        sb.append(String.format(Locale.ROOT, "(%d labelled declarations, %d in the last %d days)%n", labelled, recentLabelled, recentDays));
        return sb.toString();
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.3f", d);
    }
}
