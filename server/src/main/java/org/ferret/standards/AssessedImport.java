package org.ferret.standards;

import java.time.Instant;
import java.util.UUID;

/**
 * An import the registry recorded after assessing it under this state's standard: the event, the item, why it was
 * assessed (deactivated abroad, alarm or signal weapon), the assessment and whether it passed or was flagged.
 */
public record AssessedImport(UUID event, UUID item, String concern, UUID assessment, String standard, String outcome,
        Instant recordedAt) {
}
