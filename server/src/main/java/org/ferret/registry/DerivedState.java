package org.ferret.registry;

import java.time.LocalDate;
import java.util.Set;

/**
 * What an item's history says about it now: status (and since when), current holder, the firearm a component is
 * fitted to, and the components fitted to a firearm.
 */
public record DerivedState(ItemStatus status, LocalDate statusSince, HolderId holder, ItemId fittedTo,
        Set<ItemId> fittedComponents) {
    public DerivedState {
        fittedComponents = Set.copyOf(fittedComponents);
    }
}
