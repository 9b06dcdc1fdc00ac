package org.ferret.registry;

import java.util.List;
import java.util.UUID;

/**
 * Published by a bulk import for each batch of items it registered (at most {@link #MAX_ITEMS} ids, so the
 * serialized event stays far below the event publication registry's 4,000-character column on H2). Listeners
 * read what they need of those items from {@link Registry} (e.g. {@link Registry#forEachSerialOf}) in one query a
 * batch, rather than rebuilding from the whole registry. {@code registeredAt} is the job's time (the items' rows
 * were written after it, in one transaction).
 */
public record ItemsRegistered(UUID importJob, java.time.Instant registeredAt, List<ItemId> items) {

    /** Most items named by one event. */
    public static final int MAX_ITEMS = 50;

    public ItemsRegistered {
        items = List.copyOf(items);
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("at most " + MAX_ITEMS + " items per event, was " + items.size());
        }
    }
}
