package org.ferret.registry;

import java.time.LocalDate;
import java.util.List;

/** Published when an item was certified deactivated (art. 9). {@code serials} are normalised. */
public record ItemDeactivated(ItemId item, ItemKind kind, List<String> serials, LocalDate occurredOn) {
}
