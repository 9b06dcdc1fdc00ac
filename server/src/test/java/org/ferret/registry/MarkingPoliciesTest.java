package org.ferret.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MarkingPoliciesTest {

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
        MarkingDecision d = MarkingPolicies.check(manufacture("Glock", "Austria", "ABC123"));
        assertThat(d).isInstanceOf(MarkingDecision.Compliant.class);
        assertThat(d.provision()).isEqualTo("Art. 8(1)(a)");
    }

    @Test
    void a_manufacture_marking_without_serial_is_refused_naming_the_missing_element_and_art_8_1_a() {
        MarkingDecision d = MarkingPolicies.check(manufacture("Glock", "Austria", null));
        assertThat(d).isInstanceOfSatisfying(MarkingDecision.NonCompliant.class, nc -> {
            assertThat(nc.provision()).isEqualTo("Art. 8(1)(a)");
            assertThat(nc.reasons()).containsExactly("manufacture marking lacks the serial number");
        });
    }

    @Test
    void the_alternative_geometric_symbol_form_with_a_code_complies_without_manufacturer_name() {
        var e = new MarkingElements(null, null, null, null, null, null, null, null, "triangle-circle", "7A21");
        assertThat(MarkingPolicies.check(new Marking(MarkingKind.MANUFACTURE, e, null, null)).compliant()).isTrue();
    }

    @Test
    void geometric_symbols_without_a_code_do_not_comply() {
        var e = new MarkingElements(null, null, null, null, null, null, null, null, "triangle", null);
        MarkingDecision d = MarkingPolicies.check(new Marking(MarkingKind.MANUFACTURE, e, null, null));
        assertThat(d).isInstanceOfSatisfying(MarkingDecision.NonCompliant.class,
                nc -> assertThat(nc.reasons()).anyMatch(r -> r.contains("symbols and the code")));
    }

    @Test
    void an_import_marking_without_year_complies_with_an_advisory_note() {
        MarkingDecision d = MarkingPolicies.check(importMark("DE", null));
        assertThat(d).isInstanceOf(MarkingDecision.Compliant.class);
        assertThat(d.provision()).isEqualTo("Art. 8(1)(b)");
        assertThat(d.notes()).singleElement().asString().contains("year of import");
    }

    @Test
    void an_import_marking_without_the_country_of_import_does_not_comply() {
        MarkingDecision d = MarkingPolicies.check(importMark(null, 2020));
        assertThat(d).isInstanceOfSatisfying(MarkingDecision.NonCompliant.class,
                nc -> assertThat(nc.reasons()).containsExactly("import marking lacks the country of import"));
    }

    @Test
    void a_state_transfer_marking_must_identify_the_transferring_country_art_8_1_c() {
        var e = new MarkingElements(null, null, null, null, null, null, null, null, null, null);
        MarkingDecision d = MarkingPolicies.check(new Marking(MarkingKind.STATE_TRANSFER, e, null, null));
        assertThat(d.compliant()).isFalse();
        assertThat(d.provision()).isEqualTo("Art. 8(1)(c)");
    }

    @Test
    void an_unmarked_3d_printed_frame_requires_a_marking() {
        MarkingDecision d = MarkingPolicies.requirementFor(ItemKind.FRAME, List.of());
        assertThat(d).isInstanceOfSatisfying(MarkingDecision.NonCompliant.class,
                nc -> assertThat(nc.reasons()).singleElement().asString().contains("carries no marking"));
    }

    @Test
    void a_firearm_with_only_an_import_marking_still_requires_a_unique_marking() {
        MarkingDecision d = MarkingPolicies.requirementFor(ItemKind.PISTOL, List.of(importMark("DE", 2020)));
        assertThat(d.compliant()).isFalse();
    }

    @Test
    void an_authority_applied_unique_marking_satisfies_the_requirement_for_a_seized_unmarked_item() {
        var e = new MarkingElements(null, "DE-BKA", SerialNumber.of("BKA-2026-0001"), 2026, null, null, null, null, null, null);
        MarkingDecision d = MarkingPolicies.requirementFor(ItemKind.FRAME,
                List.of(new Marking(MarkingKind.AUTHORITY_APPLIED, e, "frame rail", MarkingMethod.ENGRAVED)));
        assertThat(d.compliant()).isTrue();
    }

    @Test
    void a_firearm_with_a_compliant_manufacture_marking_but_a_defective_import_marking_is_still_flagged() {
        MarkingDecision d = MarkingPolicies.requirementFor(ItemKind.RIFLE,
                List.of(manufacture("Steyr", "AT", "S1"), importMark(null, 2021)));
        assertThat(d).isInstanceOfSatisfying(MarkingDecision.NonCompliant.class,
                nc -> assertThat(nc.reasons()).singleElement().asString().contains("Art. 8(1)(b)"));
    }

    @Test
    void ammunition_lots_are_never_flagged_for_art_8_marking() {
        assertThat(MarkingPolicies.requirementFor(ItemKind.AMMUNITION_LOT, List.of()).compliant()).isTrue();
    }

    @Test
    void an_imported_firearm_with_only_its_manufacture_marking_needs_an_import_marking_under_art_8_1_b() {
        MarkingDecision d = MarkingPolicies.requirementFor(ItemKind.PISTOL,
                List.of(manufacture("Glock", "Austria", "ABC123")), true);
        assertThat(d).isInstanceOfSatisfying(MarkingDecision.NonCompliant.class, nc -> {
            assertThat(nc.provision()).isEqualTo("Art. 8(1)(b)");
            assertThat(nc.reasons()).singleElement().asString().contains("import marking").contains("Art. 8(1)(b)");
        });
        assertThat(MarkingPolicies.requirementFor(ItemKind.PISTOL,
                List.of(manufacture("Glock", "Austria", "ABC123"), importMark("FI", 2024)), true).compliant()).isTrue();
        assertThat(MarkingPolicies.requirementFor(ItemKind.PISTOL,
                List.of(manufacture("Glock", "Austria", "ABC123")), false).compliant()).isTrue();
    }
}
