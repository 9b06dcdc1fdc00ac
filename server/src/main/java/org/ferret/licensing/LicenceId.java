package org.ferret.licensing;

import java.util.UUID;

/** A licence's id. */
public record LicenceId(@com.fasterxml.jackson.annotation.JsonValue UUID value) {
    public LicenceId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static LicenceId newId() {
        return new LicenceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
