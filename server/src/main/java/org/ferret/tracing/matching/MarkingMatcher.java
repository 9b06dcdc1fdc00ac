package org.ferret.tracing.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides whether a recorded serial fits a pattern and explains how, position by position. Pure and stateless;
 * the {@link MarkingIndex} only narrows down which serials to ask it about.
 */
public final class MarkingMatcher {

    // points per recorded character; the score is points / (EXACT * length)
    static final int EXACT = 4;
    static final int CONFUSED = 2;
    static final int UNKNOWN = 1;
    static final int IMPOSSIBLE = -1;

    private MarkingMatcher() {
    }

    /** Matches a serial as recorded (it is normalised here); null when it does not fit. */
    public static Match match(MarkingPattern pattern, String recordedSerial) {
        String serial = Confusion.normaliseSerial(recordedSerial);
        if (serial.isEmpty()) {
            return null;
        }
        int[] map = null;
        String form = serial;
        if (pattern.ncic()) {
            form = Confusion.ncicForm(serial);
            map = new int[form.length()];
            for (int i = 0, j = 0; i < serial.length(); i++) {
                char c = serial.charAt(i);
                if (!Character.isLetter(c) || Confusion.readsAsDigit(c)) {
                    map[j++] = i;
                }
            }
        }
        String s = pattern.symbols();
        char[] how = pattern.hasRun() ? alignWithRuns(s, form) : alignFixed(s, form);
        if (how == null) {
            return null;
        }
        // how[j] per character of form: 'E', 'C', 'U', 'R'; paired pattern character in read[j]
        List<PositionMatch> explanation = new ArrayList<>(serial.length());
        PositionMatch[] out = new PositionMatch[serial.length()];
        int exact = 0;
        int confused = 0;
        int unknown = 0;
        int points = 0;
        char[] read = readChars(s, form, how);
        for (int j = 0; j < form.length(); j++) {
            int pos = map == null ? j : map[j];
            String rec = String.valueOf(form.charAt(j));
            PositionMatch pm = switch (how[j]) {
                case 'E' -> {
                    exact++;
                    points += EXACT;
                    yield new PositionMatch(pos + 1, rec, String.valueOf(read[j]), PositionMatch.Kind.EXACT);
                }
                case 'C' -> {
                    confused++;
                    points += CONFUSED;
                    yield new PositionMatch(pos + 1, rec, String.valueOf(read[j]), PositionMatch.Kind.CONFUSION);
                }
                case 'U' -> {
                    unknown++;
                    points += UNKNOWN;
                    yield new PositionMatch(pos + 1, rec, "?", PositionMatch.Kind.UNKNOWN);
                }
                default -> {
                    unknown++;
                    yield new PositionMatch(pos + 1, rec, null, PositionMatch.Kind.RUN);
                }
            };
            out[pos] = pm;
        }
        for (int i = 0; i < serial.length(); i++) {
            explanation.add(out[i] != null ? out[i]
                    : new PositionMatch(i + 1, String.valueOf(serial.charAt(i)), null, PositionMatch.Kind.IGNORED));
        }
        double score = Math.round(1000.0 * points / (EXACT * serial.length())) / 1000.0;
        return new Match(serial, score, exact, confused, unknown, 0, explanation);
    }

    /** Edits a fit may need at most: one character substituted outside its confusion class, dropped or inserted. */
    public static final int MAX_EDITS = 1;

    /**
     * True when a pattern is searched with an edit allowed: standard mode, no unreadable run, at least
     * {@link #MIN_EDIT_LENGTH} characters and at most {@link #MAX_EDIT_UNKNOWNS} unreadable ones (beyond that one edit
     * more makes almost anything fit).
     */
    public static boolean editable(MarkingPattern p) {
        return !p.ncic() && !p.hasRun() && p.fixedLength() >= MIN_EDIT_LENGTH && p.unknowns() <= MAX_EDIT_UNKNOWNS;
    }

    public static final int MIN_EDIT_LENGTH = 6;
    public static final int MAX_EDIT_UNKNOWNS = 2;

    /**
     * Matches allowing one edit (a substitution outside the confusion classes, a character dropped from the reading
     * or one inserted into it) beside any number of confusions and {@code ?}: a weighted Levenshtein distance in
     * which a confusion costs half an exact character and an edit costs a whole one. Patterns that are not
     * {@link #editable} are matched as by {@link #match}. Null when nothing fits.
     */
    public static Match matchWithEdit(MarkingPattern pattern, String recordedSerial) {
        if (!editable(pattern)) {
            return match(pattern, recordedSerial);
        }
        String serial = Confusion.normaliseSerial(recordedSerial);
        if (serial.isEmpty()) {
            return null;
        }
        return alignWithEdit(pattern.symbols(), serial.toCharArray(), 0, serial.length());
    }

