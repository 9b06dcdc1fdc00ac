package org.ferret.registry;

import java.time.Instant;
import java.util.UUID;

/** A marking as recorded on an item, with the art. 8 decision for it; {@code event} is null for markings given at registration. */
public record RecordedMarking(UUID id, Marking marking, MarkingDecision decision, Instant recordedAt, EventId event) {
}
