package org.ferret.screening.features;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ferret.screening.concurrent.Parallel;
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
        // pass 1, in time order, one task per party column and per history key (each touches only its own
        // counts): when each party was first seen before the row's day, and the history features.
        // pass 2, any order, in chunks: everything that does not depend on history (numbers, codes, indicators,
        // terms); its chunks wait for the first-seen days (indicators use them) and otherwise run alongside the
        // history keys, so that neither thread idles while the longest key finishes
        int[] partyColumns = partyColumns(spec);
        int[][] firstSeen = new int[partyColumns.length][];
        java.util.concurrent.CountDownLatch firstSeenDone = new java.util.concurrent.CountDownLatch(partyColumns.length);
        int[] order = dayOrder(t);
        int keys = history.keyCount();
        History.OpenDay open = history.open;
        if (open != null && n > 0 && t.epochDay(order[0]) < open.day) throw new History.OutOfOrder(t.epochDay(order[0]), open.day);
        Map<String, Integer> termIndex = new HashMap<>();
        for (int k = 0; k < spec.terms.size(); k++) termIndex.put(spec.terms.get(k), k);
        int chunks = Math.max(1, Math.min(2 * threads, n / 20_000 + 1));
        Runnable[] work = new Runnable[partyColumns.length + keys + chunks];
        int w = 0;
        for (int p = 0; p < partyColumns.length; p++) {
            int party = p;
            work[w++] = () -> { // first in the queue, so a chunk waiting for them never waits for a task not yet started
                try {
                    firstSeen[party] = history.firstSeenPass(t, partyColumns[party], order);
                } finally {
                    firstSeenDone.countDown();
                }
            };
        }
        for (int k = 0; k < keys; k++) {
            int key = k;
            work[w++] = () -> historyPass(spec, t, history, key, order, recordOutcomes, x);
        }
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks), to = (int) ((long) n * (c + 1) / chunks);
            work[w++] = () -> {
                try {
                    firstSeenDone.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                String[][] lowered = spec.bound == null ? null : spec.bound.lowered(t, from, to);
                java.util.function.Function<String, int[]> termsOf = termsOf(termIndex);
                for (int row = from; row < to; row++) {
                    final int r = row;
                    BoundPack.FirstSeen fs = (col, v) -> {
                        for (int p = 0; p < partyColumns.length; p++) if (partyColumns[p] == col) return firstSeen[p][r];
                        return Integer.MAX_VALUE;
                    };
                    fillStatic(spec, t, row, x, lowered, termIndex, termsOf, fs);
                }
            };
        }
        Parallel.runAll(work, threads);
        if (open != null && n > 0) open.day = t.epochDay(order[n - 1]);
        return new Matrix(x, n, f);
    }

    /** The indices of the terms a description mentions, remembered per distinct description (they repeat a lot). */
    private static java.util.function.Function<String, int[]> termsOf(Map<String, Integer> termIndex) {
        Map<String, int[]> memo = new HashMap<>();
        return text -> {
            int[] hit = memo.get(text);
            if (hit != null) return hit;
            hit = Terms.words(text).stream().map(termIndex::get).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray();
            if (memo.size() < 1 << 16) memo.put(text, hit);
            return hit;
        };
    }

    private static int[] partyColumns(FeatureSpec spec) {
        List<Column> cols = spec.profile.columns();
        return java.util.stream.IntStream.range(0, cols.size()).filter(c -> cols.get(c).kind() == ColumnKind.PARTY).toArray();
    }

    /** Row indices ordered by day, rows of one day in table order (a counting sort: days span little). */
    static int[] dayOrder(Table t) {
        int n = t.size();
        if (n == 0) return new int[0];
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (int r = 0; r < n; r++) {
            int d = t.epochDay(r);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        if ((long) max - min >= 10_000_000L) { // not worth a count per day: sort
            return java.util.stream.IntStream.range(0, n).boxed().sorted(java.util.Comparator.comparingInt(t::epochDay)).mapToInt(Integer::intValue).toArray();
        }
        int[] start = new int[max - min + 2];
        for (int r = 0; r < n; r++) start[t.epochDay(r) - min + 1]++;
        for (int d = 1; d < start.length; d++) start[d] += start[d - 1];
        int[] order = new int[n];
        for (int r = 0; r < n; r++) order[start[t.epochDay(r) - min]++] = r;
        return order;
    }

    /**
     * The features of one history key for every row, then the key's counts advanced: a day's rows all read the
     * counts as they were before that day, and only then are the day's arrivals (and outcomes) counted.
     */
    private static void historyPass(FeatureSpec spec, Table t, History history, int key, int[] order, boolean recordOutcomes, float[] x) {
        Map<String, History.Stats> counts = history.counts(key);
        int n = order.length, f = spec.size(), per = spec.perKey();
        int base = spec.historyBase + key * per;
        int m = FeatureSpec.SMOOTHING;
        History.Stats[] day = new History.Stats[256];
        Map<String, Object> memo = new HashMap<>();
        History.OpenDay open = history.open; // streaming: the last day's counts are held back (History.streaming)
        int lastDay = n == 0 ? 0 : t.epochDay(order[n - 1]);
        int i = 0;
        while (i < n) {
            int today = t.epochDay(order[i]);
            int j = i;
            while (j < n && t.epochDay(order[j]) == today) j++;
            if (open != null && today != open.day) open.release(key);
            boolean hold = open != null && today == lastDay;
            if (day.length < j - i) day = new History.Stats[Math.max(j - i, day.length * 2)];
            for (int q = i; q < j; q++) {
                int row = order[q];
                String v = history.keyValue(key, t, row, memo);
                int o = row * f + base;
                if (v == null) {
                    day[q - i] = null;
                    for (int e = 0; e < per; e++) x[o + e] = Float.NaN;
                    continue;
                }
                History.Stats s = counts.computeIfAbsent(v, NEW_STATS);
                day[q - i] = s;
                x[o] = s.seen;
                x[o + 1] = s.caught;
                x[o + 2] = (float) ((s.caught + m * spec.prior) / (s.labelled + m));
                if (spec.withCritical) x[o + 3] = (float) ((s.critical + m * spec.criticalPrior) / (s.labelled + m));
            }
            for (int q = i; q < j; q++) {
                History.Stats s = day[q - i];
                if (s == null) continue;
                if (hold) {
                    int row = order[q], label = t.label(row);
                    open.hold(key, s, !recordOutcomes || label < 0 ? -1 : label + 4 * Math.max(0, t.severity(row)));
                    continue;
                }
                s.seen++;
                if (recordOutcomes) {
                    int row = order[q];
                    int label = t.label(row);
                    if (label < 0) continue;
                    s.labelled++;
                    if (label == 1) s.caught++;
                    if (t.severity(row) == 2) s.critical++;
                }
            }
            i = j;
        }
    }

    private static final java.util.function.Function<String, History.Stats> NEW_STATS = v -> new History.Stats();

    private static void fillStatic(FeatureSpec spec, Table t, int row, float[] x, String[][] lowered, Map<String, Integer> termIndex,
            java.util.function.Function<String, int[]> termsOf, BoundPack.FirstSeen firstSeen) {
        int o = row * spec.size();
        List<Column> cols = spec.profile.columns();
        int fi = 0;
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c).kind() == ColumnKind.NUMBER) x[o + fi++] = (float) t.number(c, row);
        }
        if (spec.valueColumn >= 0 && spec.weightColumn >= 0) {
            double v = t.number(spec.valueColumn, row), w = t.number(spec.weightColumn, row);
            x[o + fi++] = w > 0 ? (float) (v / w) : Float.NaN;
        }
        if (spec.valueColumn >= 0 && spec.quantityColumn >= 0) {
            double v = t.number(spec.valueColumn, row), q = t.number(spec.quantityColumn, row);
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
            for (int ti : termsOf.apply(t.text(spec.descriptionColumn, row))) x[o + base + ti] = 1f;
            fi += spec.terms.size();
        }
        if (fi != spec.size()) throw new IllegalStateException("feature layout mismatch: " + fi + " != " + spec.size());
    }
}
