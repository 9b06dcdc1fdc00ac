package org.ferret.registry;

/**
 * Published when one item was registered through {@link Registry#register}. Carries the id and the facts a listener
 * acts on, never the item or its serials (an item may carry dozens of markings; read them from {@link Registry}).
 */
public record ItemRegistered(ItemId item, ItemKind kind, boolean markingRequired) {
}
