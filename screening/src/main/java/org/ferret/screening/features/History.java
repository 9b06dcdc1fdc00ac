package org.ferret.screening.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ferret.screening.data.Table;
import org.ferret.screening.profile.ColumnKind;
import org.ferret.screening.profile.HistoryKey;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.rules.BoundPack;

/**
 * What was known about each party, route and goods class at a point in time: how often it appeared, how many of
 * those declarations have a known outcome, and how many were frauds or critical. Appearances are known when a
 * declaration arrives; an outcome only once it is recorded, which {@link FeatureBuilder} does at the end of the
 * declaration's day, so a feature never sees its own or a later outcome.
 */
public final class History implements BoundPack.FirstSeen {
    /** Counts for one value of one key. */
    public static final class Stats {
        public int seen;
        public int labelled;
        public int caught;
        public int critical;

        Stats copy() {
            Stats s = new Stats();
            s.seen = seen;
            s.labelled = labelled;
            s.caught = caught;
            s.critical = critical;
            return s;
        }
    }

    private final Profile profile;
    private final List<HistoryKey> keys;
    private final int[][] keyColumns;
    private final List<Map<String, Stats>> stats;
    private final Map<Integer, Map<String, Integer>> firstSeen = new HashMap<>();
    /** While streaming: the arrivals (and outcomes) of the last day built, held back until a later day comes; else null. */
    OpenDay open;

    /**
     * The counts of the last day {@link FeatureBuilder} saw, not yet added: a file scored window by window may have
     * more rows of that day in its next window, and they must read the counts as they were before the day, as they
     * would in one pass over the whole file. Per history key the counts to advance (with the outcome to add, or -1);
     * per party column the values first seen that day.
     */
    static final class OpenDay {
        int day = Integer.MIN_VALUE;
        final java.util.ArrayList<Stats>[] stats;
        final int[][] outcome;
        final int[] held;
        final Map<Integer, java.util.ArrayList<String>> firstSeen = new HashMap<>();

        @SuppressWarnings("unchecked")
        OpenDay(int keys, java.util.Set<Integer> partyColumns) {
            stats = new java.util.ArrayList[keys];
            outcome = new int[keys][];
            held = new int[keys];
            for (int k = 0; k < keys; k++) {
                stats[k] = new java.util.ArrayList<>();
                outcome[k] = new int[256];
            }
            for (int c : partyColumns) firstSeen.put(c, new java.util.ArrayList<>());
        }

        /** Holds back one row's counts for key {@code k}: {@code code} is label + 4 * severity, or -1 without an outcome. */
        void hold(int k, Stats s, int code) {
            int i = held[k]++;
            if (i == outcome[k].length) outcome[k] = java.util.Arrays.copyOf(outcome[k], i * 2);
            stats[k].add(s);
            outcome[k][i] = code;
        }

        /** Adds what key {@code k} held back. */
        void release(int k) {
            java.util.ArrayList<Stats> list = stats[k];
            for (int i = 0; i < held[k]; i++) {
                Stats s = list.get(i);
                s.seen++;
                int code = outcome[k][i];
                if (code < 0) continue;
                s.labelled++;
                if ((code & 3) == 1) s.caught++;
                if (code >> 2 == 2) s.critical++;
            }
            list.clear();
            held[k] = 0;
        }
    }

    /**
     * From now on {@link FeatureBuilder#build} holds back the counts of the last day of each table it is given, so
     * that the rows of a file in time order can be built window by window with the same features as in one pass;
     * a table with a row dated before the held day is refused ({@link OutOfOrder}). {@link #closeDay()} adds what
     * is held.
     */
    public History streaming() {
        if (open == null) open = new OpenDay(keys.size(), firstSeen.keySet());
        return this;
    }

    /** Adds the counts held back for the last day (streaming); nothing otherwise. */
    public void closeDay() {
        if (open == null) return;
        for (int k = 0; k < keys.size(); k++) open.release(k);
        for (Map.Entry<Integer, java.util.ArrayList<String>> e : open.firstSeen.entrySet()) {
            Map<String, Integer> m = firstSeen.get(e.getKey());
            for (String v : e.getValue()) m.put(v, open.day);
            e.getValue().clear();
        }
    }

    /** A table given while streaming has a row dated before the day held back: the file is not in time order. */
    public static final class OutOfOrder extends IllegalStateException {
        OutOfOrder(int day, int held) {
            super("a declaration dated " + java.time.LocalDate.ofEpochDay(day) + " comes after declarations dated "
                    + java.time.LocalDate.ofEpochDay(held) + ": the file is not in time order");
        }
    }

