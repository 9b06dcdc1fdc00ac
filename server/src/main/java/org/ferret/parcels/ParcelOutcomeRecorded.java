package org.ferret.parcels;

import java.util.UUID;

import org.ferret.registry.ItemId;

/**
 * An inspection outcome was recorded; {@code registryItem} is the seized item it registered (null for outcomes
 * that are not firearms, components or ammunition). Published in the recording transaction.
 */
public record ParcelOutcomeRecorded(UUID declaration, String itemId, OutcomeKind kind, PickedBy pickedBy, ItemId registryItem) {
}
