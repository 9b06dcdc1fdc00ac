package org.ferret.registry;

import java.util.UUID;

/** Identity of a holder (person or organisation) an item is or was with. */
public record HolderId(UUID value) {
    public HolderId {
        if (value == null) {
            throw new InvalidValueException("holderId", "must be given");
        }
    }

    public static HolderId newId() {
        return new HolderId(UUID.randomUUID());
    }

    public static HolderId parse(String text) {
        return new HolderId(Ids.parse("holderId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
