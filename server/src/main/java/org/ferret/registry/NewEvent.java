package org.ferret.registry;

import java.time.LocalDate;

/**
 * What happened to an item, as one record per kind of event with exactly the particulars that kind has: an export
 * carries the country of import, a transfer the new holder, a deactivation its certificate, a correction the event
 * it corrects and what changes (in the manner of ddd-by-examples/library's event families). Dates are checked
 * against the registry's clock when the event is recorded, not here.
 */
public sealed interface NewEvent {

    /**
     * No lifecycle event is dated before this (a typo such as 1019 for 2019 is refused); an older item's age is
     * its year of manufacture (from 1500), not an event.
     */
    LocalDate EARLIEST = LocalDate.of(1800, 1, 1);

    /** The day it happened (for a correction: the day the correction was made). */
    LocalDate occurredOn();

    /** Place, reference and note; every kind may have them. */
    Particulars particulars();

    EventType type();

    /** This event as a correction says it really was; refused in words when the kind has no such particular. */
    NewEvent amendedBy(Amendment a);

    /** Manufacture (art. 7: the manufacturer may be named as the first holder). */
    record Manufacture(LocalDate occurredOn, HolderId holder, Particulars particulars) implements NewEvent {
        public Manufacture {
            occurredOn = date(occurredOn);
            particulars = Particulars.orNone(particulars);
        }

        public EventType type() {
            return EventType.MANUFACTURE;
        }

        public NewEvent amendedBy(Amendment a) {
            noCountry(a, "a manufacture");
            return new Manufacture(or(a.occurredOn(), occurredOn), or(a.holder(), holder), particulars.amendedBy(a));
        }
    }

    /**
     * Import from another country, optionally naming the importer as holder and the import authorisation this state
     * issued for it (art. 10; checked and drawn down by the transfer control, {@link ImportControl}). An item
     * deactivated abroad carries that deactivation's particulars ({@code deactivated}: its certificate, the standard
     * it was deactivated to, the authority that verified it, its mark); the item is then deactivated here once
     * {@link ImportedItemControl} lets the import stand (UN paper para 46).
     */
    record Import(LocalDate occurredOn, CountryCode from, HolderId holder, String authorisation, Deactivation deactivated,
            Particulars particulars) implements NewEvent {
        public Import {
            occurredOn = date(occurredOn);
            require(from != null, "country", "an import names the country of export");
            authorisation = Text.optional("authorisation", authorisation, 40);
            particulars = Particulars.orNone(particulars);
        }

        /** An import of an item that was not deactivated abroad. */
        public Import(LocalDate occurredOn, CountryCode from, HolderId holder, String authorisation, Particulars particulars) {
            this(occurredOn, from, holder, authorisation, null, particulars);
        }

        /** An import naming no import authorisation (e.g. one recorded before Ferret). */
        public Import(LocalDate occurredOn, CountryCode from, HolderId holder, Particulars particulars) {
            this(occurredOn, from, holder, null, null, particulars);
        }

        public EventType type() {
            return EventType.IMPORT;
        }

        /** A correction amends neither the deactivation abroad nor the authorisation: they were checked when recorded. */
        public NewEvent amendedBy(Amendment a) {
            return new Import(or(a.occurredOn(), occurredOn), or(a.country(), from), or(a.holder(), holder),
                    authorisation, deactivated, particulars.amendedBy(a));
        }
    }

    /**
     * The item passed through this state's territory from one country to another (art. 10(2)(b)): it names the
     * written no-objection or transit authorisation it went under, and the day it left when known. The holder does
     * not change; a correction may amend the date and the country it came from.
     */
    record Transit(LocalDate occurredOn, CountryCode from, CountryCode to, String authorisation, LocalDate until,
            Particulars particulars) implements NewEvent {
        public Transit {
            occurredOn = date(occurredOn);
            require(from != null, "country", "a transit names the country the item came from");
            require(to != null, "toCountry", "a transit names the country the item goes on to");
            require(!from.equals(to), "toCountry", "a transit goes on to another country than the one it came from ("
                    + from.value() + ")");
            authorisation = Text.optional("authorisation", authorisation, 100);
            require(authorisation != null, "authorisation",
                    "a transit names the no-objection or transit authorisation it went under (art. 10(2)(b))");
            require(until == null || !until.isBefore(occurredOn), "until",
                    "the day the item left must not be before the day it entered (" + occurredOn + ")");
            particulars = Particulars.orNone(particulars);
        }

        public EventType type() {
            return EventType.TRANSIT;
        }

        public NewEvent amendedBy(Amendment a) {
            noHolder(a, "a transit");
            LocalDate on = or(a.occurredOn(), occurredOn);
            return new Transit(on, or(a.country(), from), to, authorisation, until, particulars.amendedBy(a));
        }
    }

