package org.ferret.registry;

import java.time.LocalDate;
import java.util.List;

/** Published when an item left the country. {@code serials} are normalised. */
public record ItemExported(ItemId item, ItemKind kind, List<String> serials, CountryCode to, LocalDate occurredOn) {
}
