package org.ferret.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An export event the registry recorded without a licence (flagged for the licensing officer). */
public record UnlicensedExport(UUID eventId, UUID itemId, String country, LocalDate occurredOn, String reference,
        String reason, Instant recordedAt) {
}
