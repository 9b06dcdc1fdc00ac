package org.ferret.registry;

import java.util.UUID;

/** Identity of one lifecycle event in an item's history. */
public record EventId(UUID value) {
    public EventId {
        if (value == null) {
            throw new InvalidValueException("eventId", "must be given");
        }
    }

    public static EventId newId() {
        return new EventId(UUID.randomUUID());
    }

    public static EventId parse(String text) {
        return new EventId(Ids.parse("eventId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
