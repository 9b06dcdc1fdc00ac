package org.ferret.intelligence.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The normal form in which listing text is matched against indicator terms and cut into character n-grams: lower
 * case, diacritics and ligatures folded ({@code ß} → {@code ss}, {@code œ} → {@code oe}), letters spaced or dotted
 * apart joined ({@code g l o c k}, {@code p.i.s.t.o.l} → {@code glock}, {@code pistol}), leetspeak read as letters
 * inside words ({@code gl0ck}, {@code p1st0l}, {@code 4mmo}; the written form is kept beside it, so {@code ar15}
 * still matches {@code ar15}), and runs of one letter made one ({@code gloooock} → {@code glock}, and so
 * {@code barrel} → {@code barel}: terms are normalised the same way, so both sides agree). Evasive spellings are
 * the point of web patrolling: sellers write around platform filters. No Spring.
 */
public final class ListingText {

    private ListingText() {
    }

    /**
     * The words of a text in normal form, position by position: {@code read} with leetspeak read as letters,
     * {@code written} as written (the same word where there was nothing to read), both of the same length.
     */
    public record Words(List<String> read, List<String> written) {

        public int size() {
            return read.size();
        }

        /** The read form as one string, words joined by single spaces. */
        public String text() {
            return String.join(" ", read);
        }
    }

    /** The text's words in normal form. */
    public static Words words(String text) {
        if (text == null || text.isEmpty()) return new Words(List.of(), List.of());
        String folded = fold(text);
        List<String> raw = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || LEET.indexOf(c) >= 0;
            if (word) {
                cur.append(c);
            } else if (cur.length() > 0) {
                raw.add(trimSigns(cur.toString()));
                cur.setLength(0);
            }
        }
        if (cur.length() > 0) raw.add(trimSigns(cur.toString()));
        raw.removeIf(String::isEmpty);
        List<String> joined = joinSpelledOut(raw);
        List<String> read = new ArrayList<>(joined.size());
        List<String> written = new ArrayList<>(joined.size());
        for (String t : joined) {
            String w = squeeze(stripSigns(t));
            String r = onlyDigits(t) ? w : squeeze(readLeet(t));
            if (w.isEmpty()) w = r;
            if (r.isEmpty()) continue;
            read.add(r);
            written.add(w);
        }
        return new Words(List.copyOf(read), List.copyOf(written));
    }

    /** The normal form as one string (the read form). */
    public static String normalise(String text) {
        return words(text).text();
    }

    private static String trimSigns(String t) {
        int a = 0;
        int b = t.length();
        while (a < b && LEET.indexOf(t.charAt(a)) >= 0) a++;
        while (b > a && LEET.indexOf(t.charAt(b - 1)) >= 0) b--;
        return t.substring(a, b);
    }

    private static String stripSigns(String t) {
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            if (LEET.indexOf(t.charAt(i)) < 0) b.append(t.charAt(i));
        }
        return b.toString();
    }

    private static final String LEET = "@$!|";

    /** Lower case, diacritics and ligatures folded, other scripts' letters dropped as separators. */
    static String fold(String text) {
        String s = text.toLowerCase(Locale.ROOT)
                .replace("ß", "ss").replace("œ", "oe").replace("æ", "ae").replace("ø", "o").replace("ł", "l")
                .replace("đ", "d").replace("ı", "i");
        s = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            // zero-width characters and soft hyphens hide a word from filters (g\u200Block); they join, not split
            if ((c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF' || c == '\u00AD') continue;
            b.append(c);
        }
        return b.toString();
    }

    /** Joins runs of three or more one-character tokens ({@code g l o c k}); a run of two is left (e.g. {@code a k}). */
    private static List<String> joinSpelledOut(List<String> raw) {
        List<String> out = new ArrayList<>(raw.size());
        int i = 0;
        while (i < raw.size()) {
            int j = i;
            while (j < raw.size() && raw.get(j).length() == 1 && Character.isLetterOrDigit(raw.get(j).charAt(0))) j++;
            if (j - i >= 3) {
                StringBuilder b = new StringBuilder();
                for (int k = i; k < j; k++) b.append(raw.get(k));
                out.add(b.toString());
                i = j;
            } else {
                out.add(raw.get(i));
                i++;
            }
        }
        return out;
    }

    /** Reads digits and signs as letters in a token that holds letters ({@code gl0ck}); digits alone stay. */
    private static String readLeet(String t) {
        boolean letter = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= 'a' && c <= 'z') letter = true;
        }
        if (!letter) return t;
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            b.append(switch (c) {
                case '0' -> 'o';
                case '1', '!', '|' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return b.toString();
    }

    private static boolean onlyDigits(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) return false;
        }
        return true;
    }

    /** One letter for a run of the same letter ({@code gloooock} → {@code glock}); digits are left. */
    private static String squeeze(String t) {
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (i > 0 && c == t.charAt(i - 1) && c >= 'a' && c <= 'z') continue;
            b.append(c);
        }
        return b.toString();
    }
}
