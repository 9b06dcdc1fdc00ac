package org.ferret.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.ferret.shared.FerretException;
import org.junit.jupiter.api.Test;

class StandardPackTest {

    static final String PACK = """
            format: ferret-standard/1
            id: test-pack
            jurisdiction: EU
            title: A test pack
            version: "1"
            in_force: 2020-01-01
            purpose: deactivation
            sources:
              - title: A regulation
            facts:
              calibre: {label: Calibre, type: length, unit: mm, range: [1, 40]}
              slot_width: {label: Slot width, type: length, unit: mm, range: [0, 40]}
              breech_face_angle: {label: Breech face angle, type: angle, unit: deg, range: [0, 90]}
              feed_ramp_removed: {label: Feed ramp removed, type: boolean}
            requirements:
              - id: slot
                paragraph: Annex I, 1.1
                title: Longitudinal slot
                applies_to: {firearm_types: [pistol], components: [barrel]}
                decision: automatic
                condition: slot_width > 0.5 * calibre and feed_ramp_removed
                cases:
                  pass: {slot_width: 5, calibre: 9, feed_ramp_removed: true}
                  fail: {slot_width: 4, calibre: 9, feed_ramp_removed: true}
              - id: angle
                paragraph: Annex I, 1.7
                title: Breech face
                decision: automatic
                condition: breech_face_angle >= 45 deg and breech_face_angle <= 75 deg
                cases:
                  pass: {breech_face_angle: 60}
                  fail: {breech_face_angle: 30}
              - id: verified
                paragraph: Art. 3
                title: Verified by a competent authority
                decision: human
                evidence: [authority, inspection_report]
            """;

    @Test
    void reads_a_pack_with_its_facts_and_requirements() {
        StandardPack p = StandardPack.parse("test.yaml", PACK);
        assertThat(p.reference()).isEqualTo("test-pack@1");
        assertThat(p.requirements()).extracting(StandardPack.Requirement::paragraph).containsExactly("Annex I, 1.1", "Annex I, 1.7", "Art. 3");
        assertThat(p.requirement("slot").facts()).containsExactlyInAnyOrder("slot_width", "calibre", "feed_ramp_removed");
        assertThat(p.requirement("slot").line()).isEqualTo(16);
    }

