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
        return build(spec, t, history, recordOutcomes, 1);
    }

    /**
     * As {@link #build(FeatureSpec, Table, History, boolean)}, computing the features that do not depend on
     * history (numbers, codes, indicators, terms) on {@code threads} threads; the history pass stays in time order.
     */
    public static Matrix build(FeatureSpec spec, Table t, History history, boolean recordOutcomes, int threads) {
        int n = t.size();
        int f = spec.size();
        float[] x = new float[Math.multiplyExact(n, f)];
        // pass 1, in time order: history features, and when each party was first seen before the row's day
        int[] partyColumns = partyColumns(spec);
        int[][] firstSeen = new int[partyColumns.length][n];
        int[] order = t.timeOrder();
        int keys = history.keyCount();
        String[] keyValues = new String[keys];
        History.Stats[][] dayStats = new History.Stats[0][];
        int i = 0;
        while (i < n) {
            int day = t.epochDay(order[i]);
            int j = i;
            while (j < n && t.epochDay(order[j]) == day) j++;
            if (dayStats.length < j - i) dayStats = new History.Stats[Math.max(j - i, dayStats.length * 2)][];
            for (int k = i; k < j; k++) {
                int row = order[k];
                History.Stats[] st = dayStats[k - i] == null ? (dayStats[k - i] = new History.Stats[keys]) : dayStats[k - i];
                for (int key = 0; key < keys; key++) {
                    keyValues[key] = history.keyValue(key, t, row);
                    st[key] = keyValues[key] == null ? null : history.getOrCreate(key, keyValues[key]);
                }
                fillHistory(spec, row, st, keyValues, x);
                for (int p = 0; p < partyColumns.length; p++) {
                    String v = t.text(partyColumns[p], row);
                    firstSeen[p][row] = v.isEmpty() ? Integer.MAX_VALUE : history.firstSeenDay(partyColumns[p], v);
                }
            }
            for (int k = i; k < j; k++) {
                int row = order[k];
                History.Stats[] st = dayStats[k - i];
                history.observe(t, row, st);
                if (recordOutcomes) history.recordOutcome(t.label(row), t.severity(row), st);
            }
            i = j;
        }
        // pass 2, any order: everything that does not depend on history
        Map<String, Integer> termIndex = new HashMap<>();
        for (int k = 0; k < spec.terms.size(); k++) termIndex.put(spec.terms.get(k), k);
        int chunks = Math.max(1, Math.min(threads, n / 20_000 + 1));
        Runnable[] work = new Runnable[chunks];
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks), to = (int) ((long) n * (c + 1) / chunks);
            work[c] = () -> {
                String[][] lowered = spec.bound == null ? null : spec.bound.lowered(t, from, to);
                for (int row = from; row < to; row++) {
                    final int r = row;
                    BoundPack.FirstSeen fs = (col, v) -> {
                        for (int p = 0; p < partyColumns.length; p++) if (partyColumns[p] == col) return firstSeen[p][r];
                        return Integer.MAX_VALUE;
                    };
                    fillStatic(spec, t, row, x, lowered, termIndex, fs);
                }
            };
        }
        org.ferret.screening.model.Parallel.runAll(work);
        return new Matrix(x, n, f);
    }

    private static int[] partyColumns(FeatureSpec spec) {
        List<Column> cols = spec.profile.columns();
        return java.util.stream.IntStream.range(0, cols.size()).filter(c -> cols.get(c).kind() == ColumnKind.PARTY).toArray();
    }

    private static void fillHistory(FeatureSpec spec, int row, History.Stats[] st, String[] keyValues, float[] x) {
        int o = row * spec.size() + spec.historyBase;
        int m = FeatureSpec.SMOOTHING;
        for (int k = 0; k < st.length; k++) {
            if (keyValues[k] == null) {
                x[o++] = Float.NaN;
                x[o++] = Float.NaN;
                x[o++] = Float.NaN;
                if (spec.withCritical) x[o++] = Float.NaN;
                continue;
            }
            History.Stats s = st[k];
            x[o++] = s.seen;
            x[o++] = s.caught;
            x[o++] = (float) ((s.caught + m * spec.prior) / (s.labelled + m));
            if (spec.withCritical) x[o++] = (float) ((s.critical + m * spec.criticalPrior) / (s.labelled + m));
        }
    }

    private static void fillStatic(FeatureSpec spec, Table t, int row, float[] x, String[][] lowered, Map<String, Integer> termIndex,
            BoundPack.FirstSeen firstSeen) {
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
        fi += spec.profile.historyKeys().size() * spec.perKey();
        if (spec.bound != null) {
            double score = 0;
            List<Rule> rules = spec.pack.rules();
            for (int r = 0; r < rules.size(); r++) {
                boolean hit = spec.bound.hit(r, t, row, lowered, firstSeen);
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
