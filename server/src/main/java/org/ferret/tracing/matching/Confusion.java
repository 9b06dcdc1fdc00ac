package org.ferret.tracing.matching;

import java.util.Locale;

/**
 * Characters that are often confused when a worn or partly obliterated marking is read (O/0/D/Q, I/1/L, S/5, B/8,
 * Z/2, G/6), and the normalisation every search applies (case, spaces and separators never matter). Ferret's own
 * design: neither iARMS nor eTrace documents a fuzzy search (see docs/tracing.md).
 */
public final class Confusion {

    /** The confusion classes; the first member is the class's canonical character. */
    public static final String[] CLASSES = {"0ODQ", "1IL", "5S", "8B", "2Z", "6G"};

    private static final char[] CANONICAL = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            CANONICAL[c] = c;
        }
        for (String cls : CLASSES) {
            for (int i = 0; i < cls.length(); i++) {
                CANONICAL[cls.charAt(i)] = cls.charAt(0);
            }
        }
    }

    private Confusion() {
    }

    /** The class representative of an upper-case character; characters outside every class stand for themselves. */
    public static char canonical(char c) {
        return c < 128 ? CANONICAL[c] : c;
    }

    /** True when two different characters are in the same confusion class. */
    public static boolean confusable(char a, char b) {
        return a != b && canonical(a) == canonical(b);
    }

    /** The other members of the character's class (empty when it is in none). */
    public static String othersOf(char c) {
        for (String cls : CLASSES) {
            int i = cls.indexOf(c);
            if (i >= 0) {
                return cls.substring(0, i) + cls.substring(i + 1);
            }
        }
        return "";
    }

    /** True for letters that NCIC matching keeps because they read as a digit (O→0 and the other confusions). */
    static boolean readsAsDigit(char c) {
        return Character.isLetter(c) && Character.isDigit(canonical(c));
    }

    /**
     * A stored serial as it is matched: upper case, letters and digits only (spaces, hyphens and other symbols are
     * removed, as in NCIC practice).
     */
    public static String normaliseSerial(String serial) {
        String upper = serial.toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The NCIC form: embedded letters ignored, except letters that read as a digit (kept, and matched by class). */
    public static String ncicForm(String normalisedSerial) {
        StringBuilder sb = new StringBuilder(normalisedSerial.length());
        for (int i = 0; i < normalisedSerial.length(); i++) {
            char c = normalisedSerial.charAt(i);
            if (!Character.isLetter(c) || readsAsDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
