package org.ferret.registry;

import java.time.LocalDate;
import java.util.List;

/** Published when an item was reported stolen (tracing, alerts). {@code serials} are normalised. */
public record ItemReportedStolen(ItemId item, ItemKind kind, List<String> serials, LocalDate occurredOn) {
}
