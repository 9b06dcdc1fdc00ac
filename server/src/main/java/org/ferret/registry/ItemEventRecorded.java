package org.ferret.registry;

import java.time.LocalDate;

/** Published when any lifecycle event was appended to an item's history (published for every event). */
public record ItemEventRecorded(ItemId item, EventId event, EventType type, LocalDate occurredOn, ItemStatus statusAfter) {
}
