package org.ferret.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded event of an item's history, in the order given by {@code sequence}. Never changed once
 * recorded; {@code relatedItem} is the other side of a component fitting or removal.
 */
public record LifecycleEvent(
        EventId id,
        ItemId item,
        int sequence,
        EventType type,
        LocalDate occurredOn,
        Instant recordedAt,
        String recordedBy,
        HolderId holder,
        CountryCode country,
        String place,
        String reference,
        String note,
        ItemId relatedItem,
        EventId corrects,
        String reason,
        Deactivation deactivation,
        Destruction destruction) {

    public LifecycleEvent {
        if (id == null || item == null || type == null || occurredOn == null || recordedAt == null) {
            throw new InvalidValueException("event", "id, item, type, occurredOn and recordedAt are required");
        }
    }

    /** The stored form of a new event. */
    public static LifecycleEvent from(NewEvent e, EventId id, ItemId item, int sequence, Instant recordedAt,
            String recordedBy, ItemId relatedItem) {
        return new LifecycleEvent(id, item, sequence, e.type(), e.occurredOn(), recordedAt, recordedBy, e.holder(),
                e.country(), e.place(), e.reference(), e.note(), relatedItem, e.corrects(), e.reason(),
                e.deactivation(), e.destruction());
    }
}
