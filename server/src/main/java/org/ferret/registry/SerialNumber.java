package org.ferret.registry;

import java.util.Locale;

/**
 * A serial number as read from the item. Matching uses {@link #normalised()}: upper case, with
 * whitespace and the separators {@code - . / _} removed, so "ab-12 34" finds "AB1234".
 */
public record SerialNumber(String value) {

    /** Longest serial accepted, as written on the item (separators included). */
    public static final int MAX_LENGTH = 40;

    public SerialNumber {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("serialNumber", "must not be blank");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("serialNumber",
                    "is " + value.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidValueException("serialNumber", "must not contain control characters");
            }
        }
        if (normalise(value).isEmpty()) {
            throw new InvalidValueException("serialNumber", "must contain at least one letter or digit besides separators");
        }
    }

    public static SerialNumber of(String value) {
        return new SerialNumber(value);
    }

    /** The form used for exact lookups: upper case, no whitespace, no {@code - . / _}. */
    public String normalised() {
        return normalise(value);
    }

    /** Normalises any text the way serials are matched; usable on search input that is not a valid serial. */
    public static String normalise(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        String upper = text.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isSeparator(c)) {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static boolean isSeparator(char c) {
        return c == '-' || c == '.' || c == '/' || c == '_';
    }

    @Override
    public String toString() {
        return value;
    }
}
