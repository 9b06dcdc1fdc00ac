package org.ferret.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.testsupport.JsonApi.unique;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferret.audit.RecordCoverageVerifier;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Import authorisations issued by this state (Protocol art. 10) and the registry's import and transit events: an
 * import naming an authorisation is checked and drawn down, each refusal names its field and provision and leaves
 * nothing written; a transit keeps the holder.
 */
@FerretIntegrationTest
class ImportAuthorisationIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordCoverageVerifier coverage;

    LicensingApi registrar;
    LicensingApi officer;
    String importer;

    @BeforeEach
    void setUp() {
        registrar = new LicensingApi(port, "registrar");
        officer = new LicensingApi(port, "licensing");
        importer = LicensingApi.dealer(registrar);
    }

    private Map<String, Object> request(String importer, String from, LocalDate validFrom, LocalDate validUntil,
            List<Map<String, Object>> lines) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("importer", importer);
        m.put("countryOfExport", from);
        m.put("validFrom", validFrom == null ? null : validFrom.toString());
        m.put("validUntil", validUntil == null ? null : validUntil.toString());
        m.put("lines", lines);
        return m;
    }

    private static Map<String, Object> line(String kind, String description, Object quantity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("description", description);
        m.put("quantity", quantity);
        return m;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> issue(String kind, int quantity) {
        Map<String, Object> json = officer.ok(officer.post("/api/v1/import-authorisations", request(importer, "DE",
                LocalDate.now().minusDays(10), LocalDate.now().plusMonths(6),
                List.of(line(kind, "Pistols, 9x19mm", quantity)))), 201);
        return (Map<String, Object>) json.get("authorisation");
    }

    /** An item registered with no events, so that its first event is the import under test. */
    private String pistol() {
        return (String) registrar.ok(registrar.post("/api/v1/items", Map.of("kind", "PISTOL", "manufacturer", "Walther",
                "model", "PDP", "calibre", "9x19mm", "countryOfManufacture", "DE", "yearOfManufacture", 2024,
                "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Walther", "countryOrPlace", "Ulm, DE",
                        "serialNumber", unique("IA"), "year", 2024)))), 201).get("id");
    }

    private ResponseEntity<Map<String, Object>> importEvent(String item, String authorisation, String holder,
            LocalDate on, String from) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "IMPORT");
        e.put("occurredOn", on.toString());
        e.put("country", from);
        e.put("holderId", holder);
        e.put("authorisation", authorisation);
        return registrar.post("/api/v1/items/" + item + "/events", e);
    }

    private int events(String item) {
        return ((List<?>) registrar.get("/api/v1/items/" + item).getBody().get("history")).size();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> authorisation(String id) {
        return (Map<String, Object>) officer.ok(officer.get("/api/v1/import-authorisations/" + id), 200)
                .get("authorisation");
    }

    @SuppressWarnings("unchecked")
    private static int used(Map<String, Object> a) {
        return ((Number) ((List<Map<String, Object>>) a.get("lines")).getFirst().get("used")).intValue();
    }

    private static void refused(ResponseEntity<Map<String, Object>> res, String field, String words) {
        assertThat(res.getStatusCode().value()).as(String.valueOf(res.getBody())).isEqualTo(409);
        assertThat(res.getBody().get("code")).isEqualTo("LICENCE_NOT_VALID");
        assertThat(res.getBody().get("errors").toString()).contains("field=" + field).contains(words);
    }

    @Test
    void an_import_under_a_valid_authorisation_is_recorded_with_it_and_draws_it_down() {
        Map<String, Object> a = issue("PISTOL", 2);
        String item = pistol();

        var res = importEvent(item, (String) a.get("number"), importer, LocalDate.now(), "DE");

        assertThat(res.getStatusCode().value()).as(String.valueOf(res.getBody())).isEqualTo(201);
        assertThat(res.getBody().get("history").toString()).contains("authorisation=" + a.get("number"));
        assertThat(res.getBody().get("currentHolderId")).isEqualTo(importer);
        Map<String, Object> after = authorisation((String) a.get("id"));
        assertThat(used(after)).isEqualTo(1);
        assertThat(after.get("uses").toString()).contains(item);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'IMPORT_AUTHORISATION_DRAWN_DOWN' "
                + "and entity_id = ?").param(a.get("id")).query(Integer.class).single()).isEqualTo(1);
        assertThat(coverage.verify().problems()).as("the import authorisation rows are covered").isEmpty();
        assertThat(coverage.verify().tables()).contains("licensing_import_authorisation", "licensing_import_line",
                "licensing_import_drawdown", "licensing_unauthorised_import");
    }

    @Test
    void an_item_registered_with_its_import_as_first_event_draws_the_authorisation_down_too() {
        Map<String, Object> a = issue("PISTOL", 1);
        Map<String, Object> initial = new LinkedHashMap<>();
        initial.put("type", "IMPORT");
        initial.put("occurredOn", LocalDate.now().toString());
        initial.put("country", "DE");
        initial.put("holderId", importer);
        initial.put("authorisation", a.get("number"));
        String serial = unique("IR");
        var res = registrar.post("/api/v1/items", Map.of("kind", "PISTOL", "countryOfManufacture", "DE",
                "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Walther", "countryOrPlace", "DE",
                        "serialNumber", serial, "year", 2024)), "initialEvent", initial));
        assertThat(res.getStatusCode().value()).as(String.valueOf(res.getBody())).isEqualTo(201);
        Map<String, Object> after = authorisation((String) a.get("id"));
        assertThat(used(after)).isEqualTo(1);
        assertThat(after.get("status")).isEqualTo("EXHAUSTED");

        // the same authorisation, used up, refuses the next registration and nothing of it is written
        String other = unique("IR");
        var again = registrar.post("/api/v1/items", Map.of("kind", "PISTOL", "countryOfManufacture", "DE",
                "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Walther", "countryOrPlace", "DE",
                        "serialNumber", other, "year", 2024)), "initialEvent", initial));
        refused(again, "authorisation", "used up");
        assertThat(registrar.list("/api/v1/items?serial=" + other)).isEmpty();
    }

    @Test
    void an_import_after_the_authorisation_expired_is_refused_naming_the_date() {
        Map<String, Object> a = issue("PISTOL", 2);
        String item = pistol();
        // the authorisation's validity ran out yesterday (back-dated, then put back so the audit chain stays intact)
        jdbc.sql("update licensing_import_authorisation set valid_from = ?, valid_until = ? where id = cast(? as uuid)")
                .params(LocalDate.now().minusDays(60), LocalDate.now().minusDays(1), a.get("id")).update();
        try {
            var res = importEvent(item, (String) a.get("number"), importer, LocalDate.now(), "DE");
            refused(res, "occurredOn", "art. 10(3)");
            assertThat(events(item)).isZero();
            assertThat(authorisation((String) a.get("id")).get("status")).isEqualTo("ISSUED");
            assertThat(officer.get("/api/v1/import-authorisations/" + a.get("id")).getBody().get("standing"))
                    .isEqualTo("EXPIRED");
        } finally {
            jdbc.sql("update licensing_import_authorisation set valid_from = ?, valid_until = ? where id = cast(? as uuid)")
                    .params(LocalDate.parse((String) a.get("validFrom")), LocalDate.parse((String) a.get("validUntil")),
                            a.get("id")).update();
        }
        assertThat(used(authorisation((String) a.get("id")))).isZero();
    }

    @Test
    void an_import_to_another_holder_than_the_importer_is_refused_and_nothing_is_written() {
        Map<String, Object> a = issue("PISTOL", 2);
        String item = pistol();
        String someoneElse = LicensingApi.dealer(registrar);

        refused(importEvent(item, (String) a.get("number"), someoneElse, LocalDate.now(), "DE"), "holder",
                "another importer");
        refused(importEvent(item, (String) a.get("number"), null, LocalDate.now(), "DE"), "holder",
                "names the importer");
        refused(importEvent(item, (String) a.get("number"), importer, LocalDate.now(), "AT"), "country",
                "covers imports from DE, not AT");

        assertThat(events(item)).isZero();
        assertThat(used(authorisation((String) a.get("id")))).isZero();
    }

    @Test
    void an_exhausted_authorisation_and_an_uncovered_kind_are_refused() {
        Map<String, Object> a = issue("PISTOL", 1);
        String first = pistol();
        String second = pistol();
        assertThat(importEvent(first, (String) a.get("number"), importer, LocalDate.now(), "DE").getStatusCode()
                .value()).isEqualTo(201);

        refused(importEvent(second, (String) a.get("number"), importer, LocalDate.now(), "DE"), "authorisation",
                "used up");
        assertThat(events(second)).isZero();

        Map<String, Object> revolvers = issue("REVOLVER", 3);
        refused(importEvent(second, (String) revolvers.get("number"), importer, LocalDate.now(), "DE"),
                "authorisation", "covers no pistol");
        refused(importEvent(second, "IMP-0000-000000", importer, LocalDate.now(), "DE"), "authorisation",
                "no import authorisation IMP-0000-000000 was issued here");
        assertThat(events(second)).isZero();
    }

    @Test
    void an_authorisation_is_not_reused_for_the_same_item() {
        Map<String, Object> a = issue("PISTOL", 3);
        String item = pistol();
        assertThat(importEvent(item, (String) a.get("number"), importer, LocalDate.now().minusDays(2), "DE")
                .getStatusCode().value()).isEqualTo(201);

        refused(importEvent(item, (String) a.get("number"), importer, LocalDate.now(), "DE"), "authorisation",
                "already imported under");
        assertThat(events(item)).isEqualTo(1);
        assertThat(used(authorisation((String) a.get("id")))).isEqualTo(1);
    }

    @Test
    void an_import_naming_no_authorisation_is_recorded_and_flagged() {
        String item = pistol();
        var res = importEvent(item, null, null, LocalDate.now(), "SE");
        assertThat(res.getStatusCode().value()).isEqualTo(201);
        assertThat(officer.list("/api/v1/import-authorisations/unauthorised-imports?limit=500").toString())
                .contains(item);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_bad_authorisation_request_names_every_field_and_writes_nothing() {
        int before = jdbc.sql("select count(*) from licensing_import_authorisation").query(Integer.class).single();
        var res = officer.post("/api/v1/import-authorisations", request(null, "XX", LocalDate.now().plusDays(10),
                LocalDate.now().plusDays(5), List.of(line("TANK", "", 0), line("PISTOL", "Pistols", -2))));

        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(((List<Map<String, Object>>) res.getBody().get("errors"))).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("importer", "countryOfExport", "validUntil", "lines[1].kind",
                        "lines[1].description", "lines[1].quantity", "lines[2].quantity");
        assertThat(jdbc.sql("select count(*) from licensing_import_authorisation").query(Integer.class).single())
                .isEqualTo(before);
    }

    @Test
    void a_revoked_authorisation_refuses_imports() {
        Map<String, Object> a = issue("PISTOL", 2);
        assertThat(officer.post("/api/v1/import-authorisations/" + a.get("id") + "/revoke", Map.of()).getStatusCode()
                .value()).isEqualTo(400);
        officer.ok(officer.post("/api/v1/import-authorisations/" + a.get("id") + "/revoke",
                Map.of("reason", "importer's licence withdrawn")), 200);
        String item = pistol();
        refused(importEvent(item, (String) a.get("number"), importer, LocalDate.now(), "DE"), "authorisation",
                "revoked");
        assertThat(officer.post("/api/v1/import-authorisations/" + a.get("id") + "/revoke",
                Map.of("reason", "again")).getStatusCode().value()).isEqualTo(409);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate template;

    @Test
    void the_export_licence_tables_are_covered_and_a_licence_altered_in_the_database_is_found() {
        String pistol = LicensingApi.pistolHeldBy(registrar, importer);
        Map<String, Object> applied = LicensingApi.licence(officer.ok(officer.post("/api/v1/licences",
                LicensingApi.application(importer, "DE", List.of("SE"), LicensingApi.items(pistol))), 201));
        officer.ok(officer.post("/api/v1/licences/" + applied.get("id") + "/answers",
                LicensingApi.answer("IMPORT_AUTHORISATION", "DE", LocalDate.now().plusYears(1))), 201);
        RecordCoverageVerifier.Verification v = coverage.verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.tables()).contains("licensing_licence", "licensing_transit", "licensing_goods_line",
                "licensing_authorisation", "licensing_drawdown", "licensing_history", "licensing_unlicensed_export",
                "licensing_node_request", "licensing_receipt");
        var dba = org.ferret.testsupport.Dba.of(template);
        dba.update("update licensing_licence set final_recipient = 'Someone else' where id = ?",
                java.util.UUID.fromString((String) applied.get("id")));
        try {
            assertThat(coverage.verify().problems()).extracting(RecordCoverageVerifier.Problem::what)
                    .anySatisfy(w -> assertThat(w).contains("of licensing_licence was altered"));
        } finally {
            dba.update("update licensing_licence set final_recipient = ? where id = ?", applied.get("finalRecipient"),
                    java.util.UUID.fromString((String) applied.get("id")));
        }
        assertThat(coverage.verify().problems()).isEmpty();
    }

    // ---- transit (art. 10(2)(b)) -------------------------------------------------------------------

    private ResponseEntity<Map<String, Object>> transit(String item, String from, String to, String authorisation,
            LocalDate on, LocalDate until) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "TRANSIT");
        e.put("occurredOn", on.toString());
        e.put("country", from);
        e.put("toCountry", to);
        e.put("authorisation", authorisation);
        e.put("until", until == null ? null : until.toString());
        return registrar.post("/api/v1/items/" + item + "/events", e);
    }

    @Test
    void a_transit_is_recorded_without_changing_the_holder() {
        String item = LicensingApi.pistolHeldBy(registrar, importer);

        var res = transit(item, "DE", "NO", "NOO-SE-2026-17", LocalDate.now().minusDays(1), LocalDate.now());

        assertThat(res.getStatusCode().value()).as(String.valueOf(res.getBody())).isEqualTo(201);
        assertThat(res.getBody().get("currentHolderId")).isEqualTo(importer);
        assertThat(res.getBody().get("status")).isEqualTo("IN_LAWFUL_POSSESSION");
        assertThat(res.getBody().get("history").toString()).contains("type=TRANSIT").contains("toCountry=NO")
                .contains("authorisation=NOO-SE-2026-17");
    }

    @Test
    void a_transit_without_its_particulars_is_refused_naming_the_field() {
        String item = LicensingApi.pistolHeldBy(registrar, importer);
        int before = events(item);
        assertThat(transit(item, "DE", "NO", null, LocalDate.now(), null).getBody().get("errors").toString())
                .contains("field=authorisation");
        assertThat(transit(item, "DE", "DE", "N-1", LocalDate.now(), null).getBody().get("errors").toString())
                .contains("field=toCountry");
        assertThat(transit(item, "DE", null, "N-1", LocalDate.now(), null).getBody().get("errors").toString())
                .contains("field=toCountry");
        assertThat(transit(item, "DE", "NO", "N-1", LocalDate.now(), LocalDate.now().minusDays(3)).getBody()
                .get("errors").toString()).contains("field=until");
        assertThat(transit(item, "DE", "ZZZ", "N-1", LocalDate.now(), null).getBody().get("errors").toString())
                .contains("field=toCountry");
        assertThat(events(item)).isEqualTo(before);
    }

    @Test
    void a_stolen_item_cannot_be_recorded_in_transit() {
        String item = LicensingApi.pistolHeldBy(registrar, importer);
        registrar.ok(registrar.post("/api/v1/items/" + item + "/events", Map.of("type", "THEFT_REPORTED",
                "occurredOn", LocalDate.now().minusDays(1).toString())), 201);
        var res = transit(item, "DE", "NO", "N-1", LocalDate.now(), null);
        assertThat(res.getStatusCode().value()).isEqualTo(409);
        assertThat(String.valueOf(res.getBody().get("detail"))).contains("A transit cannot be recorded");
    }
}
