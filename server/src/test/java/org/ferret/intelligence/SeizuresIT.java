package org.ferret.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.intelligence.SeizuresApi.problems;
import static org.ferret.intelligence.SeizuresApi.unique;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/** Seizures over HTTP (issue 14): record, link and register items, import CSV and JSON all or nothing, persons apart. */
@FerretIntegrationTest
class SeizuresIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecordCoverageVerifier coverage;
    SeizuresApi intel;
    SeizuresApi registrar;

    @BeforeEach
    void setUp() {
        intel = new SeizuresApi(port, "intel");
        registrar = new SeizuresApi(port, "registrar");
    }

    static String day(int daysAgo) {
        return LocalDate.now().minusDays(daysAgo).toString();
    }

    Map<String, Object> seizure(String reference, List<Map<String, Object>> items) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("reference", reference);
        s.put("seizedOn", day(5));
        s.put("country", "FI");
        s.put("locality", "Vaalimaa");
        s.put("latitude", 60.57);
        s.put("longitude", 27.83);
        s.put("agency", "Finnish Customs");
        s.put("legalJustification", "ILLICIT_POSSESSION");
        s.put("criminalContext", "ORGANISED_CRIME");
        s.put("conveyance", "VEHICLE");
        s.put("concealment", "VEHICLE_COMPARTMENT");
        s.put("origin", "DE");
        s.put("transit", List.of("PL", "LT"));
        s.put("destination", "FI");
        s.put("items", items);
        return s;
    }

    String registeredPistol() {
        return (String) registrar.ok(registrar.post("/api/v1/items", Map.of("kind", "PISTOL", "manufacturer", "Glock",
                "model", "17", "calibre", "9x19mm", "countryOfManufacture", "AT", "yearOfManufacture", 2015,
                "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Glock", "countryOrPlace", "Austria",
                        "serialNumber", unique("SZ"), "location", "frame", "method", "STAMPED")))), 201).get("id");
    }

    @Test
    void records_a_seizure_that_links_a_registry_pistol_registers_an_unmarked_printed_frame_and_counts_ammunition() {
        String pistol = registeredPistol();
        String ref = unique("SZ");
        Map<String, Object> s = intel.ok(intel.post("/api/v1/seizures", seizure(ref, List.of(
                Map.of("type", "FIREARM", "registryItem", pistol),
                Map.of("type", "COMPONENT", "itemKind", "FRAME", "construction", "ADDITIVELY_MANUFACTURED", "marked", "no"),
                Map.of("type", "AMMUNITION", "calibre", "9x19mm", "quantity", 150)))), 201);

        assertThat(s.get("reference")).isEqualTo(ref);
        assertThat(s.get("legalJustification")).isEqualTo("ILLICIT_POSSESSION");
        assertThat(s.get("criminalContext")).isEqualTo("ORGANISED_CRIME");
        assertThat(s.get("transit")).isEqualTo(List.of("PL", "LT"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) s.get("items");
        assertThat(items).extracting(i -> i.get("type")).containsExactly("FIREARM", "COMPONENT", "AMMUNITION");
        assertThat(items.get(0)).containsEntry("registryItem", pistol).containsEntry("registeredHere", false)
                .containsEntry("itemKind", "PISTOL").containsEntry("yearOfManufacture", 2015);
        assertThat(items.get(1)).containsEntry("registeredHere", true).containsEntry("marked", false);
        assertThat(items.get(2)).containsEntry("quantity", 150).containsEntry("registryItem", null);

        Map<String, Object> frame = registrar.ok(registrar.get("/api/v1/items/{id}", items.get(1).get("registryItem")), 200);
        assertThat(frame.get("markingRequired")).as("an unmarked seized frame needs marking (art. 8)").isEqualTo(true);
        assertThat(frame.get("status")).isEqualTo("SEIZED");
        Map<String, Object> linked = registrar.ok(registrar.get("/api/v1/items/{id}", pistol), 200);
        assertThat(linked.get("status")).as("the linked pistol's history gets the seizure").isEqualTo("SEIZED");

        assertThat(jdbc.sql("select count(*) from audit_log where action = 'SEIZURE_RECORDED' and entity_id = ?")
                .param(s.get("id")).query(Integer.class).single()).isEqualTo(1);
        assertThat(coverage.verify().intact()).as("the seizure rows are covered by the audit chain").isTrue();
    }

    @Test
    void refuses_a_seizure_naming_every_field_at_fault_and_writes_nothing() {
        Map<String, Object> bad = seizure(unique("SZ"), List.of(
                Map.of("type", "COMPONENT", "construction", "PRINTED"),
                Map.of("type", "AMMUNITION", "serial", "X1")));
        bad.put("country", "XX");
        bad.put("seizedOn", "14.03.2026");
        bad.remove("criminalContext");
        bad.put("latitude", 123);
        var res = intel.post("/api/v1/seizures", bad);

        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getBody().get("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(problems(res.getBody())).contains("country", "seizedOn", "criminalContext", "latitude",
                "items[0].itemKind", "items[0].construction", "items[1].serial", "items[1].calibre", "items[1].quantity");
        assertThat(jdbc.sql("select count(*) from intel_seizure where reference = ?").param(bad.get("reference"))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void refuses_a_link_to_an_item_the_registry_does_not_hold_and_a_reference_twice() {
        String ref = unique("SZ");
        var missing = intel.post("/api/v1/seizures", seizure(ref, List.of(
                Map.of("type", "FIREARM", "registryItem", "00000000-0000-0000-0000-000000000001"))));
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(problems(missing.getBody())).containsExactly("items[0].registryItem");

        intel.ok(intel.post("/api/v1/seizures", seizure(ref, List.of(Map.of("type", "AMMUNITION", "calibre", "7.62x39mm", "quantity", 30)))), 201);
        var again = intel.post("/api/v1/seizures", seizure(ref, List.of(Map.of("type", "AMMUNITION", "calibre", "7.62x39mm", "quantity", 30))));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(problems(again.getBody())).containsExactly("reference");
    }

    static final String HEADER = "reference,kind,seizedOn,country,locality,agency,legalJustification,criminalContext,"
            + "conveyance,concealment,origin,transit,destination,type,itemKind,construction,marked,serial,calibre,quantity\n";

    @Test
    void imports_seizures_from_csv_one_row_per_item() {
        String a = unique("CSV");
        String b = unique("CSV");
        String csv = HEADER
                + a + ",SEIZED," + day(40) + ",FI,Helsinki,Police,ILLICIT_TRAFFICKING,TRAFFICKING,POSTAL,AMONG_GOODS,US,,FI,COMPONENT,SLIDE,,yes,S-1,,\n"
                + a + ",,,,,,,,,,,,,AMMUNITION,,,,,9x19mm,500\n"
                + b + ",FOUND," + day(30) + ",FI,Turku,Police,OTHER_OFFENCE,VIOLENT_CRIME,PREMISES,NONE,,,,FIREARM,REVOLVER,REACTIVATED,no,,,\n";
        Map<String, Object> r = intel.ok(intel.postCsv("/api/v1/seizures/import", csv), 200);

        assertThat(r.get("seizures")).isEqualTo(2);
        assertThat(r.get("items")).isEqualTo(3);
        List<Map<String, Object>> found = intel.list("/api/v1/seizures?kind=FOUND&limit=1000");
        assertThat(found).extracting(s -> s.get("reference")).contains(b).doesNotContain(a);
    }

    @Test
    void rejects_a_csv_import_whole_naming_each_bad_line_and_column() {
        String a = unique("CSV");
        String b = unique("CSV");
        String csv = HEADER
                + a + ",SEIZED," + day(40) + ",FI,Helsinki,Police,ILLICIT_TRAFFICKING,TRAFFICKING,POSTAL,AMONG_GOODS,US,,FI,COMPONENT,SLIDE,,yes,S-2,,\n"
                + a + ",SEIZED," + day(41) + ",,,,,,,,,,,AMMUNITION,,,,,9x19mm,lots\n"
                + b + ",SEIZED," + day(30) + ",FI,Turku,Police,SMUGGLING,VIOLENT_CRIME,PREMISES,NONE,,,,FIREARM,,,,,,\n";
        var res = intel.postCsv("/api/v1/seizures/import", csv);

        assertThat(res.getStatusCode().value()).isEqualTo(422);
        assertThat(res.getBody().get("code")).isEqualTo("IMPORT_REJECTED");
        assertThat(problems(res.getBody())).containsExactlyInAnyOrder("3:seizedOn", "3:quantity", "4:legalJustification");
        assertThat(jdbc.sql("select count(*) from intel_seizure where reference in (?, ?)").params(a, b)
                .query(Integer.class).single()).as("nothing half-written").isZero();
    }

    @Test
    void imports_seizures_from_json_all_or_nothing() {
        String a = unique("JS");
        String b = unique("JS");
        Map<String, Object> bad = seizure(b, List.of(Map.of("type", "GRENADE")));
        var res = intel.post("/api/v1/seizures/import", List.of(
                seizure(a, List.of(Map.of("type", "AMMUNITION", "calibre", ".22 LR", "quantity", 50))), bad));
        assertThat(res.getStatusCode().value()).isEqualTo(422);
        assertThat(problems(res.getBody())).containsExactly("[1].items[0].type");
        assertThat(jdbc.sql("select count(*) from intel_seizure where reference = ?").param(a).query(Integer.class).single()).isZero();

        Map<String, Object> ok = intel.ok(intel.post("/api/v1/seizures/import", List.of(
                seizure(a, List.of(Map.of("type", "AMMUNITION", "calibre", ".22 LR", "quantity", 50))))), 200);
        assertThat(ok.get("references")).isEqualTo(List.of(a));
    }

    @Test
    void keeps_persons_apart_readable_only_with_the_need_and_the_read_audited() {
        Map<String, Object> s = seizure(unique("SZ"), List.of(Map.of("type", "AMMUNITION", "calibre", "9x19mm", "quantity", 20)));
        s.put("persons", List.of(Map.of("role", "SUSPECT", "name", "Erkki Esimerkki", "nationality", "FI", "birthYear", 1980)));
        Map<String, Object> saved = intel.ok(intel.post("/api/v1/seizures", s), 201);
        assertThat(saved.get("persons")).isEqualTo(1);
        assertThat(saved.toString()).doesNotContain("Esimerkki");

        assertThat(intel.status("/api/v1/seizures/" + saved.get("id") + "/persons")).isEqualTo(403);
        SeizuresApi investigator = new SeizuresApi(port, "investigator");
        List<Map<String, Object>> persons = investigator.list("/api/v1/seizures/{id}/persons", saved.get("id"));
        assertThat(persons).extracting(p -> p.get("name")).containsExactly("Erkki Esimerkki");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'READ_PERSONAL_DATA' and entity_id = ?")
                .param(saved.get("id")).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_id = ? and after_json like '%Esimerkki%'")
                .param(saved.get("id")).query(Integer.class).single()).as("no name in the audit entry").isZero();
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate template;

    @Test
    void a_seizure_item_altered_in_the_database_is_found_and_the_tables_are_checked() {
        Map<String, Object> s = intel.ok(intel.post("/api/v1/seizures", seizure(unique("SZ"),
                List.of(Map.of("type", "AMMUNITION", "calibre", "9x19mm", "quantity", 20)))), 201);
        RecordCoverageVerifier.Verification v = coverage.verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.tables()).contains("intel_seizure", "intel_seizure_transit", "intel_seizure_item",
                "intel_seizure_person", "intel_tracing_outcome");
        org.ferret.testsupport.Dba.of(template).update("update intel_seizure_item set quantity = 2000 where seizure_id = ?",
                java.util.UUID.fromString((String) s.get("id")));
        try {
            assertThat(coverage.verify().problems()).extracting(RecordCoverageVerifier.Problem::what)
                    .anySatisfy(w -> assertThat(w).contains("of intel_seizure_item was altered"));
        } finally {
            org.ferret.testsupport.Dba.of(template).update("update intel_seizure_item set quantity = 20 where seizure_id = ?",
                    java.util.UUID.fromString((String) s.get("id")));
        }
        assertThat(coverage.verify().problems()).isEmpty();
    }

    @Test
    void on_postgresql_the_seizure_tables_refuse_an_update_or_delete() throws Exception {
        String product;
        try (var c = template.getDataSource().getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(product.contains("PostgreSQL"), "triggers are PostgreSQL's (V161)");
        Map<String, Object> s = intel.ok(intel.post("/api/v1/seizures", seizure(unique("SZ"),
                List.of(Map.of("type", "AMMUNITION", "calibre", "9x19mm", "quantity", 20)))), 201);
        java.util.UUID id = java.util.UUID.fromString((String) s.get("id"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> template.update("update intel_seizure set agency = 'x' where id = ?", id))
                .rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> template.update("delete from intel_seizure_transit where seizure_id = ?", id))
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void lets_only_intelligence_roles_see_or_record_seizures() {
        assertThat(registrar.status("/api/v1/seizures")).isEqualTo(403);
        assertThat(new SeizuresApi(port, "admin").status("/api/v1/seizures")).isEqualTo(403);
        assertThat(new SeizuresApi(port, "investigator").status("/api/v1/seizures")).isEqualTo(200);
        assertThat(registrar.post("/api/v1/seizures", Map.of()).getStatusCode().value()).isEqualTo(403);
    }
}