    @Test
    void assesses_met_not_met_and_undecided_per_requirement_with_the_paragraph() {
        StandardPack p = StandardPack.parse("test.yaml", PACK);
        AssessmentResult r = Assessor.assess(p, FirearmType.PISTOL,
                Map.of("slot_width", "4", "calibre", 9, "feed_ramp_removed", true), Map.of());
        assertThat(r.result("slot").outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(r.result("angle").outcome()).isEqualTo(Outcome.UNDECIDED);
        assertThat(r.result("angle").missingFacts()).containsExactly("breech_face_angle");
        assertThat(r.result("verified").missingEvidence()).containsExactly("authority", "inspection_report");
        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(r.missing()).contains("Annex I, 1.1 (Longitudinal slot): not met",
                "Annex I, 1.7 (Breech face): facts missing: breech_face_angle",
                "Art. 3 (Verified by a competent authority): human decision pending; evidence to record: authority, inspection_report");

        AssessmentResult ok = Assessor.assess(p, FirearmType.PISTOL, Map.of("slot_width", 5, "calibre", 9,
                "feed_ramp_removed", "yes", "breech_face_angle", 60), Map.of("verified", new HumanDecision(true, "expert",
                Map.of("authority", "Proof house", "inspection_report", "R-1"), null)));
        assertThat(ok.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(ok.missing()).isEmpty();
    }

    @Test
    void a_false_clause_decides_even_when_another_fact_is_missing() {
        StandardPack p = StandardPack.parse("test.yaml", PACK);
        AssessmentResult r = Assessor.assess(p, FirearmType.PISTOL, Map.of("slot_width", 4, "calibre", 9), Map.of());
        assertThat(r.result("slot").outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    void a_requirement_for_another_firearm_type_is_left_out() {
        StandardPack p = StandardPack.parse("test.yaml", PACK);
        assertThat(Assessor.assess(p, FirearmType.REVOLVER, Map.of(), Map.of()).result("slot")).isNull();
    }

    @Test
    void refuses_facts_out_of_range_or_unknown_naming_the_fact() {
        StandardPack p = StandardPack.parse("test.yaml", PACK);
        assertThatThrownBy(() -> Assessor.assess(p, FirearmType.PISTOL, Map.of("calibre", 400, "colour", "red"), Map.of()))
                .isInstanceOf(FerretException.class)
                .satisfies(e -> assertThat(((FerretException) e).problems()).extracting(FerretException.FieldProblem::field)
                        .containsExactlyInAnyOrder("facts.calibre", "facts.colour"))
                .hasMessageContaining("value out of range: 400 mm is outside 1 to 40 mm");
    }

    @Test
    void refuses_a_decision_on_a_requirement_that_is_not_a_human_one() {
        StandardPack p = StandardPack.parse("test.yaml", PACK);
        assertThatThrownBy(() -> Assessor.assess(p, FirearmType.PISTOL, Map.of(), Map.of("slot",
                new HumanDecision(true, "expert", Map.of(), null), "nope", new HumanDecision(true, "expert", Map.of(), null))))
                .isInstanceOf(FerretException.class)
                .satisfies(e -> assertThat(((FerretException) e).problems()).extracting(FerretException.FieldProblem::field)
                        .containsExactlyInAnyOrder("decisions.slot", "decisions.nope"));
    }

    @Test
    void a_syntax_error_names_its_line() {
        assertThatThrownBy(() -> StandardPack.parse("bad.yaml", PACK.replace("title: A test pack", "title: [A test pack")))
                .isInstanceOf(PackInvalidException.class).hasMessageContaining("syntax error")
                .satisfies(e -> assertThat(((PackInvalidException) e).problems().get(0).line()).isNotNull());
    }

    @Test
    void an_unknown_fact_type_names_the_line_and_field() {
        problem(PACK.replace("type: boolean}", "type: yesno}"), 14, "facts.feed_ramp_removed.type", "unknown fact type 'yesno'");
    }

    @Test
    void a_unit_mismatch_in_a_fact_names_the_line_and_field() {
        problem(PACK.replace("type: angle, unit: deg", "type: angle, unit: mm"), 13, "facts.breech_face_angle.unit",
                "unit mismatch: 'mm' is a unit of length");
    }

    @Test
    void a_unit_mismatch_in_a_condition_names_the_line_and_column() {
        problem(PACK.replace("breech_face_angle >= 45 deg", "breech_face_angle >= 45 mm"), 29, "requirements[angle].condition",
                "unit mismatch: 'breech_face_angle' (deg) compared with a length (column 19 of the condition)");
        problem(PACK.replace("breech_face_angle >= 45 deg", "breech_face_angle >= 45"), 29, "requirements[angle].condition",
                "give the number a unit");
    }

    @Test
    void a_requirement_citing_no_paragraph_is_refused() {
        problem(PACK.replace("    paragraph: Annex I, 1.7\n", ""), 25, "requirements[angle].paragraph", "cites no paragraph");
        problem(PACK.replace("paragraph: Annex I, 1.7", "paragraph: \"\""), 26, "requirements[angle].paragraph", "cites no paragraph");
    }

    @Test
    void a_fact_value_out_of_range_is_refused_in_a_condition_and_in_an_example() {
        problem(PACK.replace("breech_face_angle <= 75 deg", "breech_face_angle <= 175 deg"), 29, "requirements[angle].condition",
                "value out of range: 'breech_face_angle' is declared from 0 to 90 deg");
        problem(PACK.replace("fail: {breech_face_angle: 30}", "fail: {breech_face_angle: 300}"), 32,
                "requirements[angle].cases.fail.breech_face_angle", "value out of range: 300 deg is outside 0 to 90 deg");
    }

    @Test
    void an_unknown_fact_in_a_condition_and_an_unknown_field_are_refused() {
        problem(PACK.replace("slot_width > 0.5", "slot_widht > 0.5"), 21, "requirements[slot].condition", "unknown fact 'slot_widht'");
        problem(PACK.replace("title: Breech face", "titel: Breech face"), 27, "requirements[angle].titel", "unknown field 'titel'");
    }

    @Test
    void a_human_decision_must_list_evidence_and_an_automatic_one_its_examples() {
        problem(PACK.replace("    evidence: [authority, inspection_report]\n", ""), 33, "requirements[verified].evidence", "lists the evidence");
        problem(PACK.replace("""
                    cases:
                      pass: {breech_face_angle: 60}
                      fail: {breech_face_angle: 30}
                """, ""), 25, "requirements[angle].cases", "pass and a fail example");
    }

    @Test
    void reports_every_problem_at_once() {
        String bad = PACK.replace("type: boolean}", "type: yesno}").replace("paragraph: Art. 3", "paragraph: \" \"");
        assertThatThrownBy(() -> StandardPack.parse("bad.yaml", bad)).isInstanceOf(PackInvalidException.class)
                .satisfies(e -> assertThat(((PackInvalidException) e).problems()).hasSizeGreaterThanOrEqualTo(2));
    }

    static final String WITH_MESSAGE = PACK.replace("title: Breech face\n", """
            title: Breech face
                message: the breech face is not machined at 45 to 75 degrees
                advisory: true
            """);

    @Test
    void a_requirement_not_met_gives_its_message_and_an_advisory_one_never_fails_the_verdict() {
        StandardPack p = StandardPack.parse("test.yaml", WITH_MESSAGE);
        assertThat(p.requirement("angle").message()).isEqualTo("the breech face is not machined at 45 to 75 degrees");
        assertThat(p.requirement("angle").advisory()).isTrue();
        assertThat(p.requirement("slot").advisory()).isFalse();
        AssessmentResult r = Assessor.assess(p, FirearmType.PISTOL, Map.of("slot_width", 5, "calibre", 9,
                "feed_ramp_removed", true, "breech_face_angle", 30), Map.of("verified", new HumanDecision(true, "expert",
                Map.of("authority", "Proof house", "inspection_report", "R-1"), null)));
        assertThat(r.result("angle").outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(r.result("angle").advisory()).isTrue();
        assertThat(r.result("angle").reason()).isEqualTo("the breech face is not machined at 45 to 75 degrees");
        assertThat(r.result("slot").reason()).isEqualTo("slot_width > 0.5 * calibre and feed_ramp_removed");
        assertThat(r.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(r.missing()).isEmpty();
        assertThat(PackDiff.between(StandardPack.parse("test.yaml", PACK), p)).extracting(PackDiff.Change::field)
                .contains("message", "advisory");
    }

    @Test
    void advisory_is_true_or_false_and_only_for_automatic_requirements() {
        problem(WITH_MESSAGE.replace("advisory: true", "advisory: sometimes"), 29, "requirements[angle].advisory",
                "expected true or false, found 'sometimes'");
        problem(PACK.replace("title: Verified by a competent authority\n", """
                title: Verified by a competent authority
                    advisory: true
                """), 36, "requirements[verified].advisory", "only an automatic requirement is advisory");
    }

    @Test
    void a_requirement_about_markings_names_their_kinds() {
        StandardPack p = StandardPack.parse("test.yaml", PACK.replace("components: [barrel]}", "components: [barrel], markings: [import, authority_applied]}"));
        assertThat(p.requirement("slot").markings()).containsExactlyInAnyOrder(org.ferret.registry.MarkingKind.IMPORT,
                org.ferret.registry.MarkingKind.AUTHORITY_APPLIED);
        assertThat(p.requirement("angle").markings()).isEmpty();
        problem(PACK.replace("components: [barrel]}", "components: [barrel], markings: [engraving]}"), 19,
                "requirements[slot].applies_to.markings", "unknown kind of marking 'engraving'");
    }

    static void problem(String text, int line, String field, String message) {
        assertThatThrownBy(() -> StandardPack.parse("bad.yaml", text)).isInstanceOf(PackInvalidException.class)
                .satisfies(e -> assertThat(((PackInvalidException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo(field);
                            assertThat(p.line()).isEqualTo(line);
                            assertThat(p.message()).contains(message);
                        }));
    }
}
