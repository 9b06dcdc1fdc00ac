package org.ferret.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * The Protocol's marking rules as small named policies. Each checks one marking and names its provision;
 * {@link #requirementFor} decides whether an item still needs a marking ("marking required" work list).
 */
public final class MarkingPolicies {

    public static final String ART_8_1_A = "Art. 8(1)(a)";
    public static final String ART_8_1_B = "Art. 8(1)(b)";
    public static final String ART_8_1_C = "Art. 8(1)(c)";
    public static final String ART_9_C = "Art. 9(c)";
    public static final String AUTHORITY = "Art. 8(1); ISACS 05.30 (marking by an authority)";

    private MarkingPolicies() {
    }

    /** Checks one marking against the rule for its kind. */
    public static MarkingDecision check(Marking marking) {
        return switch (marking.kind()) {
            case MANUFACTURE -> manufactureMarking(marking.elements());
            case IMPORT -> importMarking(marking.elements());
            case STATE_TRANSFER -> stateTransferMarking(marking.elements());
            case DEACTIVATION -> deactivationMarking(marking.elements());
            case AUTHORITY_APPLIED -> authorityMarking(marking.elements());
        };
    }

    /**
     * Art. 8(1)(a): at manufacture, the name of the manufacturer, the country or place of manufacture and the
     * serial number; or the alternative form of simple geometric symbols with a numeric/alphanumeric code.
     */
    public static MarkingDecision manufactureMarking(MarkingElements e) {
        if (e.geometricSymbols() != null && e.symbolCode() != null) {
            return new MarkingDecision.Compliant(ART_8_1_A, List.of());
        }
        List<String> missing = new ArrayList<>();
        if (e.manufacturer() == null) {
            missing.add("manufacture marking lacks the name of the manufacturer");
        }
        if (e.countryOrPlace() == null) {
            missing.add("manufacture marking lacks the country or place of manufacture");
        }
        if (e.serialNumber() == null) {
            missing.add("manufacture marking lacks the serial number");
        }
        if (missing.isEmpty()) {
            return new MarkingDecision.Compliant(ART_8_1_A, List.of());
        }
        if (e.geometricSymbols() != null || e.symbolCode() != null) {
            missing.add("the alternative geometric-symbol form needs both the symbols and the code");
        }
        return new MarkingDecision.NonCompliant(ART_8_1_A, missing, List.of());
    }

    /** Art. 8(1)(b): on import, the country of import and, where possible, the year of import. */
    public static MarkingDecision importMarking(MarkingElements e) {
        List<String> notes = e.importYear() == null
                ? List.of("import marking does not show the year of import (required where possible)")
                : List.of();
        if (e.importCountry() == null) {
            return new MarkingDecision.NonCompliant(ART_8_1_B,
                    List.of("import marking lacks the country of import"), notes);
        }
        return new MarkingDecision.Compliant(ART_8_1_B, notes);
    }

    /** Art. 8(1)(c): on transfer from state stocks to permanent civilian use, a marking identifying the transferring country. */
    public static MarkingDecision stateTransferMarking(MarkingElements e) {
        if (e.countryOrPlace() == null) {
            return new MarkingDecision.NonCompliant(ART_8_1_C,
                    List.of("state-transfer marking lacks the transferring country"), List.of());
        }
        return new MarkingDecision.Compliant(ART_8_1_C, List.of());
    }

    /** Art. 9(c): a clearly visible deactivation mark; its presence is what counts, no elements are prescribed. */
    public static MarkingDecision deactivationMarking(MarkingElements e) {
        return new MarkingDecision.Compliant(ART_9_C, List.of());
    }

    /** A unique marking applied by an authority to an unmarked item (e.g. on seizure): serial and country or place. */
    public static MarkingDecision authorityMarking(MarkingElements e) {
        List<String> missing = new ArrayList<>();
        if (e.serialNumber() == null) {
            missing.add("authority-applied marking lacks a serial number");
        }
        if (e.countryOrPlace() == null) {
            missing.add("authority-applied marking lacks the country or place of the marking authority");
        }
        return missing.isEmpty()
                ? new MarkingDecision.Compliant(AUTHORITY, List.of())
                : new MarkingDecision.NonCompliant(AUTHORITY, missing, List.of());
    }

    /**
     * Whether an item carries the markings the Protocol requires: firearms and essential components need a
     * compliant unique marking (manufacture, or authority-applied), and every marking recorded must satisfy its
     * own rule. Ammunition lots are recorded with whatever they carry: art. 8 marking duties cover firearms.
     */
    public static MarkingDecision requirementFor(ItemKind kind, List<Marking> markings) {
        return requirementFor(kind, markings, false);
    }

    /**
     * As {@link #requirementFor(ItemKind, List)}, and for an item whose history holds an import, art. 8(1)(b): an
     * import marking identifying the country of import (and, where possible, the year) is required as well.
     */
    public static MarkingDecision requirementFor(ItemKind kind, List<Marking> markings, boolean imported) {
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean identified = false;
        for (Marking m : markings) {
            MarkingDecision d = check(m);
            notes.addAll(d.notes());
            if (d instanceof MarkingDecision.NonCompliant nc) {
                nc.reasons().forEach(r -> reasons.add(r + " (" + nc.provision() + ")"));
            } else if (m.kind() == MarkingKind.MANUFACTURE || m.kind() == MarkingKind.AUTHORITY_APPLIED) {
                identified = true;
            }
        }
        if (kind.category() == ItemCategory.AMMUNITION_LOT) {
            notes.add("art. 8 marking duties apply to firearms and their parts; ammunition lot markings are recorded as given");
            return new MarkingDecision.Compliant(ART_8_1_A, notes);
        }
        if (!identified) {
            reasons.addFirst(markings.isEmpty()
                    ? "item carries no marking; a unique marking with manufacturer, country or place and serial number is required"
                    : "item carries no compliant unique marking (manufacture or authority-applied)");
        }
        boolean importMarked = markings.stream().anyMatch(m -> m.kind() == MarkingKind.IMPORT);
        boolean importMissing = imported && !importMarked;
        if (importMissing) {
            reasons.add("the item was imported and carries no import marking; an import marking identifying the "
                    + "country of import and, where possible, the year of import is required (" + ART_8_1_B + ")");
        }
        if (reasons.isEmpty()) {
            return new MarkingDecision.Compliant(ART_8_1_A, notes);
        }
        // when the import marking is all that is missing, that is the provision to act on
        return new MarkingDecision.NonCompliant(importMissing && reasons.size() == 1 ? ART_8_1_B : ART_8_1_A, reasons, notes);
    }
}
