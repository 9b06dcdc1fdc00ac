package org.ferret.registry;

import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code, e.g. {@code DE}; lower case input is accepted and upper-cased. */
public record CountryCode(String value) {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    public CountryCode {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("country", "must be given");
        }
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!ISO.contains(value)) {
            throw new InvalidValueException("country",
                    "'" + value + "' is not an ISO 3166-1 alpha-2 country code (e.g. DE, FR, US)");
        }
    }

    public static CountryCode of(String value) {
        return new CountryCode(value);
    }

    /** Null for null or blank input, otherwise a validated code. */
    public static CountryCode ofNullable(String value) {
        return value == null || value.isBlank() ? null : new CountryCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
