package org.ferret.screening.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parsers of single field values; each throws {@link IllegalArgumentException} with what was expected. */
public final class Values {
    private Values() {}

    /** A decimal number; blank is unknown (NaN). */
    public static double number(String s) {
        if (s.isEmpty()) return Double.NaN;
        char c0 = s.charAt(0);
        if (!(c0 == '-' || c0 == '+' || c0 == '.' || (c0 >= '0' && c0 <= '9'))) {
            throw new IllegalArgumentException("expected a number, got '" + s + "'");
        }
        try {
            double d = Double.parseDouble(s);
            if (Double.isInfinite(d)) throw new IllegalArgumentException("number out of range: '" + s + "'");
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, got '" + s + "'");
        }
    }

    /**
     * Seconds since the epoch of {@code yyyy-MM-dd} (midnight UTC) or an ISO local or offset date-time such as
     * {@code 2026-03-01T14:05:00Z}.
     */
    public static long time(String s) {
        if (s.length() == 10) {
            int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
            if (y >= 0 && m >= 0 && d >= 0 && s.charAt(4) == '-' && s.charAt(7) == '-') {
                try {
                    return LocalDate.of(y, m, d).toEpochDay() * 86_400L;
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("not a valid date: '" + s + "'");
                }
            }
            throw new IllegalArgumentException("expected a date yyyy-MM-dd, got '" + s + "'");
        }
        if (s.length() == 20 && s.charAt(19) == 'Z' && s.charAt(10) == 'T') {
            int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
            int h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
            if (y >= 0 && mo >= 0 && d >= 0 && h >= 0 && mi >= 0 && se >= 0 && h < 24 && mi < 60 && se < 60
                    && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(13) == ':' && s.charAt(16) == ':') {
                try {
                    return LocalDate.of(y, mo, d).toEpochDay() * 86_400L + h * 3600L + mi * 60L + se;
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("not a valid date-time: '" + s + "'");
                }
            }
        }
        try {
            return OffsetDateTime.parse(s).toEpochSecond();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("expected a date yyyy-MM-dd or date-time like 2026-03-01T14:05:00Z, got '" + s + "'");
            }
        }
    }

    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** 0 or 1; blank is unknown (-1). */
    public static int label(String s) {
        return switch (s) {
            case "" -> -1;
            case "0", "0.0" -> 0;
            case "1", "1.0" -> 1;
            default -> throw new IllegalArgumentException("expected 0, 1 or blank, got '" + s + "'");
        };
    }

    /** 0, 1 or 2; blank is unknown (-1). */
    public static int severity(String s) {
        return switch (s) {
            case "" -> -1;
            case "0", "0.0" -> 0;
            case "1", "1.0" -> 1;
            case "2", "2.0" -> 2;
            default -> throw new IllegalArgumentException("expected 0, 1, 2 or blank, got '" + s + "'");
        };
    }

    /** Checks an HS code: blank, or 2 to 10 digits (dots and spaces between digit groups are dropped). */
    public static String hsCode(String s) {
        if (s.isEmpty()) return s;
        String d = s.indexOf('.') >= 0 || s.indexOf(' ') >= 0 ? s.replace(".", "").replace(" ", "") : s;
        if (d.length() < 2 || d.length() > 10) throw new IllegalArgumentException("expected an HS code of 2 to 10 digits, got '" + s + "'");
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException("expected an HS code of 2 to 10 digits, got '" + s + "'");
        }
        return d;
    }

    /** Checks a country code: blank or two capital letters. */
    public static String country(String s) {
        if (s.isEmpty()) return s;
        if (s.length() != 2 || s.charAt(0) < 'A' || s.charAt(0) > 'Z' || s.charAt(1) < 'A' || s.charAt(1) > 'Z') {
            throw new IllegalArgumentException("expected an ISO 3166-1 alpha-2 country code, got '" + s + "'");
        }
        return s;
    }
}
