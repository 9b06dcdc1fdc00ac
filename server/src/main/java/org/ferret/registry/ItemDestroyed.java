package org.ferret.registry;

import java.time.LocalDate;
import java.util.List;

/** Published when an item was destroyed. {@code serials} are normalised. */
public record ItemDestroyed(ItemId item, ItemKind kind, List<String> serials, LocalDate occurredOn) {
}
