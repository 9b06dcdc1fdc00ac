package org.ferret.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.JsonApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Standards over HTTP (issue 15): packs, assessments stored and audited, comparison, and the registry's deactivation gate. */
@FerretIntegrationTest
class StandardsIT {

    static final String EU = "eu-2015-2403@2018/337";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    JsonApi expert;
    JsonApi registrar;

    @BeforeEach
    void setUp() {
        expert = new JsonApi(port, "expert");
        registrar = new JsonApi(port, "registrar");
    }

    /** A pistol deactivated to the EU standard as its examples state it, with the pin diameter given. */
    static Map<String, Object> euPistol(double pinDiameter) {
        Map<String, Object> f = new LinkedHashMap<>(Comparison.referenceItem(new StandardPacks().latest("eu-2015-2403").orElseThrow(),
                FirearmType.PISTOL));
        f.put("pin_diameter", pinDiameter);
        return f;
    }

    static Map<String, Object> verified() {
        return Map.of("verification", Map.of("met", true, "evidence", Map.of("verifying_authority", "National Proof House",
                "verification_report", "NPH-2026-17")));
    }

    @Test
    void lists_the_packs_and_reads_one_with_its_facts_units_and_paragraphs() {
        assertThat(expert.list("/api/v1/standards")).extracting(m -> m.get("reference")).contains(EU, "mosaic-05-55@1");
        Map<String, Object> pack = expert.ok(expert.get("/api/v1/standards/eu-2015-2403"), 200);
        assertThat(pack.get("requirements").toString()).contains("Annex I, Table I, 1.2", "unverified");
        assertThat(pack.get("facts").toString()).contains("pin_diameter", "unit=mm");
    }

    @Test
    void an_assessment_is_stored_audited_and_names_what_is_missing_by_paragraph() {
        var res = expert.post("/api/v1/standards/eu-2015-2403/assessments", Map.of("version", "2018/337",
                "firearmType", "PISTOL", "facts", euPistol(4.0), "decisions", verified()));
        Map<String, Object> a = expert.ok(res, 201);
        assertThat(((Map<?, ?>) a.get("result")).get("verdict")).isEqualTo("FAILED");
        assertThat(a.get("missing").toString()).contains("Annex I, Table I, 1.2 (Hardened pin or welded plug in the chamber): not met");
        assertThat(a.get("assessedBy")).isEqualTo("expert");
        Map<String, Object> again = expert.ok(expert.get("/api/v1/standards/assessments/" + a.get("id")), 200);
        assertThat(again.get("missing")).isEqualTo(a.get("missing"));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'STANDARD_ASSESSED' and entity_id = ?")
                .param(a.get("id")).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void a_fact_out_of_range_is_refused_naming_the_fact_and_nothing_is_stored() {
        long before = jdbc.sql("select count(*) from standards_assessment").query(Long.class).single();
        var res = expert.post("/api/v1/standards/eu-2015-2403/assessments", Map.of("version", "2018/337",
                "firearmType", "PISTOL", "facts", Map.of("pin_diameter", 400, "breech_face_angle", "steep")));
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getBody().get("errors").toString()).contains("facts.pin_diameter", "value out of range", "facts.breech_face_angle");
        assertThat(jdbc.sql("select count(*) from standards_assessment").query(Long.class).single()).isEqualTo(before);
        assertThat(expert.post("/api/v1/standards/eu-2015-2403/assessments", Map.of("version", "1999")).getBody().toString())
                .contains("versions of eu-2015-2403: 2018/337");
    }

    @Test
    void compares_an_item_deactivated_to_the_principles_with_the_eu_operations() {
        Map<String, Object> c = expert.ok(expert.post("/api/v1/standards/compare", Map.of("from", "mosaic-05-55@1", "to", EU,
                "firearmType", "PISTOL")), 200);
        assertThat(c.get("operationsSuffice")).isEqualTo(false);
        assertThat(c.get("missing").toString()).contains("Annex I, Table I, 1.1", "Annex I, Table I, 1.7");
        assertThat(expert.list("/api/v1/standards/eu-2015-2403/diff?from={a}&to={b}", "2018/337", "2018/337")).isEmpty();
    }

