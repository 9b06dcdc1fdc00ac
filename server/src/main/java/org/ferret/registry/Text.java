package org.ferret.registry;

import java.time.LocalDate;

/** Checks for the free-text and number fields of registry records. */
final class Text {
    private Text() {
    }

    /** Null for blank input, otherwise stripped text of at most {@code max} characters. */
    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        noControlCharacters(field, v, false);
        if (v.length() > max) {
            throw new InvalidValueException(field, "is " + v.length() + " characters long; at most " + max + " are allowed");
        }
        return v;
    }

    /** Like {@link #optional}, for text of several lines: tab, CR and LF are allowed, other control characters not. */
    static String multiline(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        noControlCharacters(field, v, true);
        if (v.length() > max) {
            throw new InvalidValueException(field, "is " + v.length() + " characters long; at most " + max + " are allowed");
        }
        return v;
    }

    /** Refuses control characters (NUL etc.), which no registry text holds and PostgreSQL cannot store. */
    static void noControlCharacters(String field, String v, boolean lines) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.getType(c) == Character.CONTROL && !(lines && (c == '\t' || c == '\n' || c == '\r'))) {
                throw new InvalidValueException(field, "contains the control character U+" + String.format("%04X", (int) c)
                        + " at position " + (i + 1) + "; control characters are not allowed"
                        + (lines ? " (except tab and line breaks)" : ""));
            }
        }
    }

    static String required(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v == null) {
            throw new InvalidValueException(field, "must be given");
        }
        return v;
    }

    static Integer year(String field, Integer year) {
        if (year == null) {
            return null;
        }
        int max = LocalDate.now().getYear() + 1;
        if (year < 1500 || year > max) {
            throw new InvalidValueException(field, "must be a year between 1500 and " + max + ", was " + year);
        }
        return year;
    }
}
