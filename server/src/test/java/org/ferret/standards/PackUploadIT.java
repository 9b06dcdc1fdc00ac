package org.ferret.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ferret.audit.AuditLog;
import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.JsonApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * An authority uploads packs over HTTP (issue 15): a valid pack is stored, audited and usable at once; a bad one is
 * refused naming line and field; a stored version keeps its text; shipped packs stay; only MANAGE_STANDARDS uploads.
 * Each test uploads packs under an id of its own, so the shipped packs (and other tests) see no new latest version.
 */
@FerretIntegrationTest
class PackUploadIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    PlatformTransactionManager txm;
    JsonApi expert;
    JsonApi registrar;
    String id;

    @BeforeEach
    void setUp() {
        expert = new JsonApi(port, "expert");
        registrar = new JsonApi(port, "registrar");
        id = JsonApi.unique("up").toLowerCase(Locale.ROOT);
    }

    /** The small pack of {@link StandardPackTest} under this test's id (its lines as there). */
    String pack(String version) {
        return StandardPackTest.PACK.replace("id: test-pack", "id: " + id).replace("version: \"1\"", "version: \"" + version + "\"")
                .replace("purpose: deactivation", "purpose: marking");
    }

    ResponseEntity<Map<String, Object>> upload(JsonApi as, String text) {
        return as.post("/api/v1/standards", Map.of("text", text, "fileName", id + ".yaml"));
    }

    /** Another instance on the same database: its own packs, reading the stored ones at its start. */
    UploadedPacks instance(StandardPacks packs) {
        return new UploadedPacks(packs, jdbc, audit, txm, new StaticListableBeanFactory().getBeanProvider(java.time.Clock.class));
    }

    @Test
    void a_valid_pack_is_stored_audited_and_usable_for_an_assessment_at_once_and_again_after_a_restart() {
        StandardPacks elsewhere = new StandardPacks(StandardPacks.shipped());
        UploadedPacks other = instance(elsewhere);
        Map<String, Object> up = expert.ok(upload(expert, pack("1")), 201);
        assertThat(up.get("created")).isEqualTo(true);
        assertThat(up.get("uploadedBy")).isEqualTo("expert");
        assertThat(up.get("sha256")).isEqualTo(UploadedPacks.sha256(pack("1")));
        assertThat(up.get("pack").toString()).contains("reference=" + id + "@1", "uploaded=true");

        Map<String, Object> a = expert.ok(expert.post("/api/v1/standards/" + id + "/assessments", Map.of("version", "1",
                "firearmType", "PISTOL", "facts", Map.of("slot_width", 4, "calibre", 9, "feed_ramp_removed", true))), 201);
        assertThat(a.get("missing").toString()).contains("Annex I, 1.1 (Longitudinal slot): not met");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'STANDARD_PACK_UPLOADED' and entity_id = ?")
                .param(id + "@1").query(Long.class).single()).isEqualTo(1L);

        // the same text again changes nothing; CRLF line ends are the same text
        Map<String, Object> again = expert.ok(upload(expert, pack("1").replace("\n", "\r\n")), 200);
        assertThat(again.get("created")).isEqualTo(false);

        // a restart reads the stored pack again; another instance reads it at its next refresh
        StandardPacks restarted = new StandardPacks(StandardPacks.shipped());
        instance(restarted);
        assertThat(restarted.get(id, "1").requirement("slot").paragraph()).isEqualTo("Annex I, 1.1");
        assertThat(restarted.fromFile(restarted.get(id, "1"))).isFalse();
        assertThat(elsewhere.find(id, "1")).isEmpty();
        other.refresh();
        assertThat(elsewhere.find(id, "1")).isPresent();
        assertThat(other.stored(elsewhere.get(id, "1")).orElseThrow().uploadedBy()).isEqualTo("expert");
    }

    @Test
    void a_new_version_goes_beside_the_old_and_a_stored_version_keeps_its_text() {
        expert.ok(upload(expert, pack("1")), 201);
        Map<String, Object> old = expert.ok(expert.post("/api/v1/standards/" + id + "/assessments", Map.of("version", "1",
                "facts", Map.of("breech_face_angle", 60))), 201);

        var changed = upload(expert, pack("1").replace("breech_face_angle >= 45 deg", "breech_face_angle >= 50 deg"));
        assertThat(changed.getStatusCode().value()).isEqualTo(409);
        assertThat(changed.getBody().get("errors").toString()).contains("field=version", "with another text", "needs a new version");

        String v2 = pack("2").replace("in_force: 2020-01-01", "in_force: 2021-01-01")
                .replace("breech_face_angle >= 45 deg", "breech_face_angle >= 50 deg");
        var yaml = expert.client.post().uri("/api/v1/standards?fileName={f}", id + "-2.yaml")
                .contentType(MediaType.parseMediaType("application/yaml")).body(v2).retrieve().toEntity(Map.class);
        assertThat(yaml.getStatusCode().value()).isEqualTo(201);
        assertThat(expert.ok(expert.get("/api/v1/standards/" + id), 200).get("pack").toString()).contains("version=2");
        assertThat(expert.list("/api/v1/standards/" + id + "/diff?from=1&to=2")).extracting(c -> c.get("field"))
                .contains("version", "in_force", "condition");
        // the assessment made under version 1 still shows version 1
        assertThat(expert.ok(expert.get("/api/v1/standards/assessments/" + old.get("id")), 200).get("standard")).isEqualTo(id + "@1");

        // withdrawn: kept and readable, no new assessment
        expert.ok(expert.post("/api/v1/standards/" + id + "/withdrawal", Map.of("version", "1", "reason", "superseded by 2")), 200);
        var refused = expert.post("/api/v1/standards/" + id + "/assessments", Map.of("version", "1", "facts", Map.of()));
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("errors").toString()).contains("withdrawn; assess under another version: 2");
        assertThat(expert.ok(expert.get("/api/v1/standards/assessments/" + old.get("id")), 200).get("standard")).isEqualTo(id + "@1");
    }

    @Test
    void a_bad_pack_is_refused_naming_the_line_or_field_and_nothing_is_stored() {
        bad(pack("1").replace("title: A test pack", "title: [A test pack"), "(syntax)", null, "syntax error");
        bad(pack("1").replace("type: boolean}", "type: yesno}"), "facts.feed_ramp_removed.type", 14, "unknown fact type 'yesno'");
        bad(pack("1").replace("type: angle, unit: deg", "type: angle, unit: mm"), "facts.breech_face_angle.unit", 13, "unit mismatch");
        bad(pack("1").replace("    paragraph: Annex I, 1.7\n", ""), "requirements[angle].paragraph", 25, "cites no paragraph");
        bad(pack("1").replace("fail: {breech_face_angle: 30}", "fail: {breech_face_angle: 300}"),
                "requirements[angle].cases.fail.breech_face_angle", 32, "value out of range");
        assertThat(jdbc.sql("select count(*) from standards_pack where pack_id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(expert.get("/api/v1/standards/" + id).getStatusCode().value()).isEqualTo(404);
    }

    private void bad(String text, String field, Integer line, String message) {
        var res = upload(expert, text);
        assertThat(res.getStatusCode().value()).isEqualTo(422);
        assertThat(res.getBody().get("code")).isEqualTo("STANDARD_PACK_INVALID");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) res.getBody().get("errors");
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo(field);
            assertThat(e.get("message").toString()).contains(message);
            if (line != null) {
                assertThat(e.get("line")).isEqualTo(line);
            } else {
                assertThat(e.get("line")).isNotNull();
            }
        });
    }

    @Test
    void a_shipped_version_cannot_be_replaced_and_a_registrar_may_not_upload() throws Exception {
        String shipped = LoadedPacksTest.shippedEu();
        var replaced = upload(expert, shipped.replace("pin_diameter >= 4.5 mm", "pin_diameter >= 4 mm"));
        assertThat(replaced.getStatusCode().value()).isEqualTo(409);
        assertThat(replaced.getBody().get("errors").toString()).contains("comes with Ferret (eu-2015-2403.yaml)");
        assertThat(upload(registrar, pack("1")).getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from standards_pack where pack_id in (?, 'eu-2015-2403')").param(id)
                .query(Long.class).single()).isZero();
    }
}
