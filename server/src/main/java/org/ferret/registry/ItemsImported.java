package org.ferret.registry;

import java.util.UUID;

/** Published when a bulk import committed new items; bulk imports publish no per-item events. */
public record ItemsImported(UUID job, long created) {
}
