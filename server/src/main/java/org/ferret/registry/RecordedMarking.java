package org.ferret.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * A marking as recorded on an item, with the art. 8 decision for it; {@code event} is null for markings given at
 * registration. {@code retracted} markings were withdrawn by a correction of their MARKING event: they stay in the
 * record but no longer count for the marking requirement or serial lookup.
 */
public record RecordedMarking(UUID id, Marking marking, MarkingDecision decision, Instant recordedAt, EventId event,
        boolean retracted) {

    public RecordedMarking(UUID id, Marking marking, MarkingDecision decision, Instant recordedAt, EventId event) {
        this(id, marking, decision, recordedAt, event, false);
    }

    RecordedMarking withRetracted(boolean value) {
        return new RecordedMarking(id, marking, decision, recordedAt, event, value);
    }
}
