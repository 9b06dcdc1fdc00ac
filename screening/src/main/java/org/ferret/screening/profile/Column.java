package org.ferret.screening.profile;

import java.util.Objects;

/**
 * One column of a profile: its header name, what it holds, whether a file must have it, and for a number the
 * values it may take ({@code range}, null for other kinds).
 */
public record Column(String name, ColumnKind kind, boolean required, String meaning, Range range) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) throw new IllegalArgumentException("column name is blank");
        if (kind == ColumnKind.NUMBER && range == null) range = Range.ANY;
        if (kind != ColumnKind.NUMBER && range != null) throw new IllegalArgumentException("column " + name + ": only a number has a range");
    }

    /** A column of any number within {@link Range#ANY} when it is a number. */
    public Column(String name, ColumnKind kind, boolean required, String meaning) {
        this(name, kind, required, meaning, null);
    }

    /**
     * The values a number column may take: from {@code min} to {@code max}, whole numbers only when {@code whole}.
     * No number beyond ±10^18 is accepted anywhere: no declared value, weight or price is that large, and the
     * features that models read are 32-bit floats (up to about 3.4·10^38, ratios such as value per kg included).
     */
    public record Range(double min, double max, boolean whole) {
        public static final double LIMIT = 1e18;
        public static final Range ANY = new Range(-LIMIT, LIMIT, false);
        public static final Range NON_NEGATIVE = new Range(0, LIMIT, false);
        /** A count of articles: a whole number, at least one. */
        public static final Range COUNT = new Range(1, LIMIT, true);

        public Range {
            if (!(min <= max) || min < -LIMIT || max > LIMIT) throw new IllegalArgumentException("bad range " + min + ".." + max);
        }

        /** Null when {@code v} is in the range (or unknown, NaN), otherwise what was expected. */
        public String problem(double v) {
            if (v != v) return null;
            if (whole && v != Math.rint(v)) return "expected a whole number, got " + text(v);
            if (v < min) return "expected " + (whole ? "a whole number" : "a number") + " of at least " + text(min) + ", got " + text(v);
            if (v > max) return "number out of range: " + text(v) + " (at most " + text(max) + ")";
            return null;
        }

        private static String text(double v) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
            return Double.toString(v).replace(".0E", "e").replace('E', 'e'); // 1e308, not 1.0E308
        }
    }
}
