package org.ferret.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a retention purge removed: items destroyed or exported before {@code cutoff}. */
public record PurgeReport(UUID job, int retentionYears, LocalDate cutoff, List<ItemId> purged) {
    public PurgeReport {
        purged = List.copyOf(purged);
    }
}