    @Test
    void a_deactivation_needs_a_passing_assessment_under_the_named_version() {
        Map<String, Object> item = registrar.ok(registrar.post("/api/v1/items", Map.of("kind", "PISTOL", "manufacturer", "Glock",
                "calibre", "9x19mm", "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Glock",
                        "countryOrPlace", "Austria", "serialNumber", JsonApi.unique("DA"))))), 201);
        Map<String, Object> deactivation = Map.of("type", "DEACTIVATION", "occurredOn", "2026-11-20", "deactivation",
                Map.of("certificateNumber", "NPH-D-1", "standardApplied", EU, "verifyingAuthority", "National Proof House",
                        "deactivationMark", "EU mark"));
        String events = "/api/v1/items/" + item.get("id") + "/events";

        var none = registrar.post(events, deactivation);
        assertThat(none.getStatusCode().value()).isEqualTo(409);
        assertThat(none.getBody().get("code")).isEqualTo("STANDARD_NOT_MET");
        assertThat(none.getBody().get("errors").toString()).contains("deactivation.standardApplied", "no assessment");

        registrar.ok(registrar.post("/api/v1/standards/eu-2015-2403/assessments", Map.of("version", "2018/337",
                "firearmType", "PISTOL", "item", item.get("id"), "facts", euPistol(4.0), "decisions", verified())), 201);
        var refused = registrar.post(events, deactivation);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("errors").toString()).contains("Annex I, Table I, 1.2");

        registrar.ok(registrar.post("/api/v1/standards/eu-2015-2403/assessments", Map.of("version", "2018/337",
                "firearmType", "PISTOL", "item", item.get("id"), "facts", euPistol(5.5), "decisions", verified())), 201);
        Map<String, Object> after = registrar.ok(registrar.post(events, deactivation), 201);
        assertThat(after.toString()).contains("NPH-D-1", EU);

        var unknown = registrar.post(events, Map.of("type", "DEACTIVATION", "occurredOn", "2026-11-20", "deactivation",
                Map.of("certificateNumber", "X", "standardApplied", "EU 2018/337", "verifyingAuthority", "Proof house")));
        assertThat(unknown.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void lists_items_deactivated_under_a_standard_weaker_than_another() {
        Map<String, Object> item = registrar.ok(registrar.post("/api/v1/items", Map.of("kind", "PISTOL", "manufacturer", "CZ",
                "calibre", "9x19mm", "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "CZ",
                        "countryOrPlace", "Czechia", "serialNumber", JsonApi.unique("WK"))))), 201);
        StandardPack mosaic = new StandardPacks().latest("mosaic-05-55").orElseThrow();
        registrar.ok(registrar.post("/api/v1/standards/mosaic-05-55/assessments", Map.of("version", "1", "firearmType", "PISTOL",
                "item", item.get("id"), "facts", Comparison.referenceItem(mosaic, FirearmType.PISTOL), "decisions", verified())), 201);
        registrar.ok(registrar.post("/api/v1/items/" + item.get("id") + "/events", Map.of("type", "DEACTIVATION",
                "occurredOn", "2026-11-21", "deactivation", Map.of("certificateNumber", "WK-1", "standardApplied", "mosaic-05-55@1",
                        "verifyingAuthority", "Elsewhere"))), 201);
        List<Map<String, Object>> weaker = expert.list("/api/v1/standards/weaker-deactivations?than={than}", EU);
        assertThat(weaker).anySatisfy(w -> {
            assertThat(w.get("item")).isEqualTo(item.get("id"));
            assertThat(w.get("certificate")).isEqualTo("WK-1");
            assertThat(w.get("missing").toString()).contains("Annex I, Table I, 1.1");
        });
    }
}
