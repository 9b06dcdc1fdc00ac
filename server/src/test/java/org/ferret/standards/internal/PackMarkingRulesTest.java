package org.ferret.standards.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.ferret.registry.CountryCode;
import org.ferret.registry.ItemKind;
import org.ferret.registry.Marking;
import org.ferret.registry.MarkingDecision;
import org.ferret.registry.MarkingElements;
import org.ferret.registry.MarkingKind;
import org.ferret.registry.MarkingMethod;
import org.ferret.registry.MarkingRules;
import org.ferret.registry.SerialNumber;
import org.ferret.standards.StandardPack;
import org.ferret.standards.StandardPacks;
import org.junit.jupiter.api.Test;

/**
 * The registry's art. 8 marking rules (once Java policies in the registry, now the requirements of the shipped
 * un-protocol-art-8 pack evaluated by the standards engine): the same expectations as before the move.
 */
class PackMarkingRulesTest {

    static final MarkingRules RULES = new PackMarkingRules(new StandardPacks());

    static Marking manufacture(String manufacturer, String place, String serial) {
        return new Marking(MarkingKind.MANUFACTURE, MarkingElements.manufacture(manufacturer, place, serial),
                "left side of frame", MarkingMethod.STAMPED);
    }

    static Marking importMark(String country, Integer year) {
        return new Marking(MarkingKind.IMPORT,
                MarkingElements.imported(country == null ? null : CountryCode.of(country), year), null, MarkingMethod.LASER);
    }

    @Test
    void a_manufacture_marking_with_manufacturer_country_and_serial_complies_with_art_8_1_a() {
        MarkingDecision d = RULES.check(manufacture("Glock", "Austria", "ABC123"));
        assertThat(d).isInstanceOf(MarkingDecision.Compliant.class);
        assertThat(d.provision()).isEqualTo("Art. 8(1)(a)");
    }

    @Test
    void a_manufacture_marking_without_serial_is_refused_naming_the_missing_element_and_art_8_1_a() {
        MarkingDecision d = RULES.check(manufacture("Glock", "Austria", null));
        assertThat(d).isInstanceOfSatisfying(MarkingDecision.NonCompliant.class, nc -> {
            assertThat(nc.provision()).isEqualTo("Art. 8(1)(a)");
            assertThat(nc.reasons()).containsExactly("manufacture marking lacks the serial number");
        });
    }

    @Test
    void the_alternative_geometric_symbol_form_with_a_code_complies_without_manufacturer_name() {
        var e = new MarkingElements(null, null, null, null, null, null, null, null, "triangle-circle", "7A21");
        assertThat(RULES.check(new Marking(MarkingKind.MANUFACTURE, e, null, null)).compliant()).isTrue();
    }

    @Test
    void geometric_symbols_without_a_code_do_not_comply() {
        var e = new MarkingElements(null, null, null, null, null, null, null, null, "triangle", null);
        MarkingDecision d = RULES.check(new Marking(MarkingKind.MANUFACTURE, e, null, null));
        assertThat(d).isInstanceOfSatisfying(MarkingDecision.NonCompliant.class,
                nc -> assertThat(nc.reasons()).anyMatch(r -> r.contains("symbols and the code")));
    }

    @Test
    void an_import_marking_without_year_complies_with_an_advisory_note() {
        MarkingDecision d = RULES.check(importMark("DE", null));
        assertThat(d).isInstanceOf(MarkingDecision.Compliant.class);
        assertThat(d.provision()).isEqualTo("Art. 8(1)(b)");
        assertThat(d.notes()).singleElement().asString().contains("year of import");
    }

    @Test
    void an_import_marking_without_the_country_of_import_does_not_comply() {
        MarkingDecision d = RULES.check(importMark(null, 2020));
        assertThat(d).isInstanceOfSatisfying(MarkingDecision.NonCompliant.class,
                nc -> assertThat(nc.reasons()).containsExactly("import marking lacks the country of import"));
    }

    @Test
    void a_state_transfer_marking_must_identify_the_transferring_country_art_8_1_c() {
        var e = new MarkingElements(null, null, null, null, null, null, null, null, null, null);
        MarkingDecision d = RULES.check(new Marking(MarkingKind.STATE_TRANSFER, e, null, null));
        assertThat(d.compliant()).isFalse();
        assertThat(d.provision()).isEqualTo("Art. 8(1)(c)");
    }

