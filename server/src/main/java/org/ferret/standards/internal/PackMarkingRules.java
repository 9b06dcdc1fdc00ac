package org.ferret.standards.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ferret.registry.ItemKind;
import org.ferret.registry.Marking;
import org.ferret.registry.MarkingDecision;
import org.ferret.registry.MarkingElements;
import org.ferret.registry.MarkingKind;
import org.ferret.registry.MarkingRules;
import org.ferret.standards.Condition;
import org.ferret.standards.Decision;
import org.ferret.standards.FactType;
import org.ferret.standards.Purpose;
import org.ferret.standards.StandardPack;
import org.ferret.standards.StandardPacks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The registry's {@link MarkingRules}, evaluated from the marking pack {@value #PACK} (its latest loaded version): the
 * rules are written once, as that pack's requirements, and this class only derives their facts from what the registry
 * records. A requirement with {@code applies_to.markings} is checked on each marking of those kinds, from what the
 * marking says ({@link #MARKING_FACTS}); the others are about the item ({@link #ITEM_FACTS}). A requirement that reads
 * a fact the registry does not record, names firearm types, or is decided by a person is left to assessments.
 * <p>
 * The conditions are parsed once, when the pack is read; a check builds one small map of facts per marking and per
 * item and walks the condition trees (the registry's import calls it for every row).
 */
@Component
class PackMarkingRules implements MarkingRules {

    /** The pack the registry's marking rules come from. */
    static final String PACK = "un-protocol-art-8";

    /** Facts of one marking, derived from its elements. */
    static final Map<String, FactType> MARKING_FACTS = Map.of("manufacturer_marked", FactType.BOOLEAN,
            "country_marked", FactType.BOOLEAN, "serial_marked", FactType.BOOLEAN,
            "geometric_symbols_marked", FactType.BOOLEAN, "symbol_code_marked", FactType.BOOLEAN,
            "import_country_marked", FactType.BOOLEAN, "import_year_marked", FactType.BOOLEAN,
            "transferring_country_marked", FactType.BOOLEAN, "authority_place_marked", FactType.BOOLEAN,
            "deactivation_mark_visible", FactType.BOOLEAN);

    /** Facts of the item, derived from its kind, its markings (checked first) and its history. */
    static final Map<String, FactType> ITEM_FACTS = Map.of("item_category", FactType.CHOICE, "markings", FactType.COUNT,
            "noncompliant_markings", FactType.COUNT, "compliant_manufacture_markings", FactType.COUNT,
            "compliant_authority_markings", FactType.COUNT, "imported", FactType.BOOLEAN, "import_marked", FactType.BOOLEAN);

    /** {@code item_category} as the pack spells it, spelled once. */
    private static final Map<org.ferret.registry.ItemCategory, String> CATEGORY = java.util.Arrays.stream(
            org.ferret.registry.ItemCategory.values()).collect(java.util.stream.Collectors.toUnmodifiableMap(c -> c,
                    c -> c.name().toLowerCase(java.util.Locale.ROOT)));

    /** The item fact whose requirement, when not met, lists the failing markings' own messages in place of its own. */
    static final String NONCOMPLIANT_MARKINGS = "noncompliant_markings";

    /** One requirement the registry evaluates: its condition compiled once. */
    private record Rule(String id, String paragraph, Condition condition, String message, boolean advisory,
            boolean listsMarkings) {
    }

    private final StandardPack pack;
    private final Map<MarkingKind, List<Rule>> byKind = new EnumMap<>(MarkingKind.class);
    private final List<Rule> itemRules = new ArrayList<>();
    private final List<String> leftToAssessments = new ArrayList<>();

    @Autowired
    PackMarkingRules(StandardPacks packs) {
        this(packs.latest(PACK).orElseThrow(() -> new IllegalStateException("no standard pack " + PACK
                + " is loaded: the registry's marking rules are its requirements")));
    }

    PackMarkingRules(StandardPack pack) {
        if (pack.purpose() != Purpose.MARKING) {
            throw new IllegalStateException(pack.reference() + " is not a marking standard");
        }
        this.pack = pack;
        checkDerivedFacts(pack, MARKING_FACTS);
        checkDerivedFacts(pack, ITEM_FACTS);
        for (MarkingKind k : MarkingKind.values()) {
            byKind.put(k, new ArrayList<>());
        }
        for (StandardPack.Requirement r : pack.requirements()) {
            Set<String> derived = r.markings().isEmpty() ? ITEM_FACTS.keySet() : MARKING_FACTS.keySet();
            if (r.decision() != Decision.AUTOMATIC || !r.firearmTypes().isEmpty() || !derived.containsAll(r.facts())) {
                leftToAssessments.add(r.id());
                continue;
            }
            Rule rule = new Rule(r.id(), r.paragraph(), r.condition(), r.message() == null ? r.title() : r.message(),
                    r.advisory(), r.markings().isEmpty() && r.facts().contains(NONCOMPLIANT_MARKINGS));
            if (r.markings().isEmpty()) {
                itemRules.add(rule);
            } else {
                r.markings().forEach(k -> byKind.get(k).add(rule));
            }
        }
        if (itemRules.isEmpty()) {
            throw new IllegalStateException(pack.reference() + " has no requirement about the item the registry can decide"
                    + " from the facts it records (" + String.join(", ", ITEM_FACTS.keySet()) + ")");
        }
    }

    /** A pack that declares a fact the registry derives must declare it with the type the registry gives it. */
    private static void checkDerivedFacts(StandardPack pack, Map<String, FactType> derived) {
        derived.forEach((name, type) -> {
            StandardPack.Fact f = pack.facts().get(name);
            if (f != null && f.type() != type) {
                throw new IllegalStateException(pack.reference() + ": fact " + name + " is declared as "
                        + f.type().name().toLowerCase(java.util.Locale.ROOT) + "; the registry derives it as "
                        + type.name().toLowerCase(java.util.Locale.ROOT));
            }
            if (f != null && type == FactType.CHOICE) {
                for (var c : org.ferret.registry.ItemCategory.values()) {
                    if (!f.options().contains(c.name().toLowerCase(java.util.Locale.ROOT))) {
                        throw new IllegalStateException(pack.reference() + ": fact " + name + " lacks the option "
                                + c.name().toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        });
    }

    /** The pack version the rules come from. */
    String reference() {
        return pack.reference();
    }

    /** Ids of the pack's requirements the registry does not evaluate (they need facts it does not record). */
    List<String> leftToAssessments() {
        return List.copyOf(leftToAssessments);
    }

    @Override
    public MarkingDecision check(Marking marking) {
        List<Rule> rules = byKind.get(marking.kind());
        MarkingElements e = marking.elements();
        Map<String, Object> facts = Map.of("manufacturer_marked", e.manufacturer() != null,
                "country_marked", e.countryOrPlace() != null, "serial_marked", e.serialNumber() != null,
                "geometric_symbols_marked", e.geometricSymbols() != null, "symbol_code_marked", e.symbolCode() != null,
                "import_country_marked", e.importCountry() != null, "import_year_marked", e.importYear() != null,
                "transferring_country_marked", e.countryOrPlace() != null,
                "authority_place_marked", e.countryOrPlace() != null,
                // the registry records a deactivation mark as applied; it holds no separate datum of its visibility
                "deactivation_mark_visible", true);
        return decide(rules, facts, List.of(), rules.isEmpty() ? pack.reference() : rules.getFirst().paragraph());
    }

    @Override
    public MarkingDecision requirementFor(ItemKind kind, List<Marking> markings, boolean imported) {
        List<String> notes = new ArrayList<>();
        List<String> markingReasons = new ArrayList<>();
        int noncompliant = 0;
        int manufacture = 0;
        int authority = 0;
        boolean importMarked = false;
        for (Marking m : markings) {
            MarkingDecision d = check(m);
            notes.addAll(d.notes());
            if (d instanceof MarkingDecision.NonCompliant nc) {
                noncompliant++;
                for (String r : nc.reasons()) {
                    markingReasons.add(r + " (" + nc.provision() + ")");
                }
            } else if (m.kind() == MarkingKind.MANUFACTURE) {
                manufacture++;
            } else if (m.kind() == MarkingKind.AUTHORITY_APPLIED) {
                authority++;
            }
            importMarked |= m.kind() == MarkingKind.IMPORT;
        }
        Map<String, Object> facts = Map.of("item_category", CATEGORY.get(kind.category()),
                "markings", markings.size(), NONCOMPLIANT_MARKINGS, noncompliant,
                "compliant_manufacture_markings", manufacture, "compliant_authority_markings", authority,
                "imported", imported, "import_marked", importMarked);
        return decide(itemRules, facts, markingReasons, notes, itemRules.getFirst().paragraph());
    }

    private static MarkingDecision decide(List<Rule> rules, Map<String, Object> facts, List<String> markingReasons,
            String provisionIfMet) {
        return decide(rules, facts, markingReasons, new ArrayList<>(0), provisionIfMet);
    }

    /**
     * Reasons in the pack's order, the provision of the first requirement not met; a requirement whose condition
     * cannot be decided counts as not met (every fact it reads is derived, so only arithmetic can leave it open).
     */
    private static MarkingDecision decide(List<Rule> rules, Map<String, Object> facts, List<String> markingReasons,
            List<String> notes, String provisionIfMet) {
        List<String> reasons = null;
        String provision = null;
        for (Rule r : rules) {
            if (Boolean.TRUE.equals(r.condition().evaluate(facts))) {
                continue;
            }
            if (r.advisory()) {
                notes.add(r.message());
                continue;
            }
            if (reasons == null) {
                reasons = new ArrayList<>(2);
                provision = r.paragraph();
            }
            if (r.listsMarkings() && !markingReasons.isEmpty()) {
                reasons.addAll(markingReasons);
            } else {
                reasons.add(r.message());
            }
        }
        return reasons == null ? new MarkingDecision.Compliant(provisionIfMet, notes)
                : new MarkingDecision.NonCompliant(provision, reasons, notes);
    }
}
