package org.ferret.standards;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A unit of a numeric fact, with its dimension and its factor to the dimension's base unit (mm, degree, HRC, year). */
public enum Unit {
    MM("mm", Dimension.LENGTH, 1), CM("cm", Dimension.LENGTH, 10), IN("in", Dimension.LENGTH, 25.4),
    DEG("deg", Dimension.ANGLE, 1), HRC("HRC", Dimension.HARDNESS, 1), YEARS("years", Dimension.DURATION, 1),
    COUNT("count", Dimension.COUNT, 1);

    private final String symbol;
    private final Dimension dimension;
    private final double factor;

    Unit(String symbol, Dimension dimension, double factor) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.factor = factor;
    }

    public String symbol() {
        return symbol;
    }

    public Dimension dimension() {
        return dimension;
    }

    /** The value in this unit expressed in the dimension's base unit. */
    public double toBase(double value) {
        return value * factor;
    }

    public static Optional<Unit> bySymbol(String s) {
        return Arrays.stream(values()).filter(u -> u.symbol.toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))).findFirst();
    }
}