    @Test
    void an_unmarked_3d_printed_frame_requires_a_marking() {
        MarkingDecision d = RULES.requirementFor(ItemKind.FRAME, List.of(), false);
        assertThat(d).isInstanceOfSatisfying(MarkingDecision.NonCompliant.class,
                nc -> assertThat(nc.reasons()).singleElement().asString().contains("carries no marking"));
    }

    @Test
    void a_firearm_with_only_an_import_marking_still_requires_a_unique_marking() {
        MarkingDecision d = RULES.requirementFor(ItemKind.PISTOL, List.of(importMark("DE", 2020)), false);
        assertThat(d.compliant()).isFalse();
    }

    @Test
    void an_authority_applied_unique_marking_satisfies_the_requirement_for_a_seized_unmarked_item() {
        var e = new MarkingElements(null, "DE-BKA", SerialNumber.of("BKA-2026-0001"), 2026, null, null, null, null, null, null);
        MarkingDecision d = RULES.requirementFor(ItemKind.FRAME,
                List.of(new Marking(MarkingKind.AUTHORITY_APPLIED, e, "frame rail", MarkingMethod.ENGRAVED)), false);
        assertThat(d.compliant()).isTrue();
    }

    @Test
    void a_firearm_with_a_compliant_manufacture_marking_but_a_defective_import_marking_is_still_flagged() {
        MarkingDecision d = RULES.requirementFor(ItemKind.RIFLE,
                List.of(manufacture("Steyr", "AT", "S1"), importMark(null, 2021)), false);
        assertThat(d).isInstanceOfSatisfying(MarkingDecision.NonCompliant.class,
                nc -> assertThat(nc.reasons()).singleElement().asString().contains("Art. 8(1)(b)"));
    }

    @Test
    void ammunition_lots_are_never_flagged_for_art_8_marking() {
        assertThat(RULES.requirementFor(ItemKind.AMMUNITION_LOT, List.of(), false).compliant()).isTrue();
    }

    @Test
    void an_imported_firearm_with_only_its_manufacture_marking_needs_an_import_marking_under_art_8_1_b() {
        MarkingDecision d = RULES.requirementFor(ItemKind.PISTOL,
                List.of(manufacture("Glock", "Austria", "ABC123")), true);
        assertThat(d).isInstanceOfSatisfying(MarkingDecision.NonCompliant.class, nc -> {
            assertThat(nc.provision()).isEqualTo("Art. 8(1)(b)");
            assertThat(nc.reasons()).singleElement().asString().contains("import marking").contains("Art. 8(1)(b)");
        });
        assertThat(RULES.requirementFor(ItemKind.PISTOL,
                List.of(manufacture("Glock", "Austria", "ABC123"), importMark("FI", 2024)), true).compliant()).isTrue();
        assertThat(RULES.requirementFor(ItemKind.PISTOL,
                List.of(manufacture("Glock", "Austria", "ABC123")), false).compliant()).isTrue();
    }

    // ---- the pack's wording, provision and order, as the registry shows them

    @Test
    void every_missing_element_of_a_manufacture_marking_is_named_in_order_with_the_half_given_symbol_form_last() {
        var e = new MarkingElements(null, null, null, null, null, null, null, null, "triangle", null);
        assertThat(RULES.check(new Marking(MarkingKind.MANUFACTURE, e, null, null))).isEqualTo(new MarkingDecision.NonCompliant(
                "Art. 8(1)(a)", List.of("manufacture marking lacks the name of the manufacturer",
                        "manufacture marking lacks the country or place of manufacture",
                        "manufacture marking lacks the serial number",
                        "the alternative geometric-symbol form needs both the symbols and the code"), List.of()));
    }

    @Test
    void deactivation_and_authority_markings_cite_their_own_provisions() {
        var none = new MarkingElements(null, null, null, null, null, null, null, null, null, null);
        assertThat(RULES.check(new Marking(MarkingKind.DEACTIVATION, none, null, null)))
                .isEqualTo(new MarkingDecision.Compliant("Art. 9(c)", List.of()));
        assertThat(RULES.check(new Marking(MarkingKind.AUTHORITY_APPLIED, none, null, null))).isEqualTo(new MarkingDecision.NonCompliant(
                "Art. 8(1); ISACS 05.30 (marking by an authority)", List.of("authority-applied marking lacks a serial number",
                        "authority-applied marking lacks the country or place of the marking authority"), List.of()));
    }

