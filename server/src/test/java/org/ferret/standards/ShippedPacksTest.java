package org.ferret.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every requirement of every shipped pack: its passing example is met, its failing example is not, and without its
 * facts (or without a person's decision) it is undecided. The examples live in the packs; a wrong condition or a
 * wrong example fails here.
 */
class ShippedPacksTest {

    static final StandardPacks PACKS = new StandardPacks();

    static Stream<Arguments> automatic() {
        return PACKS.all().stream().flatMap(p -> p.requirements().stream().filter(r -> r.decision() == Decision.AUTOMATIC)
                .map(r -> Arguments.of(p.reference() + " " + r.paragraph() + " [" + r.id() + "]", p, r)));
    }

    static Stream<Arguments> human() {
        return PACKS.all().stream().flatMap(p -> p.requirements().stream().filter(r -> r.decision() == Decision.HUMAN)
                .map(r -> Arguments.of(p.reference() + " " + r.paragraph() + " [" + r.id() + "]", p, r)));
    }

    @Test
    void ships_the_packs_of_issue_15() {
        assertThat(PACKS.all()).extracting(StandardPack::id).contains("eu-2015-2403", "mosaic-05-55", "mosaic-05-50",
                "eu-2019-69", "us-27-cfr-478-12", "un-protocol-art-8", "us-27-cfr-478-92", "un-protocol-art-7",
                "eu-2021-555-art-4");
        assertThat(PACKS.byPurpose(Purpose.DEACTIVATION)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(PACKS.all()).allSatisfy(p -> assertThat(p.requirements()).allSatisfy(r -> assertThat(r.paragraph()).isNotBlank()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("automatic")
    void passing_example_is_met(String name, StandardPack pack, StandardPack.Requirement r) {
        assertThat(evaluate(pack, r, r.cases().pass()).outcome()).isEqualTo(Outcome.MET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("automatic")
    void failing_example_is_not_met(String name, StandardPack pack, StandardPack.Requirement r) {
        RequirementResult result = evaluate(pack, r, r.cases().fail());
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(result.paragraph()).isEqualTo(r.paragraph());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("automatic")
    void without_its_facts_it_is_undecided_and_names_them(String name, StandardPack pack, StandardPack.Requirement r) {
        RequirementResult result = evaluate(pack, r, Map.of());
        assertThat(result.outcome()).isEqualTo(Outcome.UNDECIDED);
        assertThat(result.missingFacts()).isNotEmpty().containsExactlyInAnyOrderElementsOf(r.facts());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("automatic")
    void dropping_any_one_fact_of_the_passing_example_never_passes_wrongly(String name, StandardPack pack, StandardPack.Requirement r) {
        for (String fact : r.cases().pass().keySet()) {
            Map<String, Object> less = new LinkedHashMap<>(r.cases().pass());
            less.remove(fact);
            assertThat(evaluate(pack, r, less).outcome()).as("without %s", fact).isIn(Outcome.MET, Outcome.UNDECIDED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("human")
    void a_human_requirement_is_decided_only_by_a_person_with_every_evidence_recorded(String name, StandardPack pack,
            StandardPack.Requirement r) {
        Map<String, String> evidence = new LinkedHashMap<>();
        r.evidence().forEach(e -> evidence.put(e, "recorded " + e));
        assertThat(Assessor.evaluate(r, Map.of(), new HumanDecision(true, "expert", evidence, null)).outcome()).isEqualTo(Outcome.MET);
        assertThat(Assessor.evaluate(r, Map.of(), new HumanDecision(false, "expert", evidence, null)).outcome()).isEqualTo(Outcome.NOT_MET);
        RequirementResult pending = Assessor.evaluate(r, Map.of(), null);
        assertThat(pending.outcome()).isEqualTo(Outcome.UNDECIDED);
        assertThat(pending.missingEvidence()).containsExactlyElementsOf(r.evidence());
        evidence.remove(r.evidence().get(0));
        assertThat(Assessor.evaluate(r, Map.of(), new HumanDecision(true, "expert", evidence, null)).outcome()).isEqualTo(Outcome.UNDECIDED);
    }

    @Test
    void the_readily_decision_records_the_eight_factors() {
        StandardPack p = PACKS.latest("us-27-cfr-478-12").orElseThrow();
        assertThat(p.requirement("readily-completed").evidence()).containsExactly("time", "ease", "expertise", "equipment",
                "availability_of_parts", "expense", "scope", "feasibility");
        assertThat(p.requirement("readily-completed").decision()).isEqualTo(Decision.HUMAN);
    }

    @Test
    void values_of_the_public_texts_are_encoded() {
        StandardPack eu = PACKS.latest("eu-2015-2403").orElseThrow();
        Map<String, Object> pin = new LinkedHashMap<>(Map.of("chamber_blocking", "pin", "pin_welded", true, "pin_hardness", 40,
                "chamber_diameter", 8.0));
        pin.put("pin_diameter", 4.4); // more than half the chamber but under 4.5 mm
        assertThat(evaluate(eu, eu.requirement("chamber-pin-or-plug"), pin).outcome()).isEqualTo(Outcome.NOT_MET);
        pin.put("pin_diameter", 4.5);
        assertThat(evaluate(eu, eu.requirement("chamber-pin-or-plug"), pin).outcome()).isEqualTo(Outcome.MET);
        assertThat(evaluate(eu, eu.requirement("breech-face"), Map.of("breech_face_angle", 75)).outcome()).isEqualTo(Outcome.MET);
        assertThat(evaluate(eu, eu.requirement("breech-face"), Map.of("breech_face_angle", 76)).outcome()).isEqualTo(Outcome.NOT_MET);
        StandardPack alarm = PACKS.latest("eu-2019-69").orElseThrow();
        assertThat(evaluate(alarm, alarm.requirement("short-barrel-barriers"), Map.of("barrel_length", 30, "device_length", 70,
                "barrier_length", 29, "free_space_at_muzzle", 1)).outcome()).isEqualTo(Outcome.MET);
        assertThat(evaluate(alarm, alarm.requirement("short-barrel-barriers"), Map.of("barrel_length", 30, "device_length", 70,
                "barrier_length", 28.9, "free_space_at_muzzle", 1.1)).outcome()).isEqualTo(Outcome.NOT_MET);
        StandardPack us = PACKS.latest("us-27-cfr-478-92").orElseThrow();
        assertThat(evaluate(us, us.requirement("depth"), Map.of("serial_depth", 0.003)).outcome()).isEqualTo(Outcome.MET);
        assertThat(evaluate(us, us.requirement("size"), Map.of("serial_height", 0.0625)).outcome()).isEqualTo(Outcome.MET);
        assertThat(evaluate(PACKS.latest("un-protocol-art-7").orElseThrow(), PACKS.latest("un-protocol-art-7").orElseThrow()
                .requirement("retention"), Map.of("retention", 9.9)).outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(evaluate(PACKS.latest("eu-2021-555-art-4").orElseThrow(), PACKS.latest("eu-2021-555-art-4").orElseThrow()
                .requirement("retention"), Map.of("retention", 30)).outcome()).isEqualTo(Outcome.MET);
    }

    static RequirementResult evaluate(StandardPack pack, StandardPack.Requirement r, Map<String, ?> facts) {
        return Assessor.evaluate(r, Assessor.values(pack, facts), null);
    }
}
