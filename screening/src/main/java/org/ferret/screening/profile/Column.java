package org.ferret.screening.profile;

import java.util.Objects;

/** One column of a profile: its header name, what it holds, and whether a file must have it. */
public record Column(String name, ColumnKind kind, boolean required, String meaning) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) throw new IllegalArgumentException("column name is blank");
    }
}
