package org.ferret.registry;

import java.time.LocalDate;

/**
 * A lifecycle event to append to an item's history. Which particulars are required depends on the type:
 * transfer of possession names the new holder, export and import the other country, deactivation and destruction
 * their particulars, and a correction the event it corrects and why.
 */
public record NewEvent(
        EventType type,
        LocalDate occurredOn,
        HolderId holder,
        CountryCode country,
        String place,
        String reference,
        String note,
        EventId corrects,
        String reason,
        Deactivation deactivation,
        Destruction destruction) {

    /**
     * No lifecycle event is dated before this (a typo such as 1019 for 2019 is refused); an older item's age is
     * its year of manufacture (from 1500), not an event.
     */
    public static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);

    public NewEvent {
        if (type == null) {
            throw new InvalidValueException("type", "must be given");
        }
        if (occurredOn == null) {
            throw new InvalidValueException("occurredOn", "must be given");
        }
        if (occurredOn.isAfter(LocalDate.now().plusDays(1))) {
            throw new InvalidValueException("occurredOn", "must not be in the future, was " + occurredOn);
        }
        if (occurredOn.isBefore(EARLIEST)) {
            throw new InvalidValueException("occurredOn", "must not be before " + EARLIEST + ", was " + occurredOn);
        }
        place = Text.optional("place", place, 200);
        reference = Text.optional("reference", reference, 100);
        note = Text.multiline("note", note, 2000);
        reason = Text.multiline("reason", reason, 2000);
        switch (type) {
            case TRANSFER_OF_POSSESSION -> require(holder != null, "holder", "a transfer of possession names the new holder");
            case EXPORT -> require(country != null, "country", "an export names the country of import");
            case IMPORT -> require(country != null, "country", "an import names the country of export");
            case DEACTIVATION -> require(deactivation != null, "deactivation",
                    "a deactivation needs its certificate number, standard applied and verifying authority (art. 9)");
            case DESTRUCTION -> require(destruction != null, "destruction",
                    "a destruction needs its method, witness and certificate number");
            case CORRECTION -> {
                require(corrects != null, "corrects", "a correction names the event it corrects");
                require(reason != null, "reason", "a correction states why");
            }
            default -> {
            }
        }
        if (type != EventType.DEACTIVATION && deactivation != null) {
            throw new InvalidValueException("deactivation", "only a DEACTIVATION event carries deactivation particulars");
        }
        if (type != EventType.DESTRUCTION && destruction != null) {
            throw new InvalidValueException("destruction", "only a DESTRUCTION event carries destruction particulars");
        }
        if (type != EventType.CORRECTION && corrects != null) {
            throw new InvalidValueException("corrects", "only a CORRECTION event names a corrected event");
        }
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidValueException(field, message);
        }
    }

    /** A simple event with no particulars beyond its date (e.g. theft reported, seizure). */
    public static NewEvent of(EventType type, LocalDate occurredOn) {
        return new NewEvent(type, occurredOn, null, null, null, null, null, null, null, null, null);
    }

    public static NewEvent transfer(LocalDate on, HolderId to) {
        return new NewEvent(EventType.TRANSFER_OF_POSSESSION, on, to, null, null, null, null, null, null, null, null);
    }

    public static NewEvent correction(LocalDate on, EventId corrects, String reason) {
        return new NewEvent(EventType.CORRECTION, on, null, null, null, null, null, corrects, reason, null, null);
    }

    public static NewEvent deactivation(LocalDate on, Deactivation d) {
        return new NewEvent(EventType.DEACTIVATION, on, null, null, null, null, null, null, null, d, null);
    }

    public static NewEvent destruction(LocalDate on, Destruction d) {
        return new NewEvent(EventType.DESTRUCTION, on, null, null, null, null, null, null, null, null, d);
    }

    public static NewEvent export(LocalDate on, CountryCode to) {
        return new NewEvent(EventType.EXPORT, on, null, to, null, null, null, null, null, null, null);
    }
}
