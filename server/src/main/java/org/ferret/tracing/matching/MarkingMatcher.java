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
        return new Match(serial, score, exact, confused, unknown, explanation);
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
