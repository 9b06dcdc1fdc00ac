package org.ferret.registry;

import java.util.UUID;

/** Identity of a registered item (firearm, essential component or ammunition lot). */
public record ItemId(UUID value) {
    public ItemId {
        if (value == null) {
            throw new InvalidValueException("itemId", "must be given");
        }
    }

    public static ItemId newId() {
        return new ItemId(UUID.randomUUID());
    }

    public static ItemId parse(String text) {
        return new ItemId(Ids.parse("itemId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
