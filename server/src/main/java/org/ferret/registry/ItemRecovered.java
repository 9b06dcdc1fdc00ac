package org.ferret.registry;

import java.time.LocalDate;

/**
 * Published when an item was recovered (found). Carries the item's id and the facts a listener acts on, never the item:
 * a listener that needs its markings reads them from {@link Registry} (an event must stay small however many
 * markings an item has).
 */
public record ItemRecovered(ItemId item, EventId event, ItemKind kind, LocalDate occurredOn) {
}