    @Test
    void an_item_lists_its_unique_marking_first_then_each_failing_marking_with_its_provision_then_the_import_marking() {
        var none = new MarkingElements(null, null, null, null, null, null, null, null, null, null);
        MarkingDecision d = RULES.requirementFor(ItemKind.PISTOL, List.of(new Marking(MarkingKind.STATE_TRANSFER, none, null, null),
                importMark("DE", null)), false);
        assertThat(d).isEqualTo(new MarkingDecision.NonCompliant("Art. 8(1)(a)", List.of(
                "item carries no compliant unique marking (manufacture or authority-applied)",
                "state-transfer marking lacks the transferring country (Art. 8(1)(c))"),
                List.of("import marking does not show the year of import (required where possible)")));
        MarkingDecision unmarked = RULES.requirementFor(ItemKind.SLIDE, List.of(), true);
        assertThat(unmarked.provision()).isEqualTo("Art. 8(1)(a)");
        assertThat(((MarkingDecision.NonCompliant) unmarked).reasons()).containsExactly(
                "item carries no marking; a unique marking with manufacturer, country or place and serial number is required",
                "the item was imported and carries no import marking; an import marking identifying the country of import "
                        + "and, where possible, the year of import is required (Art. 8(1)(b))");
    }

    @Test
    void an_ammunition_lot_is_out_of_scope_with_a_note_and_keeps_its_markings_notes() {
        MarkingDecision d = RULES.requirementFor(ItemKind.AMMUNITION_LOT, List.of(importMark(null, null)), true);
        assertThat(d).isEqualTo(new MarkingDecision.Compliant("Art. 8(1)(a)", List.of(
                "import marking does not show the year of import (required where possible)",
                "art. 8 marking duties apply to firearms and their parts; ammunition lot markings are recorded as given")));
        assertThat(RULES.check(importMark(null, null)).compliant()).isFalse();
    }

    @Test
    void requirements_needing_facts_the_registry_does_not_record_are_left_to_assessments() {
        PackMarkingRules rules = new PackMarkingRules(new StandardPacks());
        assertThat(rules.reference()).isEqualTo("un-protocol-art-8@2001");
        assertThat(rules.leftToAssessments()).containsExactly("essential-component", "state-transfer");
    }

    static final String SMALL = """
            format: ferret-standard/1
            id: test-marking
            jurisdiction: UN
            title: A marking pack
            version: "1"
            in_force: 2020-01-01
            purpose: marking
            sources: [{title: A text}]
            facts:
              markings: {label: Marked, type: boolean}
            requirements:
              - id: marked
                paragraph: Art. 8
                title: Marked
                decision: automatic
                condition: markings
                cases: {pass: {markings: true}, fail: {markings: false}}
            """;

    @Test
    void a_pack_declaring_a_derived_fact_with_another_type_stops_the_start() {
        assertThatThrownBy(() -> new PackMarkingRules(StandardPack.parse("small.yaml", SMALL)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test-marking@1: fact markings is declared as boolean; the registry derives it as count");
    }

    @Test
    void a_pack_without_an_item_requirement_the_registry_can_decide_stops_the_start() {
        assertThatThrownBy(() -> new PackMarkingRules(StandardPack.parse("small.yaml", SMALL.replace("markings", "marked_by_hand"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no requirement about the item");
    }

    @Test
    void the_registry_says_what_the_pack_says_a_changed_message_or_condition_changes_its_decision() throws java.io.IOException {
        String shipped;
        try (var in = PackMarkingRulesTest.class.getResourceAsStream("/standards/un-protocol-art-8.yaml")) {
            shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        PackMarkingRules stricter = new PackMarkingRules(StandardPack.parse("stricter.yaml", shipped
                .replace("message: manufacture marking lacks the serial number", "message: no serial number")
                .replace("    advisory: true\n    condition: import_year_marked", "    condition: import_year_marked")));
        assertThat(((MarkingDecision.NonCompliant) stricter.check(manufacture("Glock", "Austria", null))).reasons())
                .containsExactly("no serial number");
        assertThat(stricter.check(importMark("DE", null))).isEqualTo(new MarkingDecision.NonCompliant("Art. 8(1)(b)",
                List.of("import marking does not show the year of import (required where possible)"), List.of()));
    }
}
