package org.ferret.registry;

import java.util.UUID;

/**
 * Published once when a bulk import committed new items: the job's summary. The items themselves were announced
 * batch by batch as {@link ItemsRegistered}; listeners keeping per-item structures use those.
 */
public record ItemsImported(UUID job, long created) {
}
