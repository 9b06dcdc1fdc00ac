package org.ferret.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An import event the registry recorded naming no import authorisation (flagged for the licensing officer). */
public record UnauthorisedImport(UUID eventId, UUID itemId, String country, LocalDate occurredOn, String reference,
        Instant recordedAt) {
}
