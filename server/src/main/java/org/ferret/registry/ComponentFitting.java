package org.ferret.registry;

import java.time.LocalDate;

/** One period in which a component was fitted to a firearm; {@code removedOn} is null while it still is. */
public record ComponentFitting(ItemId firearm, ItemId component, ItemKind componentKind, LocalDate fittedOn,
        LocalDate removedOn) {
    public boolean current() {
        return removedOn == null;
    }
}
