package org.ferret.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.JsonApi;
import org.ferret.testsupport.Nodes;
import org.ferret.testsupport.SignedInClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry's integration with the standards (issue 15): imports of items deactivated abroad and of alarm weapons
 * assessed under this state's standard (para 46), seized semi-finished frames given their assessment for a person to
 * decide, and corrections and registrations that must not bypass the deactivation gate.
 */
@FerretIntegrationTest
class StandardsRegistryIT {

    static final String EU = StandardsIT.EU;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    JsonApi registrar;
    JsonApi expert;

    @BeforeEach
    void setUp() {
        registrar = new JsonApi(port, "registrar");
        expert = new JsonApi(port, "expert");
    }

    static Map<String, Object> marking(String maker, String country, String serial) {
        return Map.of("kind", "MANUFACTURE", "manufacturer", maker, "countryOrPlace", country, "serialNumber", serial);
    }

    /** A pistol registered with its import from DE, deactivated there, with what it gives for this state's standard. */
    Map<String, Object> importDeactivated(String certificate, Map<String, Object> standardAssessment) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "IMPORT");
        event.put("occurredOn", "2026-11-25");
        event.put("country", "DE");
        event.put("deactivation", Map.of("certificateNumber", certificate, "standardApplied", "BKA deactivation rule 2009",
                "verifyingAuthority", "Beschussamt Ulm", "deactivationMark", "DE mark"));
        event.put("standardAssessment", standardAssessment);
        return Map.of("kind", "PISTOL", "manufacturer", "Walther", "calibre", "9x19mm",
                "markings", List.of(marking("Walther", "Germany", JsonApi.unique("IMP"))), "initialEvent", event);
    }

    @Test
    void a_pistol_deactivated_to_a_weaker_standard_abroad_is_refused_naming_the_paragraph_and_a_passing_one_is_linked() {
        long before = jdbc.sql("select count(*) from standards_assessment").query(Long.class).single();
        var weak = registrar.post("/api/v1/items", importDeactivated("DE-D-1", Map.of("facts", StandardsIT.euPistol(4.0),
                "decisions", StandardsIT.verified())));
        assertThat(weak.getStatusCode().value()).isEqualTo(409);
        assertThat(weak.getBody().get("code")).isEqualTo("STANDARD_NOT_MET");
        assertThat(weak.getBody().get("detail").toString()).contains("Import refused", EU);
        assertThat(weak.getBody().get("errors").toString()).contains("standardAssessment",
                "Annex I, Table I, 1.2 (Hardened pin or welded plug in the chamber): not met");
        assertThat(jdbc.sql("select count(*) from standards_assessment").query(Long.class).single())
                .as("a refused import writes nothing").isEqualTo(before);

        Map<String, Object> item = registrar.ok(registrar.post("/api/v1/items", importDeactivated("DE-D-2",
                Map.of("facts", StandardsIT.euPistol(5.5), "decisions", StandardsIT.verified()))), 201);
        assertThat(item.get("status")).isEqualTo("DEACTIVATED");
        List<?> history = (List<?>) item.get("history");
        Map<?, ?> imported = (Map<?, ?>) history.get(0);
        assertThat(imported.get("deactivation").toString()).contains("DE-D-2", "BKA deactivation rule 2009");
        Map<String, Object> link = registrar.ok(registrar.get("/api/v1/standards/imports/" + imported.get("id")), 200);
        assertThat(link.get("standard")).isEqualTo(EU);
        assertThat(link.get("outcome")).isEqualTo("PASSED");
        assertThat(link.get("concern")).isEqualTo("DEACTIVATED");
        Map<String, Object> assessment = registrar.ok(registrar.get("/api/v1/standards/assessments/" + link.get("assessment")), 200);
        assertThat(assessment.get("item")).isEqualTo(item.get("id"));
        assertThat(((Map<?, ?>) assessment.get("result")).get("verdict")).isEqualTo("PASSED");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'STANDARD_IMPORT_PASSED' and entity_id = ?")
                .param(imported.get("id").toString()).query(Long.class).single()).isEqualTo(1L);
        // the item's page links the import event to its assessment, and the assessment page says what was met
        SignedInClient screens = SignedInClient.signIn(port, "registrar");
        assertThat(screens.page("/items/" + item.get("id"))).contains("/standards/imports/" + imported.get("id"),
                "Deactivated abroad: certificate DE-D-2");
        String to = screens.get("/standards/imports/" + imported.get("id")).headers().firstValue("Location").orElseThrow();
        assertThat(to).contains("/standards/assessment?id=" + link.get("assessment"));
        assertThat(screens.page("/standards/assessment?id=" + link.get("assessment"))).contains("Annex I, Table I, 1.2", "Passed");
    }

    @Test
    void an_alarm_weapon_import_is_assessed_under_the_convertibility_standard() {
        Map<String, Object> safe = new LinkedHashMap<>(Map.of("barrel_length", 10, "device_length", 20, "barrier_length", 9.5,
                "free_space_at_muzzle", 0.5, "pyrotechnic_only_with_adaptor", true, "internal_blocking_device", true,
                "cartridges_from_table_viii", true, "convertible_with_ordinary_tools", false, "components_fit_firearms", false,
                "barrel_removable_without_damage", false));
        Map<String, Object> convertible = new LinkedHashMap<>(safe);
        convertible.put("barrier_length", 8);
        convertible.put("free_space_at_muzzle", 2);
        var refused = registrar.post("/api/v1/items", alarm(convertible));
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("detail").toString()).contains("eu-2019-69@2019/69", "alarm and signal weapons");
        assertThat(refused.getBody().get("errors").toString()).contains("standardAssessment", "barrel at most 30 cm");

        Map<String, Object> item = registrar.ok(registrar.post("/api/v1/items", alarm(safe)), 201);
        assertThat(item.get("status")).isEqualTo("IN_LAWFUL_POSSESSION");
        Object event = ((Map<?, ?>) ((List<?>) item.get("history")).get(0)).get("id");
        Map<String, Object> link = registrar.ok(registrar.get("/api/v1/standards/imports/" + event), 200);
        assertThat(link.get("standard")).isEqualTo("eu-2019-69@2019/69");
        assertThat(link.get("concern")).isEqualTo("ALARM_OR_SIGNAL");
        Map<String, Object> assessment = registrar.ok(registrar.get("/api/v1/standards/assessments/" + link.get("assessment")), 200);
        assertThat(assessment.get("firearmType")).isEqualTo("ALARM_WEAPON");
    }

    Map<String, Object> alarm(Map<String, Object> facts) {
        return Map.of("kind", "PISTOL", "manufacturer", "Zoraki", "construction", "ALARM_OR_SIGNAL",
                "markings", List.of(marking("Zoraki", "Turkey", JsonApi.unique("ALM"))), "initialEvent",
                Map.of("type", "IMPORT", "occurredOn", "2026-11-26", "country", "TR", "standardAssessment", Map.of("facts", facts)));
    }

    @Test
    void a_seized_semi_finished_frame_opens_an_undecided_assessment_that_a_person_completes() {
        Map<String, Object> frame = registrar.ok(registrar.post("/api/v1/items", Map.of("kind", "RECEIVER",
                "construction", "SEMI_FINISHED", "initialEvent", Map.of("type", "SEIZURE", "occurredOn", "2026-11-27",
                        "reference", "CASE-80"))), 201);
        String id = frame.get("id").toString();
        List<Map<String, Object>> reviews = Nodes.eventually(
                () -> expert.list("/api/v1/standards/items/{item}/reviews", id), r -> !r.isEmpty());
        assertThat(reviews).hasSize(1);
        Map<String, Object> review = reviews.get(0);
        assertThat(review.get("standard")).isEqualTo("us-27-cfr-478-12@2022");
        assertThat(review.get("completed")).isNull();
        assertThat(expert.list("/api/v1/standards/reviews")).extracting(r -> r.get("item")).contains(id);
        Map<String, Object> opened = expert.ok(expert.get("/api/v1/standards/assessments/" + review.get("opened")), 200);
        assertThat(((Map<?, ?>) opened.get("result")).get("verdict")).isEqualTo("INCOMPLETE");
        assertThat(opened.get("missing").toString()).contains("27 CFR 478.12(c)", "time", "feasibility");
        SignedInClient screens = SignedInClient.signIn(port, "expert");
        assertThat(screens.page("/standards/items/" + id + "/panel")).contains("Awaiting a person", "us-27-cfr-478-12@2022",
                "Complete the assessment");
        assertThat(screens.page("/standards/reviews")).contains("/items/" + id);

        Map<String, Object> factors = new LinkedHashMap<>();
        for (String f : List.of("time", "ease", "expertise", "equipment", "availability_of_parts", "expense", "scope", "feasibility")) {
            factors.put(f, "recorded for " + f);
        }
        Map<String, Object> decided = expert.ok(expert.post("/api/v1/standards/us-27-cfr-478-12/assessments", Map.of(
                "version", "2022", "firearmType", "PARTIAL_FRAME_OR_RECEIVER", "item", id, "decisions", Map.of(
                        "clearly-identifiable", Map.of("met", true, "evidence", Map.of("description_of_the_part",
                                "milled lower, fire-control pocket not cut", "instructions_jigs_or_templates_supplied", "jig in kit",
                                "marketing", "sold as 80 % lower")),
                        "readily-completed", Map.of("met", true, "evidence", factors)))), 201);
        assertThat(((Map<?, ?>) decided.get("result")).get("verdict")).isEqualTo("PASSED");
        Map<String, Object> done = expert.list("/api/v1/standards/items/{item}/reviews", id).get(0);
        assertThat(done.get("completed")).isEqualTo(decided.get("id"));
        assertThat(expert.list("/api/v1/standards/reviews")).extracting(r -> r.get("item")).doesNotContain(id);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'STANDARD_REVIEW_COMPLETED' and entity_id = ?")
                .param(review.get("event").toString()).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void neither_a_registration_nor_a_correction_bypasses_the_deactivation_gate() {
        // a history may not start with a deactivation that no assessment backs
        var started = registrar.post("/api/v1/items", Map.of("kind", "PISTOL", "manufacturer", "CZ",
                "markings", List.of(marking("CZ", "Czechia", JsonApi.unique("GT"))), "initialEvent", Map.of("type",
                        "DEACTIVATION", "occurredOn", "2026-11-20", "deactivation", Map.of("certificateNumber", "GT-0",
                                "standardApplied", EU, "verifyingAuthority", "Proof house"))));
        assertThat(started.getStatusCode().value()).isEqualTo(409);
        assertThat(started.getBody().get("code")).isEqualTo("STANDARD_NOT_MET");

        // a correction cannot carry deactivation particulars, and a withdrawn deactivation leaves the weaker list
        Map<String, Object> item = registrar.ok(registrar.post("/api/v1/items", Map.of("kind", "PISTOL", "manufacturer", "CZ",
                "markings", List.of(marking("CZ", "Czechia", JsonApi.unique("GT"))))), 201);
        String events = "/api/v1/items/" + item.get("id") + "/events";
        StandardPack mosaic = new StandardPacks().latest("mosaic-05-55").orElseThrow();
        registrar.ok(registrar.post("/api/v1/standards/mosaic-05-55/assessments", Map.of("version", "1", "firearmType", "PISTOL",
                "item", item.get("id"), "facts", Comparison.referenceItem(mosaic, FirearmType.PISTOL), "decisions",
                StandardsIT.verified())), 201);
        Map<String, Object> deactivated = registrar.ok(registrar.post(events, Map.of("type", "DEACTIVATION", "occurredOn",
                "2026-11-21", "deactivation", Map.of("certificateNumber", "GT-1", "standardApplied", "mosaic-05-55@1",
                        "verifyingAuthority", "Elsewhere"))), 201);
        Object deactivation = ((Map<?, ?>) ((List<?>) deactivated.get("history")).get(0)).get("id");
        var sneaky = registrar.post(events, Map.of("type", "CORRECTION", "occurredOn", "2026-11-22", "corrects", deactivation,
                "reason", "other standard", "deactivation", Map.of("certificateNumber", "GT-2", "standardApplied", EU,
                        "verifyingAuthority", "Here")));
        assertThat(sneaky.getStatusCode().value()).isEqualTo(400);
        assertThat(sneaky.getBody().get("errors").toString()).contains("deactivation");
        Map<String, Object> amended = registrar.ok(registrar.post(events, Map.of("type", "CORRECTION", "occurredOn", "2026-11-22",
                "corrects", deactivation, "reason", "typo in reference", "amend", Map.of("reference", "REF-2"))), 201);
        assertThat(amended.get("history").toString()).contains("GT-1", "mosaic-05-55@1").doesNotContain("GT-2");
        assertThat(expert.list("/api/v1/standards/weaker-deactivations?than={than}", EU))
                .extracting(w -> w.get("item")).contains(item.get("id"));

        Map<String, Object> withdrawn = registrar.ok(registrar.post(events, Map.of("type", "CORRECTION", "occurredOn", "2026-11-22",
                "corrects", deactivation, "reason", "recorded on the wrong item")), 201);
        assertThat(withdrawn.get("status")).isEqualTo("IN_LAWFUL_POSSESSION");
        assertThat(expert.list("/api/v1/standards/weaker-deactivations?than={than}", EU))
                .extracting(w -> w.get("item")).doesNotContain(item.get("id"));
    }
}
