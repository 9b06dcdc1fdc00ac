package org.ferret.screening.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ferret.screening.data.Table;

/**
 * Precision and recall at an inspection rate: the top n % of labelled declarations by score are "inspected".
 * Ties in score are broken by row order, so the figures are deterministic.
 */
public final class Metrics {
    public static final double[] RATES = {0.01, 0.02, 0.05, 0.10};

    private Metrics() {}

    /** Figures at one inspection rate. */
    public record AtRate(double rate, int inspected, double precision, double recall, double criticalRecall) {}

    /** Rows sorted by descending score (ties: lower row first). */
    public static int[] ranking(double[] score, int[] rows) {
        Integer[] idx = Arrays.stream(rows).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(score[b], score[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** Metrics over the labelled rows of {@code t}; critical recall counts severity-2 rows found in the top n %. */
    public static List<AtRate> at(Table t, double[] score, double[] rates) {
        int[] labelled = java.util.stream.IntStream.range(0, t.size()).filter(r -> t.label(r) >= 0).toArray();
        int[] order = ranking(score, labelled);
        int positives = 0, critical = 0;
        for (int r : labelled) {
            positives += t.label(r) == 1 ? 1 : 0;
            critical += t.severity(r) == 2 ? 1 : 0;
        }
        List<AtRate> out = new ArrayList<>();
        for (double rate : rates) {
            int k = (int) Math.round(rate * labelled.length);
            int tp = 0, ct = 0;
            for (int i = 0; i < k; i++) {
                tp += t.label(order[i]) == 1 ? 1 : 0;
                ct += t.severity(order[i]) == 2 ? 1 : 0;
            }
            out.add(new AtRate(rate, k, k == 0 ? Double.NaN : (double) tp / k, positives == 0 ? Double.NaN : (double) tp / positives,
                    critical == 0 ? Double.NaN : (double) ct / critical));
        }
        return out;
    }

    /** Figures of a selection: how many selected, and among the labelled rows precision, recall and critical recall. */
    public record OfSelection(int selected, int frauds, int critical, double precision, double recall, double criticalRecall) {}

    /**
     * Precision, recall and critical recall (severity 2) of the rows flagged in {@code selected}, over the labelled
     * rows of {@code t} (an unlabelled selected row counts as selected, not as a fraud or a miss).
     */
    public static OfSelection ofSelection(Table t, boolean[] selected) {
        int picked = 0, pickedLabelled = 0, tp = 0, ct = 0, positives = 0, critical = 0;
        for (int r = 0; r < t.size(); r++) {
            boolean in = selected[r];
            if (in) picked++;
            if (t.label(r) < 0) continue;
            boolean fraud = t.label(r) == 1, crit = t.severity(r) == 2;
            positives += fraud ? 1 : 0;
            critical += crit ? 1 : 0;
            if (!in) continue;
            pickedLabelled++;
            tp += fraud ? 1 : 0;
            ct += crit ? 1 : 0;
        }
        return new OfSelection(picked, tp, ct, pickedLabelled == 0 ? Double.NaN : (double) tp / pickedLabelled,
                positives == 0 ? Double.NaN : (double) tp / positives, critical == 0 ? Double.NaN : (double) ct / critical);
    }

    public static String table(List<AtRate> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-6s %9s %10s %8s %16s%n", "n", "inspected", "precision", "recall", "critical recall"));
        for (AtRate a : rows) {
            sb.append(String.format(Locale.ROOT, "%-6s %9d %10.4f %8.4f %16s%n", pct(a.rate()), a.inspected(), a.precision(), a.recall(),
                    Double.isNaN(a.criticalRecall()) ? "-" : String.format(Locale.ROOT, "%.4f", a.criticalRecall())));
        }
        return sb.toString();
    }

    public static String pct(double rate) {
        double p = rate * 100;
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
    }
}