    /** Export to another country (art. 10). */
    record Export(LocalDate occurredOn, CountryCode to, Particulars particulars) implements NewEvent {
        public Export {
            occurredOn = date(occurredOn);
            require(to != null, "country", "an export names the country of import");
            particulars = Particulars.orNone(particulars);
        }

        public EventType type() {
            return EventType.EXPORT;
        }

        public NewEvent amendedBy(Amendment a) {
            noHolder(a, "an export");
            return new Export(or(a.occurredOn(), occurredOn), or(a.country(), to), particulars.amendedBy(a));
        }
    }

    /** Transfer of possession to a registered holder. */
    record Transfer(LocalDate occurredOn, HolderId to, Particulars particulars) implements NewEvent {
        public Transfer {
            occurredOn = date(occurredOn);
            require(to != null, "holder", "a transfer of possession names the new holder");
            particulars = Particulars.orNone(particulars);
        }

        public EventType type() {
            return EventType.TRANSFER_OF_POSSESSION;
        }

        public NewEvent amendedBy(Amendment a) {
            noCountry(a, "a transfer of possession");
            return new Transfer(or(a.occurredOn(), occurredOn), or(a.holder(), to), particulars.amendedBy(a));
        }
    }

    record LossReported(LocalDate occurredOn, Particulars particulars) implements NewEvent {
        public LossReported {
            occurredOn = date(occurredOn);
            particulars = Particulars.orNone(particulars);
        }

        public EventType type() {
            return EventType.LOSS_REPORTED;
        }

        public NewEvent amendedBy(Amendment a) {
            plain(a, "a loss report");
            return new LossReported(or(a.occurredOn(), occurredOn), particulars.amendedBy(a));
        }
    }

    record TheftReported(LocalDate occurredOn, Particulars particulars) implements NewEvent {
        public TheftReported {
            occurredOn = date(occurredOn);
            particulars = Particulars.orNone(particulars);
        }

        public EventType type() {
            return EventType.THEFT_REPORTED;
        }

        public NewEvent amendedBy(Amendment a) {
            plain(a, "a theft report");
            return new TheftReported(or(a.occurredOn(), occurredOn), particulars.amendedBy(a));
        }
    }

    record Recovery(LocalDate occurredOn, Particulars particulars) implements NewEvent {
        public Recovery {
            occurredOn = date(occurredOn);
            particulars = Particulars.orNone(particulars);
        }

        public EventType type() {
            return EventType.RECOVERY;
        }

        public NewEvent amendedBy(Amendment a) {
            plain(a, "a recovery");
            return new Recovery(or(a.occurredOn(), occurredOn), particulars.amendedBy(a));
        }
    }

    record Seizure(LocalDate occurredOn, Particulars particulars) implements NewEvent {
        public Seizure {
            occurredOn = date(occurredOn);
            particulars = Particulars.orNone(particulars);
        }

        public EventType type() {
            return EventType.SEIZURE;
        }

        public NewEvent amendedBy(Amendment a) {
            plain(a, "a seizure");
            return new Seizure(or(a.occurredOn(), occurredOn), particulars.amendedBy(a));
        }
    }

    record Surrender(LocalDate occurredOn, Particulars particulars) implements NewEvent {
        public Surrender {
            occurredOn = date(occurredOn);
            particulars = Particulars.orNone(particulars);
        }

        public EventType type() {
            return EventType.SURRENDER;
        }

        public NewEvent amendedBy(Amendment a) {
            plain(a, "a surrender");
            return new Surrender(or(a.occurredOn(), occurredOn), particulars.amendedBy(a));
        }
    }

    /** A marking applied after registration (recorded by {@link Registry#addMarking}). */
    record Marked(LocalDate occurredOn, Particulars particulars) implements NewEvent {
        public Marked {
            occurredOn = date(occurredOn);
            particulars = Particulars.orNone(particulars);
        }

        public EventType type() {
            return EventType.MARKING;
        }

        public NewEvent amendedBy(Amendment a) {
            plain(a, "a marking");
            return new Marked(or(a.occurredOn(), occurredOn), particulars.amendedBy(a));
        }
    }

