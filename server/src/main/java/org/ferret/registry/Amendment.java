package org.ferret.registry;

import java.time.LocalDate;

/**
 * What a correction changes in the event it corrects: its date, or a particular (the other country of an export or
 * import, the holder of a transfer, manufacture or import, place, reference, note). Fields left null stay as they
 * were; at least one must be given.
 */
public record Amendment(LocalDate occurredOn, CountryCode country, HolderId holder, String place, String reference,
        String note) implements NewEvent.Change {

    public Amendment {
        place = Text.optional("amend.place", place, 200);
        reference = Text.optional("amend.reference", reference, 100);
        note = Text.optional("amend.note", note, 2000);
        if (occurredOn == null && country == null && holder == null && place == null && reference == null && note == null) {
            throw new InvalidValueException("amend", "an amendment changes at least the date or one particular");
        }
    }

    public static Amendment date(LocalDate occurredOn) {
        return new Amendment(occurredOn, null, null, null, null, null);
    }

    public static Amendment country(CountryCode country) {
        return new Amendment(null, country, null, null, null, null);
    }

    public static Amendment holder(HolderId holder) {
        return new Amendment(null, null, holder, null, null, null);
    }
}
