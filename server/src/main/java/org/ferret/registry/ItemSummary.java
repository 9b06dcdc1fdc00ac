package org.ferret.registry;

import java.time.Instant;
import java.util.List;

/** One line of a list of items (serial lookup, work list): enough to recognise the item and open it. */
public record ItemSummary(ItemId id, ItemKind kind, String manufacturer, String model, ItemStatus status,
        boolean markingRequired, List<String> serials, ItemId fittedTo, Instant registeredAt) {
}
