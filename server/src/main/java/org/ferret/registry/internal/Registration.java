package org.ferret.registry.internal;

import java.util.List;

import org.ferret.registry.LifecycleEvent;
import org.ferret.registry.Marking;

/**
 * One item ready to be written: its row (projection derived), its markings in order and its first events. Built by
 * the registry's one registration road for an item registered alone and for every row of a bulk import.
 */
public record Registration(StoredItem item, List<Marking> markings, List<LifecycleEvent> history) {
    public Registration {
        markings = List.copyOf(markings);
        history = List.copyOf(history);
    }
}
