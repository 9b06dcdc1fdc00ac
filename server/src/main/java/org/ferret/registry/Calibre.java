package org.ferret.registry;

/** A calibre designation as marked or recorded, e.g. "9x19mm" or ".45 ACP". */
public record Calibre(String value) {

    public static final int MAX_LENGTH = 40;

    public Calibre {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("calibre", "must not be blank");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("calibre", "at most " + MAX_LENGTH + " characters are allowed");
        }
    }

    public static Calibre ofNullable(String value) {
        return value == null || value.isBlank() ? null : new Calibre(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
