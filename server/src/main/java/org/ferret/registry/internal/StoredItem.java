package org.ferret.registry.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.ferret.registry.HolderId;
import org.ferret.registry.ItemAttributes;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemKind;
import org.ferret.registry.ItemStatus;

/** An item row as stored, projection columns included. */
public record StoredItem(ItemId id, String externalRef, ItemKind kind, ItemAttributes attributes, ItemStatus status,
        LocalDate statusSince, HolderId holder, ItemId fittedTo, boolean markingRequired, Instant registeredAt) {
}
