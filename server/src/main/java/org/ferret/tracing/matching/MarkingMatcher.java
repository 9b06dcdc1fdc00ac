package org.ferret.tracing.matching;

import java.util.ArrayList;
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

    public static final int MIN_EDIT_LENGTH = 5;
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
     * With one edit, everything before it lines up position by position and everything after it lines up from the
     * end; so the longest fitting prefix and suffix, with their points, decide every case in one pass each: no edit,
     * the one substitution (where the prefix stops), or the missing or extra character (the best split that both
     * prefix and suffix reach). Each fit scores points / (4 x characters), an extra character counting as one worth
     * nothing.
     */
    static Match alignWithEdit(String p, char[] chars, int off, int n) {
        return alignWithEdit(p, chars, off, n, new Scratch());
    }

    /** Work arrays of the alignment, reused across the candidates of one search (not shared between threads). */
    static final class Scratch {
        final int[] pre = new int[MarkingPattern.MAX_LENGTH + 2];
        final int[] suf = new int[MarkingPattern.MAX_LENGTH + 2];
    }

    static Match alignWithEdit(String p, char[] chars, int off, int n, Scratch scratch) {
        int m = p.length();
        if (Math.abs(m - n) > MAX_EDITS) {
            return null;
        }
        int both = Math.min(m, n);
        int[] pre = scratch.pre;
        int[] suf = scratch.suf;
        // pre[k]: points of the first k characters lined up; L: how far that fits
        pre[0] = 0;
        int prefix = 0;
        while (prefix < both) {
            int g = gain(p.charAt(prefix), chars[off + prefix]);
            if (g < 0) {
                break;
            }
            pre[prefix + 1] = pre[prefix] + g;
            prefix++;
        }
        if (m == n && prefix == n) {
            return explain(p, chars, off, n, -1, 0, pre[n]);
        }
        // suf[t]: points of the last t characters lined up from the end
        suf[0] = 0;
        int suffix = 0;
        while (suffix < both) {
            int g = gain(p.charAt(m - 1 - suffix), chars[off + n - 1 - suffix]);
            if (g < 0) {
                break;
            }
            suf[suffix + 1] = suf[suffix] + g;
            suffix++;
        }
        int at = -1;
        int best = -1;
        if (m == n) {
            // the substitution must be where the prefix stops
            if (suffix >= n - 1 - prefix) {
                at = prefix;
                best = pre[prefix] + suf[n - 1 - prefix];
            }
        } else {
            // m < n: recorded character k missing; m > n: read character k extra; both - k characters after it
            for (int k = Math.max(0, both - suffix); k <= prefix; k++) {
                int v = pre[k] + suf[both - k];
                if (v > best) {
                    best = v;
                    at = k;
                }
            }
        }
        if (at < 0) {
            return null;
        }
        return explain(p, chars, off, n, at, m - n, best);
    }

    /** The explanation of the fit with its edit at {@code at} ({@code -1}: none) of kind {@code d} (m - n). */
    private static Match explain(String p, char[] chars, int off, int n, int at, int d, int points) {
        List<PositionMatch> out = new ArrayList<>(n + 1);
        int edits = at >= 0 ? 1 : 0;
        int exact = 0;
        int confused = 0;
        int unknown = 0;
        int i = 0; // in the pattern
        int j = 0; // in the serial
        while (i < p.length() || j < n) {
            if (j == at && at >= 0) {
                if (d == 0) {
                    out.add(new PositionMatch(j + 1, String.valueOf(chars[off + j]), String.valueOf(p.charAt(i)),
                            PositionMatch.Kind.SUBSTITUTED));
                    i++;
                    j++;
                } else if (d < 0) {
                    out.add(new PositionMatch(j + 1, String.valueOf(chars[off + j]), null, PositionMatch.Kind.MISSING));
                    j++;
                } else {
                    out.add(new PositionMatch(j, null, String.valueOf(p.charAt(i)), PositionMatch.Kind.EXTRA));
                    i++;
                }
                at = -2;
                continue;
            }
            char q = p.charAt(i);
            char c = chars[off + j];
            PositionMatch.Kind kind;
            if (q == MarkingPattern.ONE) {
                kind = PositionMatch.Kind.UNKNOWN;
                unknown++;
            } else if (q == c) {
                kind = PositionMatch.Kind.EXACT;
                exact++;
            } else {
                kind = PositionMatch.Kind.CONFUSION;
                confused++;
            }
            out.add(new PositionMatch(j + 1, String.valueOf(c), String.valueOf(q), kind));
            i++;
            j++;
        }
        double score = (double) points / (EXACT * (n + (d > 0 ? 1 : 0)));
        return new Match(new String(chars, off, n), Math.round(1000.0 * score) / 1000.0, exact, confused, unknown, edits, out);
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
