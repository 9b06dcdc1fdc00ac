package org.ferret.standards;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An item deactivated under one standard version whose recorded facts do not meet another (the para 46 list). */
public record WeakerDeactivation(UUID item, UUID event, String certificate, String deactivatedUnder, Instant recordedAt,
        UUID assessment, String comparedWith, List<String> failed, List<String> missing) {
}