    private static final int NEG = Integer.MIN_VALUE / 4;
    private static final byte DIAG = 1;
    private static final byte SUB = 2;
    private static final byte MISS = 3;
    private static final byte XTRA = 4;

    /** Points for reading {@code q} where {@code c} is recorded, or -1 when it is no fit without an edit. */
    private static int gain(char q, char c) {
        if (q == MarkingPattern.ONE) {
            return UNKNOWN;
        }
        if (q == c) {
            return EXACT;
        }
        return Confusion.canonical(q) == Confusion.canonical(c) ? CONFUSED : -1;
    }

    /**
     * Best alignment of a run-free pattern with a recorded serial (a slice of {@code chars}) using at most one edit.
     * Three layers over a band of width three: no edit; one substitution or one recorded character missing from the
     * reading; one extra character read. Each scores points / (4 x characters), the extra character counting as a
     * character worth nothing.
     */
    static Match alignWithEdit(String p, char[] chars, int off, int n) {
        int m = p.length();
        if (Math.abs(m - n) > MAX_EDITS) {
            return null;
        }
        int w = 3 * (m + 1);
        int[][] f = new int[3][w];
        byte[][] back = new byte[3][w];
        for (int[] layer : f) {
            Arrays.fill(layer, NEG);
        }
        f[0][1] = 0;
        for (int i = 0; i <= m; i++) {
            for (int j = Math.max(0, i - 1); j <= Math.min(n, i + 1); j++) {
                if (i == 0 && j == 0) {
                    continue;
                }
                int at = 3 * i + (j - i + 1);
                int g = i > 0 && j > 0 ? gain(p.charAt(i - 1), chars[off + j - 1]) : -1;
                int diag = i > 0 && j > 0 ? 3 * (i - 1) + (j - i + 1) : -1;
                for (int layer = 0; layer < 3; layer++) {
                    int best = NEG;
                    byte how = 0;
                    if (g >= 0 && f[layer][diag] > NEG) {
                        best = f[layer][diag] + g;
                        how = DIAG;
                    }
                    if (layer == 1 && diag >= 0 && g < 0 && f[0][diag] > NEG && f[0][diag] > best) {
                        best = f[0][diag];
                        how = SUB;
                    }
                    if (layer == 1 && j > 0 && j - 1 >= i - 1) {
                        int left = 3 * i + (j - 1 - i + 1);
                        if (f[0][left] > NEG && f[0][left] > best) {
                            best = f[0][left];
                            how = MISS;
                        }
                    }
                    if (layer == 2 && i > 0 && j <= i) {
                        int up = 3 * (i - 1) + (j - (i - 1) + 1);
                        if (f[0][up] > NEG && f[0][up] > best) {
                            best = f[0][up];
                            how = XTRA;
                        }
                    }
                    f[layer][at] = best;
                    back[layer][at] = how;
                }
            }
        }
        int end = 3 * m + (n - m + 1);
        int layer = -1;
        double score = -1;
        for (int l = 0; l < 3; l++) {
            if (f[l][end] > NEG) {
                double s = (double) f[l][end] / (EXACT * (n + (l == 2 ? 1 : 0)));
                if (s > score) {
                    score = s;
                    layer = l;
                }
            }
        }
        if (layer < 0) {
            return null;
        }
        PositionMatch[] out = new PositionMatch[n + 1];
        int k = out.length;
        int exact = 0;
        int confused = 0;
        int unknown = 0;
        int edits = 0;
        int i = m;
        int j = n;
        while (i > 0 || j > 0) {
            int at = 3 * i + (j - i + 1);
            byte how = back[layer][at];
            String rec = j > 0 ? String.valueOf(chars[off + j - 1]) : null;
            String read = i > 0 ? String.valueOf(p.charAt(i - 1)) : null;
            switch (how) {
                case DIAG -> {
                    char q = p.charAt(i - 1);
                    PositionMatch.Kind kind;
                    if (q == MarkingPattern.ONE) {
                        kind = PositionMatch.Kind.UNKNOWN;
                        unknown++;
                    } else if (q == chars[off + j - 1]) {
                        kind = PositionMatch.Kind.EXACT;
                        exact++;
                    } else {
                        kind = PositionMatch.Kind.CONFUSION;
                        confused++;
                    }
                    out[--k] = new PositionMatch(j, rec, read, kind);
                    i--;
                    j--;
                }
                case SUB -> {
                    out[--k] = new PositionMatch(j, rec, read, PositionMatch.Kind.SUBSTITUTED);
                    edits++;
                    layer = 0;
                    i--;
                    j--;
                }
                case MISS -> {
                    out[--k] = new PositionMatch(j, rec, null, PositionMatch.Kind.MISSING);
                    edits++;
                    layer = 0;
                    j--;
                }
                case XTRA -> {
                    out[--k] = new PositionMatch(j, null, read, PositionMatch.Kind.EXTRA);
                    edits++;
                    layer = 0;
                    i--;
                }
                default -> throw new IllegalStateException("no way back from cell " + i + "," + j);
            }
        }
        List<PositionMatch> explanation = Arrays.asList(out).subList(k, out.length);
        double rounded = Math.round(1000.0 * score) / 1000.0;
        return new Match(new String(chars, off, n), rounded, exact, confused, unknown, edits, explanation);
    }

