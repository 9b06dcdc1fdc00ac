package org.ferret.registry;

import java.util.List;

/** Published when an item was registered. {@code serials} are normalised. */
public record ItemRegistered(ItemId item, ItemKind kind, List<String> serials, boolean markingRequired) {
}