    /** A component fitted: on the firearm's history {@code other} is the component, on the component's the firearm. */
    record ComponentFitted(LocalDate occurredOn, ItemId other, Particulars particulars) implements NewEvent {
        public ComponentFitted {
            occurredOn = date(occurredOn);
            particulars = Particulars.orNone(particulars);
        }

        public EventType type() {
            return EventType.COMPONENT_FITTED;
        }

        public NewEvent amendedBy(Amendment a) {
            throw componentEvent();
        }
    }

    /** A component removed; {@code other} as for {@link ComponentFitted}. */
    record ComponentRemoved(LocalDate occurredOn, ItemId other, Particulars particulars) implements NewEvent {
        public ComponentRemoved {
            occurredOn = date(occurredOn);
            particulars = Particulars.orNone(particulars);
        }

        public EventType type() {
            return EventType.COMPONENT_REMOVED;
        }

        public NewEvent amendedBy(Amendment a) {
            throw componentEvent();
        }
    }

    /** Deactivation with its certificate, standard and verifying authority (art. 9). */
    record Deactivated(LocalDate occurredOn, Deactivation deactivation, Particulars particulars) implements NewEvent {
        public Deactivated {
            occurredOn = date(occurredOn);
            require(deactivation != null, "deactivation",
                    "a deactivation needs its certificate number, standard applied and verifying authority (art. 9)");
            particulars = Particulars.orNone(particulars);
        }

        public EventType type() {
            return EventType.DEACTIVATION;
        }

        public NewEvent amendedBy(Amendment a) {
            plain(a, "a deactivation");
            return new Deactivated(or(a.occurredOn(), occurredOn), deactivation, particulars.amendedBy(a));
        }
    }

    /** Destruction with its method, witness and certificate. */
    record Destroyed(LocalDate occurredOn, Destruction destruction, Particulars particulars) implements NewEvent {
        public Destroyed {
            occurredOn = date(occurredOn);
            require(destruction != null, "destruction", "a destruction needs its method, witness and certificate number");
            particulars = Particulars.orNone(particulars);
        }

        public EventType type() {
            return EventType.DESTRUCTION;
        }

        public NewEvent amendedBy(Amendment a) {
            plain(a, "a destruction");
            return new Destroyed(or(a.occurredOn(), occurredOn), destruction, particulars.amendedBy(a));
        }
    }

    /**
     * A correction of an earlier event of the same item: it withdraws that event or amends it. The corrected event
     * stays in the history as recorded; the derived state reads it as corrected.
     */
    record Correction(LocalDate occurredOn, EventId corrects, String reason, Change change, Particulars particulars)
            implements NewEvent {
        public Correction {
            occurredOn = date(occurredOn);
            require(corrects != null, "corrects", "a correction names the event it corrects");
            reason = Text.multiline("reason", reason, 2000);
            require(reason != null, "reason", "a correction states why");
            change = change == null ? Withdrawal.INSTANCE : change;
            particulars = Particulars.orNone(particulars);
        }

        public static Correction withdrawing(LocalDate on, EventId corrects, String reason) {
            return new Correction(on, corrects, reason, Withdrawal.INSTANCE, Particulars.NONE);
        }

        public static Correction amending(LocalDate on, EventId corrects, String reason, Amendment amendment) {
            return new Correction(on, corrects, reason, amendment, Particulars.NONE);
        }

        public EventType type() {
            return EventType.CORRECTION;
        }

        public NewEvent amendedBy(Amendment a) {
            throw new IllegalTransitionException("A correction cannot itself be corrected; record the right correction instead.");
        }
    }

    /** What a correction does to the event it names. */
    sealed interface Change permits Withdrawal, Amendment {
    }

    /** The corrected event did not happen (e.g. recorded on the wrong item): it no longer counts. */
    record Withdrawal() implements Change {
        public static final Withdrawal INSTANCE = new Withdrawal();
    }

    // ---- building from the fields of a form or request ---------------------------------------------------

    /** The optional fields a form or request may give besides type and date. */
    record Fields(HolderId holder, CountryCode country, Particulars particulars, EventId corrects, String reason,
            Amendment amendment, Deactivation deactivation, Destruction destruction, Transfers transfers) {

        public Fields(HolderId holder, CountryCode country, Particulars particulars, EventId corrects, String reason,
                Amendment amendment, Deactivation deactivation, Destruction destruction) {
            this(holder, country, particulars, corrects, reason, amendment, deactivation, destruction, null);
        }
    }

    /**
     * The transfer-control particulars of an import or transit: the authorisation it names (an import authorisation's
     * number, a transit's no-objection), and for a transit the country it goes on to and the day it left.
     */
    record Transfers(String authorisation, CountryCode toCountry, LocalDate until) {
        public static final Transfers NONE = new Transfers(null, null, null);

