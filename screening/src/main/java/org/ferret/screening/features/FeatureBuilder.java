package org.ferret.screening.features;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ferret.screening.data.Table;
import org.ferret.screening.profile.Column;
import org.ferret.screening.profile.ColumnKind;
import org.ferret.screening.rules.BoundPack;
import org.ferret.screening.rules.Rule;

/**
 * Turns declarations into feature rows. Rows are visited in time order, one day at a time: every row of a day
 * gets its history features from what was known before that day, and only then are the day's declarations
 * (and, when asked, their outcomes) added to the history. A declaration's own outcome, or any later one, can
 * therefore never reach its features.
 */
public final class FeatureBuilder {
    private FeatureBuilder() {}

    /** Feature rows, row-major: row r's features are {@code x[r*cols .. r*cols+cols-1]}, in table row order. */
    public record Matrix(float[] x, int rows, int cols) {
        public float get(int row, int col) {
            return x[row * cols + col];
        }
    }

    /**
     * Builds the features of every row of {@code t}, advancing {@code history} over them.
     *
     * @param recordOutcomes true to learn the rows' known outcomes as the days pass (training, simulation);
     *                       false when scoring, where the outcomes in the file (if any) must not be used
     */
    public static Matrix build(FeatureSpec spec, Table t, History history, boolean recordOutcomes) {
        int n = t.size();
        int f = spec.size();
        float[] x = new float[Math.multiplyExact(n, f)];
        BoundPack bound = spec.bound;
        String[][] lowered = bound == null ? null : bound.lowered(t);
        Map<String, Integer> termIndex = new HashMap<>();
        for (int i = 0; i < spec.terms.size(); i++) termIndex.put(spec.terms.get(i), i);
        int[] order = t.timeOrder();
        int i = 0;
        while (i < n) {
            int day = t.epochDay(order[i]);
            int j = i;
            while (j < n && t.epochDay(order[j]) == day) j++;
            for (int k = i; k < j; k++) fill(spec, t, order[k], history, x, lowered, termIndex);
            for (int k = i; k < j; k++) {
                int row = order[k];
                history.observe(t, row);
                if (recordOutcomes) history.recordOutcome(t, row, t.label(row), t.severity(row));
            }
            i = j;
        }
        return new Matrix(x, n, f);
    }

    private static void fill(FeatureSpec spec, Table t, int row, History h, float[] x, String[][] lowered, Map<String, Integer> termIndex) {
        int o = row * spec.size();
        List<Column> cols = spec.profile.columns();
        int fi = 0;
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c).kind() == ColumnKind.NUMBER) x[o + fi++] = (float) t.number(c, row);
        }
        var p = spec.profile;
        if (p.valueColumn() != null && p.weightColumn() != null) {
            double v = t.number(p.indexOf(p.valueColumn()), row), w = t.number(p.indexOf(p.weightColumn()), row);
            x[o + fi++] = w > 0 ? (float) (v / w) : Float.NaN;
        }
        if (p.valueColumn() != null && p.quantityColumn() != null) {
            double v = t.number(p.indexOf(p.valueColumn()), row), q = t.number(p.indexOf(p.quantityColumn()), row);
            x[o + fi++] = q > 0 ? (float) (v / q) : Float.NaN;
        }
        for (int c = 0; c < cols.size(); c++) {
            ColumnKind k = cols.get(c).kind();
            if (k == ColumnKind.CATEGORY || k == ColumnKind.COUNTRY) {
                Integer code = spec.vocab.get(c).get(t.text(c, row));
                x[o + fi++] = code == null ? Float.NaN : code;
            }
        }
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c).kind() == ColumnKind.HS_CODE) {
                String hs = t.text(c, row);
                x[o + fi++] = hs.length() >= 2 ? Integer.parseInt(hs, 0, 2, 10) : Float.NaN;
                x[o + fi++] = hs.length() >= 4 ? Integer.parseInt(hs, 0, 4, 10) : Float.NaN;
                x[o + fi++] = hs.length() >= 6 ? Integer.parseInt(hs, 0, 6, 10) : Float.NaN;
            }
        }
        int m = FeatureSpec.SMOOTHING;
        for (int k = 0; k < h.keyCount(); k++) {
            String v = h.keyValue(k, t, row);
            if (v == null) {
                x[o + fi++] = Float.NaN;
                x[o + fi++] = Float.NaN;
                x[o + fi++] = Float.NaN;
                if (spec.withCritical) x[o + fi++] = Float.NaN;
                continue;
            }
            History.Stats s = h.get(k, v);
            int seen = s == null ? 0 : s.seen, labelled = s == null ? 0 : s.labelled, caught = s == null ? 0 : s.caught;
            int critical = s == null ? 0 : s.critical;
            x[o + fi++] = seen;
            x[o + fi++] = caught;
            x[o + fi++] = (float) ((caught + m * spec.prior) / (labelled + m));
            if (spec.withCritical) x[o + fi++] = (float) ((critical + m * spec.criticalPrior) / (labelled + m));
        }
        if (spec.bound != null) {
            double score = 0;
            List<Rule> rules = spec.pack.rules();
            for (int r = 0; r < rules.size(); r++) {
                boolean hit = spec.bound.hit(r, t, row, lowered, h);
                x[o + fi++] = hit ? 1f : 0f;
                if (hit) score += rules.get(r).weight();
            }
            x[o + fi++] = (float) score;
        }
        if (!termIndex.isEmpty()) {
            int base = fi;
            for (String w : Terms.words(t.text(spec.descriptionColumn, row))) {
                Integer ti = termIndex.get(w);
                if (ti != null) x[o + base + ti] = 1f;
            }
            fi += spec.terms.size();
        }
        if (fi != spec.size()) throw new IllegalStateException("feature layout mismatch: " + fi + " != " + spec.size());
    }
}
