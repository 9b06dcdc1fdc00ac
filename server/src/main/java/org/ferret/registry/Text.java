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
        if (v.length() > max) {
            throw new InvalidValueException(field, "is " + v.length() + " characters long; at most " + max + " are allowed");
        }
        return v;
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
