package org.ferret.intelligence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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

/**
 * Alerts on one node over HTTP (issue 14): every problem of an alert by field, the closed user group and the
 * subscriptions deciding who receives it, the audience deciding which roles see it, passing on as the marking allows,
 * feedback linked to its warning, and a proposed indicator adopted into a draft rule pack version with the alert as
 * the rule's source (once valid, and through the screening library's parser). Every step audited.
 */
@FerretIntegrationTest
class AlertsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate template;
    @Autowired
    org.ferret.audit.RecordCoverageVerifier coverage;

    JsonApi intel;
    JsonApi customs;
    JsonApi investigator;
    String group;

    @BeforeEach
    void setUp() {
        intel = new JsonApi(port, "intel");
        customs = new JsonApi(port, "customs");
        investigator = new JsonApi(port, "investigator");
        group = (String) intel.ok(intel.post("/api/v1/alerts/groups", Map.of("name", JsonApi.unique("Group"),
                "members", List.of("POLICE", "CUSTOMS"))), 201).get("id");
        if (customs.list("/api/v1/alerts/subscriptions").isEmpty()) {
            customs.ok(customs.post("/api/v1/alerts/subscriptions", Map.of("topic", "ALARM_AND_GAS_WEAPONS")), 201);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> fields(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream().map(e -> (String) e.get("field")).toList();
    }

    @Test
    void a_wrong_alert_is_refused_with_every_problem_by_field_and_nothing_is_written() {
        long before = jdbc.sql("select count(*) from intel_alert").query(Long.class).single();
        Map<String, Object> a = new LinkedHashMap<>(AlertsApi.warning("", group, List.of("node-x"), "NOT_TO_BE_PASSED_ON"));
        a.put("validUntil", LocalDate.now().plusYears(2).toString());
        a.put("countries", List.of("Finland"));
        a.put("sources", List.of(Map.of("kind", "SEIZURE")));
        a.put("indicators", List.of(Map.of("label", "bad", "routes", List.of("CN to FI"), "hsCodes", List.of("93")),
                Map.of("label", "empty")));
        var r = intel.post("/api/v1/alerts", a);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().get("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(fields(r.getBody())).contains("title", "validUntil", "countries[0]", "sources[0].description", "peers[0]",
                "indicators[0].routes[0]", "indicators[0].hsCodes[0]", "indicators[1]");

        Map<String, Object> notice = new LinkedHashMap<>(AlertsApi.warning("Notice", group, List.of(), "MAY_BE_PASSED_ON"));
        notice.put("type", "MODUS_OPERANDI");
        var noModus = intel.post("/api/v1/alerts", notice);
        assertThat(fields(noModus.getBody())).contains("modus");
        notice.put("type", "SEIZURE");
        assertThat(fields(intel.post("/api/v1/alerts", notice).getBody())).contains("seizure");
        notice.put("type", "FEEDBACK");
        assertThat(fields(intel.post("/api/v1/alerts", notice).getBody())).contains("type");
        notice.put("type", "NO_SUCH_TYPE");
        var badEnum = intel.post("/api/v1/alerts", notice);
        assertThat(badEnum.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(badEnum.getBody())).contains("type");
        assertThat(jdbc.sql("select count(*) from intel_alert").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_group_and_subscriptions_decide_the_recipients_and_the_audience_the_roles_that_see_it() {
        Map<String, Object> a = new LinkedHashMap<>(AlertsApi.warning("For intelligence only", group, List.of(), "WITHIN_RECIPIENT_STATE"));
        a.put("audience", "INTELLIGENCE");
        Map<String, Object> issued = intel.ok(intel.post("/api/v1/alerts", a), 201);
        String id = (String) issued.get("id");
        assertThat((List<Map<String, Object>>) issued.get("recipients")).extracting(r -> r.get("recipient")).containsExactly("CUSTOMS");
        // customs receives it but its analysts are not intelligence staff: not found for them
        assertThat(customs.get("/api/v1/alerts/" + id).getStatusCode().value()).isEqualTo(404);
        assertThat(customs.list("/api/v1/alerts")).extracting(x -> x.get("id")).doesNotContain(id);
        // the issuing agency's investigator sees it; the marking lets it go to another agency here, not to a node
        assertThat(investigator.get("/api/v1/alerts/" + id).getStatusCode().value()).isEqualTo(200);
        var toNode = investigator.post("/api/v1/alerts/" + id + "/pass-on", Map.of("peer", "node-x"));
        assertThat(toNode.getStatusCode().value()).isEqualTo(400); // the originator may send anywhere; node-x is not a peer
        Map<String, Object> passed = intel.ok(intel.post("/api/v1/alerts/" + id + "/pass-on", Map.of("agency", "NFA")), 200);
        assertThat((List<Map<String, Object>>) passed.get("recipients")).extracting(r -> r.get("recipient")).contains("NFA");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_id = ? and action in ('ALERT_ISSUED', 'ALERT_DELIVERED', 'ALERT_READ', 'ALERT_PASSED_ON')")
                .param(id).query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void customs_acknowledges_gives_feedback_and_adopts_the_indicator_into_a_draft_rule_with_the_alert_as_its_source() {
        Map<String, Object> issued = intel.ok(intel.post("/api/v1/alerts", AlertsApi.warning("Toy guns", group, List.of(), "NOT_TO_BE_PASSED_ON")), 201);
        String id = (String) issued.get("id");
        String reference = (String) issued.get("reference");

        Map<String, Object> read = customs.ok(customs.get("/api/v1/alerts/" + id), 200);
        assertThat((List<Map<String, Object>>) read.get("recipients")).anySatisfy(r -> assertThat(r.get("readAt")).isNotNull());
        var forward = customs.post("/api/v1/alerts/" + id + "/pass-on", Map.of("agency", "NFA"));
        assertThat(forward.getStatusCode().value()).isEqualTo(403);
        assertThat(forward.getBody().get("code")).isEqualTo("PASSING_ON_FORBIDDEN");
        customs.ok(customs.post("/api/v1/alerts/" + id + "/acknowledge", null), 200);
        assertThat(customs.post("/api/v1/alerts/" + id + "/acknowledge", null).getStatusCode().value()).isEqualTo(409);
        assertThat(intel.post("/api/v1/alerts/" + id + "/acknowledge", null).getStatusCode().value()).isEqualTo(409);

        var noNote = customs.post("/api/v1/alerts/" + id + "/feedback", Map.of("action", "ADDED_TO_SCREENING"));
        assertThat(fields(noNote.getBody())).contains("note");
        Map<String, Object> fb = customs.ok(customs.post("/api/v1/alerts/" + id + "/feedback",
                Map.of("action", "ADDED_TO_SCREENING", "note", "in the postal rule pack")), 201);
        assertThat(fb.get("answers")).isEqualTo(id);
        assertThat(intel.list("/api/v1/alerts/" + id + "/feedback")).extracting(x -> x.get("id")).containsExactly(fb.get("id"));

        assertThat(intel.post("/api/v1/alerts/" + id + "/indicators/1/adopt", null).getStatusCode().value()).isEqualTo(403);
        assertThat(customs.post("/api/v1/alerts/" + id + "/indicators/2/adopt", null).getStatusCode().value()).isEqualTo(404);
        Map<String, Object> adopted = customs.ok(customs.post("/api/v1/alerts/" + id + "/indicators/1/adopt", Map.of("weight", "2")), 201);
        int version = ((Number) adopted.get("version")).intValue();
        String ruleId = (String) adopted.get("ruleId");
        assertThat(ruleId).isEqualTo(("alert-" + reference + "-1").toLowerCase());
        Map<String, Object> draft = customs.ok(customs.get("/api/v1/parcels/rule-packs/" + version), 200);
        assertThat(draft.get("state")).isEqualTo("DRAFT");
        assertThat(draft.get("author")).isEqualTo("customs");
        Map<String, Object> rule = ((List<Map<String, Object>>) draft.get("rules")).stream().filter(r -> ruleId.equals(r.get("id")))
                .findFirst().orElseThrow();
        assertThat((String) rule.get("source")).startsWith("alert " + reference + " (" + id + ")");
        assertThat((List<String>) rule.get("conditions")).containsExactly("description contains any: \"toy gun\", \"toy pistol\"",
                "route origin -> destination in: CN->FI, CN->SE", "declared_value below: 40.0"); // as the pack writer spells it
        assertThat(rule.get("weight")).isEqualTo("2");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_id = ? and action = 'ALERT_INDICATOR_ADOPTED'").param(id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_id = ? and action = 'ALERT_ACKNOWLEDGED'").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void an_alert_not_yet_valid_gives_no_rule() {
        Map<String, Object> a = new LinkedHashMap<>(AlertsApi.warning("Later", group, List.of(), "NOT_TO_BE_PASSED_ON"));
        a.put("validFrom", LocalDate.now().plusDays(10).toString());
        String id = (String) intel.ok(intel.post("/api/v1/alerts", a), 201).get("id");
        var r = customs.post("/api/v1/alerts/" + id + "/indicators/1/adopt", null);
        assertThat(r.getStatusCode().value()).isEqualTo(409);
        assertThat(String.valueOf(r.getBody().get("detail"))).contains("not today");
    }

    @Test
    void the_alert_tables_are_under_record_coverage_and_on_postgresql_refuse_changes() throws Exception {
        String sub = (String) customs.ok(customs.post("/api/v1/alerts/subscriptions", Map.of("topic", "CONVERSION_DEVICES", "country", "SE")), 201).get("id");
        Map<String, Object> issued = intel.ok(intel.post("/api/v1/alerts", AlertsApi.warning("Covered", group, List.of(), "NOT_TO_BE_PASSED_ON")), 201);
        java.util.UUID id = java.util.UUID.fromString((String) issued.get("id"));
        customs.ok(customs.post("/api/v1/alerts/" + id + "/acknowledge", null), 200);
        customs.ok(customs.post("/api/v1/alerts/" + id + "/indicators/1/adopt", null), 201);
        assertThat(customs.client.delete().uri("/api/v1/alerts/subscriptions/" + sub).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(204);

        var v = coverage.verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.tables()).contains("intel_alert", "intel_alert_group", "intel_alert_group_member", "intel_alert_subscription",
                "intel_alert_recipient", "intel_alert_adoption");
        var dba = org.ferret.testsupport.Dba.of(template);
        String by = template.queryForObject("select acknowledged_by from intel_alert_recipient where alert_id = ? and recipient = 'CUSTOMS'", String.class, id);
        assertThat(by).isNotNull();
        dba.update("update intel_alert_recipient set acknowledged_by = 'someone else' where alert_id = ? and recipient = 'CUSTOMS'", id);
        try {
            assertThat(coverage.verify().problems()).extracting(org.ferret.audit.RecordCoverageVerifier.Problem::what)
                    .anySatisfy(w -> assertThat(w).contains("of intel_alert_recipient was altered"));
        } finally {
            dba.update("update intel_alert_recipient set acknowledged_by = ? where alert_id = ? and recipient = 'CUSTOMS'", by, id);
        }
        assertThat(coverage.verify().problems()).isEmpty();

        String product;
        try (var c = template.getDataSource().getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        if (product.contains("PostgreSQL")) { // the triggers are PostgreSQL's (V190); the coverage above holds on both
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> template.update("update intel_alert set title = 'x' where id = ?", id))
                    .rootCause().hasMessageContaining("append-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> template.update("delete from intel_alert_recipient where alert_id = ?", id))
                    .rootCause().hasMessageContaining("append-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> template.update("delete from intel_alert_adoption where alert_id = ?", id))
                    .rootCause().hasMessageContaining("append-only");
        }
    }
}