        public static Transfers orNone(Transfers t) {
            return t == null ? NONE : t;
        }

        boolean isEmpty() {
            return authorisation == null && toCountry == null && until == null;
        }
    }

    /**
     * The event of this type from a form's or request's fields; refused naming the field when one the type needs
     * is missing or one it cannot have is given.
     */
    static NewEvent of(EventType type, LocalDate on, Fields f) {
        require(type != null, "type", "must be given");
        if (type != EventType.DEACTIVATION && type != EventType.IMPORT && f.deactivation() != null) {
            throw new InvalidValueException("deactivation", "only a deactivation, or the import of an item deactivated "
                    + "abroad, carries deactivation particulars");
        }
        if (type != EventType.DESTRUCTION && f.destruction() != null) {
            throw new InvalidValueException("destruction", "only a destruction carries destruction particulars");
        }
        if (type != EventType.CORRECTION && (f.corrects() != null || f.amendment() != null)) {
            throw new InvalidValueException(f.corrects() != null ? "corrects" : "amend",
                    "only a correction names a corrected event and what changes");
        }
        Transfers t = Transfers.orNone(f.transfers());
        if (type != EventType.TRANSIT && (t.toCountry() != null || t.until() != null)) {
            throw new InvalidValueException(t.toCountry() != null ? "toCountry" : "until",
                    "only a transit names the country it goes on to and the day it left");
        }
        if (type != EventType.TRANSIT && type != EventType.IMPORT && t.authorisation() != null) {
            throw new InvalidValueException("authorisation", "only an import or a transit names an authorisation");
        }
        if (type == EventType.TRANSIT && f.holder() != null) {
            throw new InvalidValueException("holder", "a transit does not change the holder");
        }
        Particulars p = Particulars.orNone(f.particulars());
        return switch (type) {
            case MANUFACTURE -> new Manufacture(on, f.holder(), p);
            case IMPORT -> new Import(on, f.country(), f.holder(), t.authorisation(), f.deactivation(), p);
            case TRANSIT -> new Transit(on, f.country(), t.toCountry(), t.authorisation(), t.until(), p);
            case EXPORT -> new Export(on, f.country(), p);
            case TRANSFER_OF_POSSESSION -> new Transfer(on, f.holder(), p);
            case LOSS_REPORTED -> new LossReported(on, p);
            case THEFT_REPORTED -> new TheftReported(on, p);
            case RECOVERY -> new Recovery(on, p);
            case SEIZURE -> new Seizure(on, p);
            case SURRENDER -> new Surrender(on, p);
            case MARKING -> new Marked(on, p);
            case COMPONENT_FITTED -> new ComponentFitted(on, null, p);
            case COMPONENT_REMOVED -> new ComponentRemoved(on, null, p);
            case DEACTIVATION -> new Deactivated(on, f.deactivation(), p);
            case DESTRUCTION -> new Destroyed(on, f.destruction(), p);
            case CORRECTION -> new Correction(on, f.corrects(), f.reason(),
                    f.amendment() == null ? Withdrawal.INSTANCE : f.amendment(), p);
        };
    }

    /** An event with no particulars beyond its date (e.g. theft reported, seizure). */
    static NewEvent simple(EventType type, LocalDate on) {
        return of(type, on, new Fields(null, null, null, null, null, null, null, null));
    }

    private static LocalDate date(LocalDate d) {
        require(d != null, "occurredOn", "must be given");
        require(!d.isBefore(EARLIEST), "occurredOn", "must not be before " + EARLIEST + ", was " + d);
        return d;
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidValueException(field, message);
        }
    }

    private static <T> T or(T amended, T was) {
        return amended != null ? amended : was;
    }

    private static void noCountry(Amendment a, String what) {
        if (a.country() != null) {
            throw new IllegalTransitionException("The correction cannot amend a country: " + what + " has none.");
        }
    }

    private static void noHolder(Amendment a, String what) {
        if (a.holder() != null) {
            throw new IllegalTransitionException("The correction cannot amend a holder: " + what + " names none.");
        }
    }

    private static void plain(Amendment a, String what) {
        noCountry(a, what);
        noHolder(a, what);
    }

    private static IllegalTransitionException componentEvent() {
        // the firearm's and the component's histories each hold one side; record the fitting or removal instead
        return new IllegalTransitionException("A fitting or removal of a component cannot be corrected; "
                + "record the fitting or removal that really happened.");
    }
}
