package org.ferret.registry;

import java.time.Instant;

/** A person or organisation an item is or was with; personal data, so every read by a user is audited. */
public record Holder(HolderId id, HolderType type, HolderRole role, String name, String licenceNumber,
        CountryCode country, Instant registeredAt) {
}