    public History(Profile profile) {
        this.profile = profile;
        this.keys = profile.historyKeys();
        keyColumns = new int[keys.size()][];
        stats = new java.util.ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            keyColumns[k] = keys.get(k).columns().stream().mapToInt(profile::indexOf).toArray();
            stats.add(new HashMap<>());
        }
        for (int c = 0; c < profile.columns().size(); c++) {
            if (profile.columns().get(c).kind() == ColumnKind.PARTY) firstSeen.put(c, new HashMap<>());
        }
    }

    public History copy() {
        History h = new History(profile);
        for (int k = 0; k < keys.size(); k++) {
            Map<String, Stats> dst = h.stats.get(k);
            for (Map.Entry<String, Stats> e : stats.get(k).entrySet()) dst.put(e.getKey(), e.getValue().copy());
        }
        for (Map.Entry<Integer, Map<String, Integer>> e : firstSeen.entrySet()) h.firstSeen.get(e.getKey()).putAll(e.getValue());
        return h;
    }

    /**
     * A copy holding only what scoring the rows of {@code t} reads (the counts of their key values and the first-seen
     * days of their party values): features built for {@code t} from it are the same as from {@link #copy()}, and it
     * costs the rows, not the whole history (the server scores each small batch of arrivals against one). Only for
     * tables of this history's profile.
     */
    public History copyFor(Table t) {
        History h = new History(profile);
        for (int k = 0; k < keys.size(); k++) {
            Map<String, Stats> src = stats.get(k), dst = h.stats.get(k);
            for (int row = 0; row < t.size(); row++) {
                String v = keyValue(k, t, row);
                if (v == null || dst.containsKey(v)) continue;
                Stats s = src.get(v);
                if (s != null) dst.put(v, s.copy());
            }
        }
        for (Map.Entry<Integer, Map<String, Integer>> e : firstSeen.entrySet()) {
            Map<String, Integer> src = e.getValue(), dst = h.firstSeen.get(e.getKey());
            for (int row = 0; row < t.size(); row++) {
                String v = t.text(e.getKey(), row);
                Integer d = v.isEmpty() ? null : src.get(v);
                if (d != null) dst.put(v, d);
            }
        }
        return h;
    }

    public int keyCount() {
        return keys.size();
    }

    public List<HistoryKey> keys() {
        return keys;
    }

    /** The key's value for the row, or null when a column it needs is blank. */
    public String keyValue(int key, Table t, int row) {
        int[] cols = keyColumns[key];
        HistoryKey k = keys.get(key);
        if (cols.length == 1) {
            String v = t.text(cols[0], row);
            if (v.isEmpty()) return null;
            if (k.hsDigits() > 0) return v.length() >= k.hsDigits() ? v.substring(0, k.hsDigits()) : null;
            return v;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cols.length; i++) {
            String v = t.text(cols[i], row);
            if (v.isEmpty()) return null;
            if (i > 0) sb.append('\u0001');
            sb.append(v);
        }
        return sb.toString();
    }

    /**
     * As {@link #keyValue}, remembering derived values (HS prefixes, pairs) in {@code memo} (one per caller and
     * key) so that a repeated value is one String whose hash is computed once. Stops remembering at 2^16 entries.
     */
    @SuppressWarnings("unchecked")
    String keyValue(int key, Table t, int row, Map<String, Object> memo) {
        int[] cols = keyColumns[key];
        HistoryKey k = keys.get(key);
        if (cols.length == 1 && k.hsDigits() == 0) return keyValue(key, t, row);
        if (cols.length == 1) {
            String v = t.text(cols[0], row);
            Object known = memo.get(v);
            if (known != null) return known == NONE ? null : (String) known;
            String out = keyValue(key, t, row);
            if (memo.size() < MEMO_LIMIT) memo.put(v, out == null ? NONE : out);
            return out;
        }
        if (cols.length != 2) return keyValue(key, t, row);
        String a = t.text(cols[0], row), b = t.text(cols[1], row);
        if (a.isEmpty() || b.isEmpty()) return null;
        Map<String, String> inner = (Map<String, String>) memo.get(a);
        if (inner == null) {
            if (memo.size() >= MEMO_LIMIT) return keyValue(key, t, row);
            memo.put(a, inner = new HashMap<>());
        }
        String out = inner.get(b);
        if (out == null) {
            out = keyValue(key, t, row);
            if (inner.size() < MEMO_LIMIT) inner.put(b, out);
        }
        return out;
    }

    private static final Object NONE = new Object();
    private static final int MEMO_LIMIT = 1 << 16;

    /** The counts for a key value, or null if never seen. */
    public Stats get(int key, String value) {
        return value == null ? null : stats.get(key).get(value);
    }

    /** The counts of one key by value (for {@link FeatureBuilder}'s pass over that key alone). */
    Map<String, Stats> counts(int key) {
        return stats.get(key);
    }

    /**
     * For each row (visited in {@code order}, grouped by day), the day a party column's value was first seen
     * before the row's day (or {@link Integer#MAX_VALUE}), then that day's arrivals recorded. Touches only
     * this column's map, so columns can run in parallel.
     */
    int[] firstSeenPass(Table t, int column, int[] order) {
        Map<String, Integer> m = firstSeen.get(column);
        int n = order.length;
        int[] out = new int[t.size()];
        Integer[] found = new Integer[256];
        java.util.ArrayList<String> held = open == null ? null : open.firstSeen.get(column);
        int lastDay = n == 0 ? 0 : t.epochDay(order[n - 1]);
        int i = 0;
        while (i < n) {
            int day = t.epochDay(order[i]);
            int j = i;
            while (j < n && t.epochDay(order[j]) == day) j++;
            if (held != null && !held.isEmpty() && day != open.day) {
                Integer heldDay = open.day;
                for (String v : held) m.put(v, heldDay);
                held.clear();
            }
            boolean hold = held != null && day == lastDay;
            if (found.length < j - i) found = new Integer[Math.max(j - i, found.length * 2)];
            for (int q = i; q < j; q++) {
                int row = order[q];
                String v = t.text(column, row);
                Integer d = v.isEmpty() ? null : m.get(v);
                found[q - i] = d;
                out[row] = d == null ? Integer.MAX_VALUE : d;
            }
            // then the day's arrivals, as merge(v, day, Math::min) with what was looked up above (a value seen
            // twice today may be put twice, with the same day)
            Integer boxed = null;
            for (int q = i; q < j; q++) {
                Integer old = found[q - i];
                if (old != null && day >= old) continue;
                String v = t.text(column, order[q]);
                if (v.isEmpty()) continue;
                if (hold) {
                    held.add(v);
                    continue;
                }
                if (boxed == null) boxed = day;
                m.put(v, boxed);
            }
            i = j;
        }
        return out;
    }

    /** Records that the row's declaration arrived (its parties become known, its outcome not yet). */
    public void observe(Table t, int row) {
        for (int k = 0; k < keys.size(); k++) {
            String v = keyValue(k, t, row);
            if (v != null) stats.get(k).computeIfAbsent(v, x -> new Stats()).seen++;
        }
        int day = t.epochDay(row);
        for (Map.Entry<Integer, Map<String, Integer>> e : firstSeen.entrySet()) {
            String v = t.text(e.getKey(), row);
            if (!v.isEmpty()) e.getValue().merge(v, day, Math::min);
        }
    }

    /** Records the row's outcome (label 0/1, severity 2 = critical); the row must have been observed. */
    public void recordOutcome(Table t, int row, int label, int severity) {
        if (label < 0) return;
        for (int k = 0; k < keys.size(); k++) {
            String v = keyValue(k, t, row);
            if (v == null) continue;
            Stats s = stats.get(k).computeIfAbsent(v, x -> new Stats());
            s.labelled++;
            if (label == 1) s.caught++;
            if (severity == 2) s.critical++;
        }
    }

    @Override
    public int firstSeenDay(int column, String value) {
        Map<String, Integer> m = firstSeen.get(column);
        if (m == null) return Integer.MAX_VALUE;
        Integer d = m.get(value);
        return d == null ? Integer.MAX_VALUE : d;
    }

    public void write(Writer w) throws IOException {
        for (int k = 0; k < keys.size(); k++) {
            for (Map.Entry<String, Stats> e : stats.get(k).entrySet()) {
                Stats s = e.getValue();
                w.write("k\t" + k + "\t" + escape(e.getKey()) + "\t" + s.seen + "\t" + s.labelled + "\t" + s.caught + "\t" + s.critical + "\n");
            }
        }
        for (Map.Entry<Integer, Map<String, Integer>> e : firstSeen.entrySet()) {
            for (Map.Entry<String, Integer> f : e.getValue().entrySet()) {
                w.write("f\t" + e.getKey() + "\t" + escape(f.getKey()) + "\t" + f.getValue() + "\n");
            }
        }
    }

    public static History read(Profile profile, BufferedReader in) throws IOException {
        History h = new History(profile);
        String line;
        while ((line = in.readLine()) != null) {
            String[] p = line.split("\t", -1);
            if (p[0].equals("k")) {
                Stats s = new Stats();
                s.seen = Integer.parseInt(p[3]);
                s.labelled = Integer.parseInt(p[4]);
                s.caught = Integer.parseInt(p[5]);
                s.critical = Integer.parseInt(p[6]);
                h.stats.get(Integer.parseInt(p[1])).put(unescape(p[2]), s);
            } else if (p[0].equals("f")) {
                h.firstSeen.get(Integer.parseInt(p[1])).put(unescape(p[2]), Integer.parseInt(p[3]));
            } else {
                throw new IOException("corrupt history line: " + line);
            }
        }
        return h;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else sb.append(c);
        }
        return sb.toString();
    }
}
