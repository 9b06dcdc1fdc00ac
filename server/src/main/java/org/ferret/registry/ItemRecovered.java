package org.ferret.registry;

import java.time.LocalDate;
import java.util.List;

/** Published when a lost or stolen item was recovered (found). {@code serials} are normalised. */
public record ItemRecovered(ItemId item, ItemKind kind, List<String> serials, LocalDate occurredOn) {
}
