package org.ferret.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ComparisonTest {

    static final StandardPacks PACKS = new StandardPacks();
    static final StandardPack EU = PACKS.latest("eu-2015-2403").orElseThrow();
    static final StandardPack MOSAIC = PACKS.latest("mosaic-05-55").orElseThrow();

    @Test
    void a_pistol_deactivated_to_the_principles_only_lacks_the_eu_operations_by_paragraph() {
        Comparison.Result r = Comparison.of(MOSAIC, EU, FirearmType.PISTOL);
        assertThat(r.operationsSuffice()).isFalse();
        assertThat(r.notRecorded()).extracting(RequirementResult::paragraph).contains("Annex I, Table I, 1.1",
                "Annex I, Table I, 1.2", "Annex I, Table I, 1.3", "Annex I, Table I, 1.6", "Annex I, Table I, 1.7");
        // certificate and mark are shared facts: MOSAIC accepts a certificate without a mark, the EU asks for both
        assertThat(r.underTo().result("certificate").outcome()).isEqualTo(Outcome.MET);
        assertThat(r.failed()).extracting(RequirementResult::paragraph).containsExactly("Art. 3 and Annex II (common deactivation mark)");
        assertThat(r.decisionsNeeded()).extracting(RequirementResult::requirement).containsExactly("verification");
    }

    @Test
    void an_item_whose_pin_is_too_thin_for_y_fails_y_at_that_paragraph() {
        Map<String, Object> recorded = new LinkedHashMap<>(Comparison.referenceItem(EU, FirearmType.PISTOL));
        recorded.put("pin_diameter", 4.0);
        Comparison.Result r = Comparison.compare("national@1", recorded, EU, FirearmType.PISTOL, Map.of());
        assertThat(r.failed()).extracting(RequirementResult::paragraph).containsExactly("Annex I, Table I, 1.2");
        assertThat(r.notRecorded()).isEmpty();
    }

    @Test
    void the_eu_reference_item_meets_every_automatic_eu_requirement_for_each_type() {
        for (FirearmType t : FirearmType.DEACTIVATION_TYPES) {
            assertThat(Comparison.of(EU, EU, t).operationsSuffice()).as("%s", t).isTrue();
        }
    }

    @Test
    void the_matrix_has_a_table_per_firearm_type_with_every_pack() {
        String m = Comparison.matrix(PACKS.latest(Purpose.DEACTIVATION), FirearmType.DEACTIVATION_TYPES);
        assertThat(m).contains("### Pistol", "### Muzzle-loading firearm", "| eu-2015-2403@2018/337 |", "missing Annex I, Table I, 1.1");
    }

    @Test
    void a_diff_names_what_changed_between_versions() {
        String v1 = StandardPackTest.PACK;
        String v2 = v1.replace("version: \"1\"", "version: \"2\"").replace("in_force: 2020-01-01", "in_force: 2022-01-01")
                .replace("breech_face_angle >= 45 deg", "breech_face_angle >= 50 deg")
                .replace("  - id: verified\n", "  - id: certified\n");
        var changes = PackDiff.between(StandardPack.parse("v1", v1), StandardPack.parse("v2", v2));
        assertThat(changes).extracting(Object::toString).contains("~ pack test-pack version: 1 → 2",
                "~ requirement angle condition: breech_face_angle >= 45 deg and breech_face_angle <= 75 deg → breech_face_angle >= 50 deg and breech_face_angle <= 75 deg",
                "- requirement verified: Art. 3 Verified by a competent authority",
                "+ requirement certified: Art. 3 Verified by a competent authority");
        assertThat(PackDiff.between(StandardPack.parse("v1", v1), StandardPack.parse("v1", v1))).isEmpty();
    }
}
