package org.ferret.registry;

import java.util.UUID;

final class Ids {
    private Ids() {
    }

    static UUID parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, "must be given");
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "'" + text + "' is not a UUID");
        }
    }
}
