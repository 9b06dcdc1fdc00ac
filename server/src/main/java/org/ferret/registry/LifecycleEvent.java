package org.ferret.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded event of an item's history: what happened ({@link #what()}, one of the {@link NewEvent} kinds) and
 * when and by whom it was recorded ({@code sequence} is the recording order). Never changed once recorded; a
 * correction is another event naming this one. The readers below the record components give a particular across
 * kinds for displays (null where the kind has none); rules match on {@link #what()}.
 */
public record LifecycleEvent(EventId id, ItemId item, int sequence, Instant recordedAt, String recordedBy,
        NewEvent what) {

    public LifecycleEvent {
        if (id == null || item == null || what == null || recordedAt == null) {
            throw new InvalidValueException("event", "id, item, what and recordedAt are required");
        }
    }

    /** The same recorded event, read as a correction says it really was. */
    public LifecycleEvent amendedBy(Amendment a) {
        return new LifecycleEvent(id, item, sequence, recordedAt, recordedBy, what.amendedBy(a));
    }

    public EventType type() {
        return what.type();
    }

    public LocalDate occurredOn() {
        return what.occurredOn();
    }

    public HolderId holder() {
        return switch (what) {
            case NewEvent.Manufacture m -> m.holder();
            case NewEvent.Import i -> i.holder();
            case NewEvent.Transfer t -> t.to();
            default -> null;
        };
    }

    public CountryCode country() {
        return switch (what) {
            case NewEvent.Import i -> i.from();
            case NewEvent.Export x -> x.to();
            case NewEvent.Transit t -> t.from();
            default -> null;
        };
    }

    /** The authorisation an import or a transit names (an import authorisation's number, a no-objection). */
    public String authorisation() {
        return switch (what) {
            case NewEvent.Import i -> i.authorisation();
            case NewEvent.Transit t -> t.authorisation();
            default -> null;
        };
    }

    /** The country a transit goes on to. */
    public CountryCode toCountry() {
        return what instanceof NewEvent.Transit t ? t.to() : null;
    }

    /** The day a transit left this state's territory, when known. */
    public LocalDate until() {
        return what instanceof NewEvent.Transit t ? t.until() : null;
    }

    public String place() {
        return what.particulars().place();
    }

    public String reference() {
        return what.particulars().reference();
    }

    public String note() {
        return what.particulars().note();
    }

    /** The other item of a component fitting or removal. */
    public ItemId relatedItem() {
        return switch (what) {
            case NewEvent.ComponentFitted f -> f.other();
            case NewEvent.ComponentRemoved r -> r.other();
            default -> null;
        };
    }

    public EventId corrects() {
        return what instanceof NewEvent.Correction c ? c.corrects() : null;
    }

    public String reason() {
        return what instanceof NewEvent.Correction c ? c.reason() : null;
    }

    /** What a correction changes: null for other events. */
    public Amendment amendment() {
        return what instanceof NewEvent.Correction c && c.change() instanceof Amendment a ? a : null;
    }

    /** True for a correction that withdraws the event it names. */
    public boolean withdraws() {
        return what instanceof NewEvent.Correction c && c.change() instanceof NewEvent.Withdrawal;
    }

    /** A deactivation's particulars, or those of the deactivation abroad of an item imported deactivated. */
    public Deactivation deactivation() {
        return switch (what) {
            case NewEvent.Deactivated d -> d.deactivation();
            case NewEvent.Import i -> i.deactivated();
            default -> null;
        };
    }

    public Destruction destruction() {
        return what instanceof NewEvent.Destroyed d ? d.destruction() : null;
    }
}
