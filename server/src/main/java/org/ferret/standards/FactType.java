package org.ferret.standards;

import java.util.Locale;
import java.util.Optional;

/** The type of a fact a requirement needs; numeric types carry a {@link Dimension} and take a unit of it. */
public enum FactType {
    BOOLEAN(null), LENGTH(Dimension.LENGTH), ANGLE(Dimension.ANGLE), HARDNESS(Dimension.HARDNESS),
    DURATION(Dimension.DURATION), COUNT(Dimension.COUNT), CHOICE(null), TEXT(null);

    private final Dimension dimension;

    FactType(Dimension dimension) {
        this.dimension = dimension;
    }

    /** The dimension of a numeric type; null for boolean, choice and text. */
    public Dimension dimension() {
        return dimension;
    }

    public boolean numeric() {
        return dimension != null;
    }

    public static Optional<FactType> byName(String s) {
        for (FactType t : values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
