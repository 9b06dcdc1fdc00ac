package org.ferret.tracing;

import java.time.Instant;
import java.util.UUID;

/**
 * A message to an agency that an item it reported lost or stolen has been seized or found: {@code itemId} is the
 * lost or stolen record, {@code triggerItem} the seized or found item (the same item, or another whose serial
 * matches it).
 */
public record HitNotification(UUID id, String agency, String kind, UUID itemId, UUID triggerItem, String triggerEvent,
        String message, Instant createdAt, Instant readAt) {
}