    /** Fast check for patterns without runs: same length, and every readable character in the same class. */
    static boolean fitsFixed(String symbols, CharSequence form) {
        int n = symbols.length();
        if (form.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char q = symbols.charAt(i);
            if (q != MarkingPattern.ONE && Confusion.canonical(q) != Confusion.canonical(form.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** As {@link #fitsFixed(String, CharSequence)} over a slice of a char array (the index's hot path). */
    static boolean fitsFixed(String symbols, char[] chars, int off, int len) {
        int n = symbols.length();
        if (len != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char q = symbols.charAt(i);
            if (q != MarkingPattern.ONE && Confusion.canonical(q) != Confusion.canonical(chars[off + i])) {
                return false;
            }
        }
        return true;
    }

    private static char[] alignFixed(String s, String form) {
        if (!fitsFixed(s, form)) {
            return null;
        }
        char[] how = new char[form.length()];
        for (int i = 0; i < how.length; i++) {
            char q = s.charAt(i);
            how[i] = q == MarkingPattern.ONE ? 'U' : q == form.charAt(i) ? 'E' : 'C';
        }
        return how;
    }

    /** Best-scoring alignment when the pattern has unreadable runs (dynamic programming, at most 40 x 43 cells). */
    private static char[] alignWithRuns(String s, String f) {
        int m = s.length();
        int n = f.length();
        int[][] best = new int[m + 1][n + 1];
        for (int i = m; i >= 0; i--) {
            for (int j = n; j >= 0; j--) {
                if (i == m) {
                    best[i][j] = j == n ? 0 : IMPOSSIBLE;
                    continue;
                }
                char q = s.charAt(i);
                int v = IMPOSSIBLE;
                if (q == MarkingPattern.RUN) {
                    v = best[i + 1][j];
                    if (j < n && best[i][j + 1] != IMPOSSIBLE) {
                        v = Math.max(v, best[i][j + 1]);
                    }
                } else if (j < n && best[i + 1][j + 1] != IMPOSSIBLE) {
                    char c = f.charAt(j);
                    if (q == MarkingPattern.ONE) {
                        v = best[i + 1][j + 1] + UNKNOWN;
                    } else if (q == c) {
                        v = best[i + 1][j + 1] + EXACT;
                    } else if (Confusion.canonical(q) == Confusion.canonical(c)) {
                        v = best[i + 1][j + 1] + CONFUSED;
                    }
                }
                best[i][j] = v;
            }
        }
        if (best[0][0] == IMPOSSIBLE) {
            return null;
        }
        char[] how = new char[n];
        int i = 0;
        int j = 0;
        while (j < n) {
            char q = s.charAt(i);
            if (q == MarkingPattern.RUN) {
                if (best[i][j + 1] == best[i][j]) {
                    how[j++] = 'R';
                } else {
                    i++;
                }
            } else {
                char c = f.charAt(j);
                how[j] = q == MarkingPattern.ONE ? 'U' : q == c ? 'E' : 'C';
                i++;
                j++;
            }
        }
        return how;
    }

    /** The pattern character paired with each form character (RUN for runs), replaying the alignment. */
    private static char[] readChars(String s, String f, char[] how) {
        char[] read = new char[f.length()];
        int i = 0;
        for (int j = 0; j < f.length(); j++) {
            if (how[j] == 'R') {
                while (s.charAt(i) != MarkingPattern.RUN) {
                    i++;
                }
                read[j] = MarkingPattern.RUN;
            } else {
                while (s.charAt(i) == MarkingPattern.RUN) {
                    i++;
                }
                read[j] = s.charAt(i++);
            }
        }
        return read;
    }
}
