package org.ferret.registry.ui;

import org.ferret.shared.FormErrors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferret.registry.Amendment;
import org.ferret.registry.Calibre;
import org.ferret.registry.Construction;
import org.ferret.registry.CountryCode;
import org.ferret.registry.Deactivation;
import org.ferret.registry.Destruction;
import org.ferret.registry.EventId;
import org.ferret.registry.EventType;
import org.ferret.registry.HolderId;
import org.ferret.registry.ItemAttributes;
import org.ferret.registry.ItemKind;
import org.ferret.registry.Marking;
import org.ferret.registry.MarkingElements;
import org.ferret.registry.MarkingKind;
import org.ferret.registry.MarkingMethod;
import org.ferret.registry.NewEvent;
import org.ferret.registry.NewItem;
import org.ferret.registry.Particulars;
import org.ferret.registry.SerialNumber;

/**
 * Turns the text of the item forms into the registry's value types, collecting every problem against the form
 * field it belongs to (rather than stopping at the first), so the page can show them all next to their fields.
 */
final class ItemForms {

    static final int MARKING_ROWS = 2;

    private ItemForms() {
    }

    // ---- labels (also the set of fields a message can be attached to) --------------------------

    static Map<String, String> itemLabels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("kind", "Kind of item");
        l.put("manufacturer", "Manufacturer");
        l.put("model", "Model");
        l.put("calibre", "Calibre");
        l.put("countryOfManufacture", "Country of manufacture");
        l.put("yearOfManufacture", "Year of manufacture");
        l.put("construction", "Construction");
        l.put("quantity", "Quantity (rounds)");
        l.put("externalRef", "External reference");
        l.put("initialEventType", "How it came on record");
        l.put("initialEventOn", "On (date)");
        l.put("initialEventCountry", "Other country");
        l.put("initialEventPlace", "Place");
        l.put("initialEventReference", "Reference");
        for (int i = 0; i < MARKING_ROWS; i++) {
            l.putAll(markingLabels("markings[" + i + "].", i == 0 ? "Marking 1" : "Marking " + (i + 1)));
        }
        return l;
    }

    static Map<String, String> markingLabels(String prefix, String title) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(prefix + "kind", title + " – kind");
        l.put(prefix + "manufacturer", title + " – manufacturer");
        l.put(prefix + "countryOrPlace", title + " – country or place");
        l.put(prefix + "serialNumber", title + " – serial number");
        l.put(prefix + "year", title + " – year");
        l.put(prefix + "importCountry", title + " – import country");
        l.put(prefix + "importYear", title + " – import year");
        l.put(prefix + "model", title + " – model");
        l.put(prefix + "calibre", title + " – calibre");
        l.put(prefix + "geometricSymbols", title + " – geometric symbols");
        l.put(prefix + "symbolCode", title + " – symbol code");
        l.put(prefix + "location", title + " – location on the item");
        l.put(prefix + "method", title + " – how applied");
        return l;
    }

    static Map<String, String> eventLabels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("type", "Event");
        l.put("occurredOn", "Date it happened");
        l.put("place", "Place");
        l.put("reference", "Reference (case, permit or document number)");
        l.put("note", "Note");
        l.put("standardFacts", "Facts for this state's standard");
        l.put("country", "Other country");
        l.put("holder", "New holder (licence number or holder id)");
        l.put("corrects", "Event corrected");
        l.put("reason", "Reason for the correction");
        l.put("correction", "What the correction does");
        l.put("amendOccurredOn", "Right date");
        l.put("amendCountry", "Right country");
        l.put("amendHolder", "Right holder");
        l.put("deactivationCertificate", "Certificate number");
        l.put("deactivationStandard", "Standard applied");
        l.put("deactivationAuthority", "Verifying authority");
        l.put("deactivationMark", "Deactivation mark");
        l.put("destructionMethod", "Method");
        l.put("destructionWitness", "Witness");
        l.put("destructionCertificate", "Certificate number");
        l.put("authorisation", "Authorisation");
        l.put("toCountry", "Going on to");
        l.put("until", "Left on");
        return l;
    }

    static Map<String, String> addMarkingLabels() {
        Map<String, String> l = markingLabels("marking.", "Marking");
        l.put("markedOn", "Marked on");
        return l;
    }

    static Map<String, String> fitLabels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("component", "Component (serial number or item id)");
        l.put("fittedOn", "Fitted on");
        l.put("fitNote", "Note");
        return l;
    }

    // ---- conversions ---------------------------------------------------------------------------

    /** The item to register, or null when {@code errors} received at least one problem. */
    static NewItem newItem(ItemForm f, FormErrors errors) {
        ItemKind kind = enumValue(ItemKind.class, "kind", f.getKind(), true, errors);
        Calibre calibre = errors.capture("calibre", () -> Calibre.ofNullable(f.getCalibre()));
        CountryCode country = errors.capture("countryOfManufacture", () -> CountryCode.ofNullable(f.getCountryOfManufacture()));
        Integer year = integer("yearOfManufacture", f.getYearOfManufacture(), errors);
        Construction construction = enumValue(Construction.class, "construction", f.getConstruction(), false, errors);
        Integer quantity = integer("quantity", f.getQuantity(), errors);
        ItemAttributes attributes = null;
        try {
            attributes = new ItemAttributes(f.getManufacturer(), f.getModel(), calibre, country, year, construction,
                    quantity);
        } catch (org.ferret.shared.FerretException e) {
            errors.add(e, "", Map.of());
        }
        List<Marking> markings = new ArrayList<>();
        for (int i = 0; i < f.getMarkings().size() && i < MARKING_ROWS; i++) {
            MarkingForm m = f.getMarkings().get(i);
            if (m == null || m.blank()) {
                continue;
            }
            Marking marking = marking(m, "markings[" + i + "].", errors);
            if (marking != null) {
                markings.add(marking);
            }
        }
        NewEvent initial = null;
        if (f.getInitialEventType() != null && !f.getInitialEventType().isBlank()) {
            EventType type = enumValue(EventType.class, "initialEventType", f.getInitialEventType(), true, errors);
            LocalDate on = date("initialEventOn", f.getInitialEventOn(), true, errors);
            CountryCode other = errors.capture("initialEventCountry", () -> CountryCode.ofNullable(f.getInitialEventCountry()));
            if (type != null && on != null) {
                try {
                    initial = NewEvent.of(type, on, new NewEvent.Fields(null, other,
                            new Particulars(f.getInitialEventPlace(), f.getInitialEventReference(), null),
                            null, null, null, null, null));
                } catch (org.ferret.shared.FerretException e) {
                    errors.add(e, "", Map.of("type", "initialEventType", "occurredOn", "initialEventOn",
                            "country", "initialEventCountry", "place", "initialEventPlace",
                            "reference", "initialEventReference"));
                }
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return new NewItem(kind, attributes, markings, f.getExternalRef(), initial);
        } catch (org.ferret.shared.FerretException e) {
            errors.add(e, "", Map.of("initialEvent.type", "initialEventType"));
            return null;
        }
    }

    /** One marking, or null with problems recorded under {@code prefix}. */
    static Marking marking(MarkingForm m, String prefix, FormErrors errors) {
        int before = errors.count();
        MarkingKind kind = enumValue(MarkingKind.class, prefix + "kind", m.getKind(), true, errors);
        SerialNumber serial = errors.capture(prefix + "serialNumber",
                () -> blank(m.getSerialNumber()) ? null : SerialNumber.of(m.getSerialNumber()));
        Integer year = integer(prefix + "year", m.getYear(), errors);
        CountryCode importCountry = errors.capture(prefix + "importCountry", () -> CountryCode.ofNullable(m.getImportCountry()));
        Integer importYear = integer(prefix + "importYear", m.getImportYear(), errors);
        Calibre calibre = errors.capture(prefix + "calibre", () -> Calibre.ofNullable(m.getCalibre()));
        MarkingMethod method = enumValue(MarkingMethod.class, prefix + "method", m.getMethod(), false, errors);
        MarkingElements elements = null;
        try {
            elements = new MarkingElements(m.getManufacturer(), m.getCountryOrPlace(), serial, year, importCountry,
                    importYear, m.getModel(), calibre, m.getGeometricSymbols(), m.getSymbolCode());
        } catch (org.ferret.shared.FerretException e) {
            errors.add(e, prefix, Map.of());
        }
        if (errors.count() > before || kind == null || elements == null) {
            return null;
        }
        try {
            return new Marking(kind, elements, m.getLocation(), method);
        } catch (org.ferret.shared.FerretException e) {
            errors.add(e, prefix, Map.of());
            return null;
        }
    }

    /**
     * The facts for this state's standard given with an import ("name = value", separated by semicolons or lines), in
     * the order given; a part that is not of that shape is refused naming it.
     */
    static Map<String, Object> standardFacts(EventForm f, FormErrors errors) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (blank(f.getStandardFacts())) {
            return facts;
        }
        int n = 0;
        for (String part : f.getStandardFacts().split("[;\\n]")) {
            n++;
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0 || part.substring(eq + 1).isBlank()) {
                errors.add("standardFacts", "part " + n + " (\u201c" + part.strip() + "\u201d): expected name = value, "
                        + "e.g. pin_diameter = 5.5");
                continue;
            }
            facts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return facts;
    }

    /** The event to record, or null with the problems recorded. */
    static NewEvent newEvent(EventForm f, FormErrors errors, java.util.function.Function<String, HolderId> holders) {
        EventType type = enumValue(EventType.class, "type", f.getType(), true, errors);
        LocalDate on = date("occurredOn", f.getOccurredOn(), true, errors);
        CountryCode country = errors.capture("country", () -> CountryCode.ofNullable(f.getCountry()));
        boolean transit = type == EventType.TRANSIT;
        CountryCode toCountry = !transit ? null : errors.capture("toCountry", () -> CountryCode.ofNullable(f.getToCountry()));
        LocalDate until = !transit ? null : date("until", f.getUntil(), false, errors);
        String authorisation = type == EventType.IMPORT || transit ? f.getAuthorisation() : null;
        HolderId holder = errors.capture("holder", () -> blank(f.getHolder()) || transit ? null : holders.apply(f.getHolder().strip()));
        EventId corrects = errors.capture("corrects", () -> blank(f.getCorrects()) ? null : EventId.parse(f.getCorrects()));
        Deactivation deactivation = null;
        Destruction destruction = null;
        Map<String, String> aliases = Map.of(
                "deactivation.certificateNumber", "deactivationCertificate",
                "deactivation.standardApplied", "deactivationStandard",
                "deactivation.verifyingAuthority", "deactivationAuthority",
                "deactivation.deactivationMark", "deactivationMark",
                "destruction.method", "destructionMethod",
                "destruction.witness", "destructionWitness",
                "destruction.certificateNumber", "destructionCertificate",
                "amend", "amendOccurredOn");
        boolean deactivatedAbroad = type == EventType.IMPORT && !(blank(f.getDeactivationCertificate())
                && blank(f.getDeactivationStandard()) && blank(f.getDeactivationAuthority()) && blank(f.getDeactivationMark()));
        if (type == EventType.DEACTIVATION || deactivatedAbroad) {
            // collect all missing particulars at once rather than the first the record's constructor finds
            requireText("deactivationCertificate", f.getDeactivationCertificate(), errors);
            requireText("deactivationStandard", f.getDeactivationStandard(), errors);
            requireText("deactivationAuthority", f.getDeactivationAuthority(), errors);
            if (errors.isEmpty()) {
                try {
                    deactivation = new Deactivation(f.getDeactivationCertificate(), f.getDeactivationStandard(),
                            f.getDeactivationAuthority(), f.getDeactivationMark());
                } catch (org.ferret.shared.FerretException e) {
                    errors.add(e, "", aliases);
                }
            }
        }
        if (type == EventType.DESTRUCTION) {
            requireText("destructionMethod", f.getDestructionMethod(), errors);
            requireText("destructionWitness", f.getDestructionWitness(), errors);
            requireText("destructionCertificate", f.getDestructionCertificate(), errors);
            if (errors.isEmpty()) {
                try {
                    destruction = new Destruction(f.getDestructionMethod(), f.getDestructionWitness(),
                            f.getDestructionCertificate());
                } catch (org.ferret.shared.FerretException e) {
                    errors.add(e, "", aliases);
                }
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            Particulars particulars = new Particulars(f.getPlace(), f.getReference(), f.getNote());
            if (type == EventType.CORRECTION) {
                Amendment amendment = amendment(f, errors, holders);
                if (!errors.isEmpty()) {
                    return null;
                }
                return NewEvent.of(type, on, new NewEvent.Fields(null, null, particulars, corrects, f.getReason(),
                        amendment, null, null));
            }
            return NewEvent.of(type, on, new NewEvent.Fields(holder, country, particulars, null, null, null,
                    deactivation, destruction, new NewEvent.Transfers(authorisation, toCountry, until)));
        } catch (org.ferret.shared.FerretException e) {
            errors.add(e, "", aliases);
            return null;
        }
    }

    /** What a correction changes, or null when it withdraws the event (the form's "what is wrong" choice). */
    private static Amendment amendment(EventForm f, FormErrors errors, java.util.function.Function<String, HolderId> holders) {
        if (!"AMEND".equals(f.getCorrection())) {
            return null;
        }
        LocalDate on = date("amendOccurredOn", f.getAmendOccurredOn(), false, errors);
        CountryCode country = errors.capture("amendCountry", () -> CountryCode.ofNullable(f.getAmendCountry()));
        HolderId holder = errors.capture("amendHolder",
                () -> blank(f.getAmendHolder()) ? null : holders.apply(f.getAmendHolder().strip()));
        if (!errors.isEmpty()) {
            return null;
        }
        if (on == null && country == null && holder == null) {
            errors.add("amendOccurredOn", "give the right date, country or holder (or choose to withdraw the event)");
            return null;
        }
        return new Amendment(on, country, holder, null, null, null);
    }

    // ---- small parsers -------------------------------------------------------------------------

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void requireText(String field, String value, FormErrors errors) {
        if (blank(value)) {
            errors.add(field, "must be given");
        }
    }

    static Integer integer(String field, String text, FormErrors errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "'" + text.strip() + "' is not a whole number");
            return null;
        }
    }

    static LocalDate date(String field, String text, boolean required, FormErrors errors) {
        return errors.date(field, text, required);
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String field, String text, boolean required,
            FormErrors errors) {
        if (blank(text)) {
            if (required) {
                errors.add(field, "choose one");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, "'" + text + "' is not one of the choices");
            return null;
        }
    }
}
