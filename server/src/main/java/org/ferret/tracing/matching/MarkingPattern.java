package org.ferret.tracing.matching;

import java.util.Locale;

/**
 * A marking as read, parsed for searching: upper case, letters and digits, {@code ?} for one unreadable character
 * and {@code *} for an unreadable run (none or more characters); spaces and the separators {@code - . / _ # :} are
 * dropped. With {@code ncic} set, letters that do not read as a digit are ignored (NCIC practice: 369J257 finds
 * 369257 and 369M257).
 */
public record MarkingPattern(String raw, String symbols, boolean ncic) {

    public static final char ONE = '?';
    public static final char RUN = '*';
    /** Longest marking a pattern may describe (as the registry's serial limit). */
    public static final int MAX_LENGTH = 40;
    /** Readable characters a pattern needs, so that a search cannot dump the registry. */
    public static final int MIN_KNOWN = 3;
    public static final int MAX_RUNS = 3;

    public MarkingPattern {
        if (raw == null || symbols == null) {
            throw new MalformedPatternException(0, "the pattern must be given");
        }
    }

    /** Parses what a user typed; refuses it with the position at fault and what was expected. */
    public static MarkingPattern parse(String text, boolean ncic) {
        if (text == null || text.isBlank()) {
            throw new MalformedPatternException(0, "the marking pattern must not be blank");
        }
        String upper = text.toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (Character.isWhitespace(c) || c == '-' || c == '.' || c == '/' || c == '_' || c == '#' || c == ':') {
                continue;
            }
            if (c == RUN) {
                if (!sb.isEmpty() && sb.charAt(sb.length() - 1) == RUN) {
                    continue;
                }
                sb.append(c);
            } else if (c == ONE || Character.isLetterOrDigit(c)) {
                if (ncic && Character.isLetter(c) && !Confusion.readsAsDigit(c)) {
                    continue;
                }
                sb.append(c);
            } else {
                throw new MalformedPatternException(i + 1, "unexpected character '" + c + "' at position " + (i + 1)
                        + "; use letters, digits, ? for one unreadable character and * for an unreadable run");
            }
        }
        String symbols = sb.toString();
        int known = 0;
        int runs = 0;
        int fixed = 0;
        for (int i = 0; i < symbols.length(); i++) {
            char c = symbols.charAt(i);
            if (c == RUN) {
                runs++;
            } else {
                fixed++;
                if (c != ONE) {
                    known++;
                }
            }
        }
        if (fixed > MAX_LENGTH) {
            throw new MalformedPatternException(0, "the pattern describes " + fixed + " characters; a marking has at most "
                    + MAX_LENGTH);
        }
        if (runs > MAX_RUNS) {
            throw new MalformedPatternException(0, "at most " + MAX_RUNS + " unreadable runs (*) are allowed, found " + runs);
        }
        if (known < MIN_KNOWN) {
            throw new MalformedPatternException(0, "the pattern has " + known + " readable character"
                    + (known == 1 ? "" : "s") + (ncic ? " (letters are ignored under the NCIC option)" : "")
                    + "; at least " + MIN_KNOWN + " are needed");
        }
        return new MarkingPattern(text, symbols, ncic);
    }

    public boolean hasRun() {
        return symbols.indexOf(RUN) >= 0;
    }

    /** Number of fixed positions (everything but {@code *}). */
    public int fixedLength() {
        int n = 0;
        for (int i = 0; i < symbols.length(); i++) {
            if (symbols.charAt(i) != RUN) {
                n++;
            }
        }
        return n;
    }

    public int unknowns() {
        int n = 0;
        for (int i = 0; i < symbols.length(); i++) {
            if (symbols.charAt(i) == ONE) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return symbols + (ncic ? " (NCIC)" : "");
    }
}
