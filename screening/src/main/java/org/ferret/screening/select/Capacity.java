package org.ferret.screening.select;

/** A day's inspection capacity: a count of declarations or a share of them. */
public record Capacity(int count, double share) {
    public Capacity {
        if (count < 0) throw new IllegalArgumentException("capacity must not be negative");
        if (share < 0 || share > 1) throw new IllegalArgumentException("capacity share must be between 0% and 100%");
    }

    /** Parses "5%" or "0.5%" (a share) or "120" (a count). */
    public static Capacity parse(String s) {
        String v = s.strip();
        try {
            if (v.endsWith("%")) return new Capacity(0, Double.parseDouble(v.substring(0, v.length() - 1)) / 100.0);
            return new Capacity(Integer.parseInt(v), 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("capacity must be a count like 120 or a share like 5%, not '" + s + "'");
        }
    }

    /** How many of {@code n} declarations can be inspected. */
    public int of(int n) {
        return count > 0 ? Math.min(count, n) : (int) Math.round(share * n);
    }
}
