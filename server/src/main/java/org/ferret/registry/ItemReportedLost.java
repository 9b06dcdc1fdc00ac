package org.ferret.registry;

import java.time.LocalDate;
import java.util.List;

/** Published when an item was reported lost. {@code serials} are normalised. */
public record ItemReportedLost(ItemId item, ItemKind kind, List<String> serials, LocalDate occurredOn) {
}
