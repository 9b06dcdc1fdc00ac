package org.ferret.registry;

import java.time.LocalDate;
import java.util.List;

/** Published when an item was seized. {@code serials} are normalised. */
public record ItemSeized(ItemId item, ItemKind kind, List<String> serials, LocalDate occurredOn) {
}
