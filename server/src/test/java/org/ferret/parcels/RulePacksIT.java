package org.ferret.parcels;

import org.ferret.testsupport.HandClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.line;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.audit.RecordCoverageVerifier;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Rule packs in analysts' hands over real HTTP: an analyst drafts a rule, the author cannot approve their own, a
 * supervisor approves, and the next declaration's decision carries the new version and the new rule's reason; every
 * problem of a draft names the rule and the field; a preview counts the previous day's items a rule hits and seizes.
 * Its own context (a clock it moves), so that the packs it approves do not reach other test classes.
 */
@FerretIntegrationTest
@Import(HandClock.Config.class)
@DirtiesContext
class RulePacksIT {
    static final String API = "/api/v1/parcels/rule-packs";


    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HandClock clock;
    @Autowired
    RecordCoverageVerifier records;
    @Autowired
    javax.sql.DataSource dataSource;
    ParcelsApi analyst, supervisor, postal, inspector;

    @BeforeEach
    void setUp() {
        analyst = new ParcelsApi(port, "customs");
        supervisor = new ParcelsApi(port, "supervisor");
        postal = new ParcelsApi(port, "postal");
        inspector = new ParcelsApi(port, "inspector");
    }

    @AfterEach
    void backToNow() {
        clock.now = Instant.now();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rulesOf(Map<String, Object> version) {
        return new ArrayList<>((List<Map<String, Object>>) version.get("rules"));
    }

    private static Map<String, Object> rule(String id, String condition, Object weight) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", id);
        r.put("conditions", List.of(condition));
        r.put("weight", weight);
        r.put("rationale", "Test pattern seen in this week's seizures.");
        r.put("source", "RulePacksIT");
        return r;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(ResponseEntity<Map<String, Object>> res) {
        Object p = res.getBody().containsKey("problems") ? res.getBody().get("problems") : res.getBody().get("errors");
        return (List<Map<String, Object>>) p;
    }

    private ResponseEntity<Map<String, Object>> check(List<Map<String, Object>> rules) {
        return analyst.post(API + "/check", Map.of("rules", rules));
    }

    private static void names(List<Map<String, Object>> problems, String field, String... parts) {
        assertThat(problems).as(String.valueOf(problems)).anySatisfy(p -> {
            assertThat(p.get("field")).isEqualTo(field);
            for (String part : parts) assertThat((String) p.get("message")).contains(part);
        });
    }

    private String stateOf(int version) {
        return (String) analyst.get(API + "/" + version).getBody().get("state");
    }

    @Test
    void a_draft_approved_by_a_second_person_scores_the_next_declaration_with_the_new_rule() {
        Map<String, Object> active = analyst.get(API + "/active").getBody();
        assertThat(active.get("state")).isEqualTo("ACTIVE");
        int before = (Integer) active.get("version");
        List<Map<String, Object>> rules = rulesOf(active);
        rules.add(rule("fondue-set-watch", "description contains any: \"fondue set\"", 4));

        var draft = analyst.post(API, Map.of("rules", rules));
        assertThat(draft.getStatusCode().value()).as(String.valueOf(draft.getBody())).isEqualTo(201);
        int v = (Integer) draft.getBody().get("version");
        assertThat(draft.getBody()).containsEntry("state", "DRAFT").containsEntry("author", "customs").containsEntry("basedOn", before);
        String label = (String) draft.getBody().get("label");
        assertThat(label).endsWith(" r" + v);

        // the diff the approval page shows: one rule added, field by field
        var diff = analyst.client.get().uri(API + "/" + v + "/diff").retrieve().body(List.class);
        assertThat(diff).hasSize(1);
        assertThat(String.valueOf(diff.get(0))).contains("added").contains("fondue-set-watch").contains("weight");

        // a draft cannot be approved before it is submitted, and only a supervisor approves
        assertThat(supervisor.post(API + "/" + v + "/approve", Map.of()).getBody()).containsEntry("code", "ILLEGAL_TRANSITION");
        assertThat(analyst.post(API + "/" + v + "/submit", null).getStatusCode().value()).isEqualTo(200);
        assertThat(stateOf(v)).isEqualTo("AWAITING_APPROVAL");
        assertThat(analyst.post(API + "/" + v + "/approve", Map.of()).getStatusCode().value()).isEqualTo(403);
        assertThat(stateOf(v)).isEqualTo("AWAITING_APPROVAL");

        var approved = supervisor.post(API + "/" + v + "/approve", Map.of("reason", "matches the week's seizures"));
        assertThat(approved.getStatusCode().value()).as(String.valueOf(approved.getBody())).isEqualTo(200);
        assertThat(approved.getBody()).containsEntry("state", "ACTIVE").containsEntry("approver", "supervisor");
        assertThat(stateOf(before)).isEqualTo("SUPERSEDED");
        assertThat(jdbc.sql("select count(*) from parcel_rule_pack where profile = 'postal' and state = 'ACTIVE'").query(Integer.class).single()).isEqualTo(1);

        Map<String, Object> i = item(newItemId());
        line(i, 0).put("description", "cheese fondue set");
        var res = postal.submit(List.of(i));
        Map<String, Object> a = answers(res).get(0);
        assertThat(a.get("status")).as(String.valueOf(a)).isEqualTo("ACCEPTED");
        assertThat(String.valueOf(a.get("rulesHit"))).contains("fondue-set-watch");
        assertThat((String) a.get("reasons")).contains("indicator fondue-set-watch: Test pattern seen in this week's seizures");
        var stored = jdbc.sql("select d.rule_pack, d.rules_hit from parcel_decision d join parcel_declaration p on p.id = d.declaration_id where p.item_id = ?")
                .param(i.get("itemId")).query().singleRow();
        assertThat(stored.get("rule_pack")).isEqualTo(label);
        assertThat((String) stored.get("rules_hit")).contains("fondue-set-watch");

        for (String action : List.of("RULE_PACK_DRAFTED", "RULE_PACK_SUBMITTED", "RULE_PACK_APPROVED")) {
            assertThat(jdbc.sql("select count(*) from audit_log where action = ? and entity_id = ?").params(action, "postal:" + v)
                    .query(Integer.class).single()).as(action).isEqualTo(1);
        }
        assertThat(records.verify().problems()).as("record coverage after the workflow").isEmpty();
    }

    @Test
    void the_author_can_never_approve_their_own_version_even_as_a_supervisor() {
        var draft = supervisor.post(API, null);
        assertThat(draft.getStatusCode().value()).as(String.valueOf(draft.getBody())).isEqualTo(201);
        int v = (Integer) draft.getBody().get("version");
        assertThat(supervisor.post(API + "/" + v + "/submit", null).getStatusCode().value()).isEqualTo(200);
        var own = supervisor.post(API + "/" + v + "/approve", Map.of());
        assertThat(own.getStatusCode().value()).isEqualTo(403);
        assertThat(own.getBody()).containsEntry("code", "FOUR_EYES_REQUIRED");
        assertThat(stateOf(v)).isEqualTo("AWAITING_APPROVAL");
        // another analyst cannot decide either; a rejection needs a reason
        assertThat(analyst.post(API + "/" + v + "/reject", Map.of("reason", "no")).getStatusCode().value()).isEqualTo(403);
        assertThat(supervisor.post(API + "/" + v + "/reject", Map.of("reason", "mine")).getBody()).containsEntry("code", "FOUR_EYES_REQUIRED");
        assertThat(stateOf(v)).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void a_rejection_says_why_and_leaves_the_active_version_active() {
        int active = (Integer) analyst.get(API + "/active").getBody().get("version");
        int v = (Integer) analyst.post(API, null).getBody().get("version");
        analyst.post(API + "/" + v + "/submit", null);
        var blank = supervisor.post(API + "/" + v + "/reject", Map.of("reason", " "));
        assertThat(blank.getStatusCode().value()).isEqualTo(400);
        names(problems(blank), "reason", "says why");
        var rejected = supervisor.post(API + "/" + v + "/reject", Map.of("reason", "no evidence for the new weights"));
        assertThat(rejected.getBody()).containsEntry("state", "REJECTED").containsEntry("reason", "no evidence for the new weights");
        assertThat(analyst.get(API + "/active").getBody().get("version")).isEqualTo(active);
        assertThat(analyst.put(API + "/" + v, Map.of("rules", List.of(rule("x", "description contains any: x", 1)))).getBody())
                .containsEntry("code", "ILLEGAL_TRANSITION");
    }

    @Test
    void validation_names_the_rule_and_the_field_with_the_librarys_messages() {
        var bad = check(List.of(
                rule("weighty", "description contains any: barrel", "heavy"),
                rule("no-such-field", "colour contains any: red", 1),
                rule("typo", "description containz: barrel", 1),
                rule("text-on-number", "declared_value contains any: 5", 1),
                rule("too-strong", "description contains any: barrel", 50),
                rule("Bad Id", "description contains any: barrel", 1)));
        assertThat(bad.getStatusCode().value()).isEqualTo(200);
        List<Map<String, Object>> p = problems(bad);
        names(p, "rules[0].weight", "rule weighty, weight", "expected a number, got 'heavy'");
        names(p, "rules[1].conditions[0]", "rule no-such-field, condition 1", "no column 'colour'");
        names(p, "rules[2].conditions[0]", "rule typo, condition 1", "unknown condition after field 'description'");
        names(p, "rules[3].conditions[0]", "rule text-on-number, condition 1", "declared_value");
        names(p, "rules[4].weight", "rule too-strong, weight", "outside");
        names(p, "rules[5].id", "rule Bad Id", "lower-case");
        // and nothing of it is stored
        var refused = analyst.post(API, Map.of("rules", List.of(rule("weighty", "description contains any: barrel", "heavy"))));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).containsEntry("code", "RULE_PACK_INVALID");
        names(problems(refused), "rules[0].weight", "rule weighty, weight");
    }

    @Test
    void bad_input_unknown_fields_duplicate_ids_and_huge_text_are_refused_naming_the_field() {
        Map<String, Object> extra = rule("colourful", "description contains any: barrel", 1);
        extra.put("colour", "red");
        var unknown = analyst.post(API, Map.of("rules", List.of(extra)));
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        names(problems(unknown), "rules[0].colour", "rule colourful, colour: unknown field");
        var unknownTop = analyst.post(API, Map.of("rules", List.of(rule("a", "description contains any: barrel", 1)), "name", "x"));
        names(problems(unknownTop), "name", "unknown field");

        var twice = check(List.of(rule("same", "description contains any: barrel", 1), rule("same", "description contains any: slide", 2)));
        names(problems(twice), "rules[1].id", "rule same, id: appears twice");

        Map<String, Object> huge = rule("huge", "description contains any: barrel", 1);
        huge.put("rationale", "x".repeat(100_000));
        names(problems(check(List.of(huge))), "rules[0].rationale", "rule huge, rationale: at most 500 characters");
        Map<String, Object> newline = rule("two-lines", "description contains any: barrel", 1);
        newline.put("source", "one\nrule injected");
        names(problems(check(List.of(newline))), "rules[0].source", "must be one line");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int k = 0; k < 201; k++) many.add(rule("r" + k, "description contains any: barrel", 1));
        names(problems(check(many)), "rules", "at most 200 rules");
        // a body over the API's limit is refused before it is read
        Map<String, Object> enormous = rule("enormous", "description contains any: " + "y".repeat(2_000_000), 1);
        var tooLarge = analyst.post(API + "/check", Map.of("rules", List.of(enormous)));
        assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
        assertThat(tooLarge.getBody()).containsEntry("code", "PAYLOAD_TOO_LARGE");
        var notJson = analyst.post(API + "/check", "{\"rules\": [");
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from parcel_rule_pack where pack_text like '%enormous%' or pack_text like '%colourful%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void the_preview_counts_the_previous_days_items_a_rule_hits_and_of_them_the_seized() {
        clock.now = Instant.now().minus(Duration.ofDays(1));
        List<UUID> ids = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Map<String, Object> i = item(newItemId());
            line(i, 0).put("description", "zebra lamp shade");
            postal.submit(List.of(i));
            ids.add(jdbc.sql("select id from parcel_declaration where item_id = ?").param(i.get("itemId")).query(UUID.class).single());
        }
        postal.submit(List.of(item(newItemId())));
        for (int k = 0; k < 2; k++) {
            UUID id = ids.get(k);
            analyst.post("/api/v1/parcels/queue/" + id + "/add", Map.of("reason", "preview test"));
        }
        var seized = inspector.post("/api/v1/parcels/declarations/" + ids.get(0) + "/outcome", Map.of("kind", "ESSENTIAL_COMPONENT",
                "itemKind", "SLIDE", "construction", "ADDITIVELY_MANUFACTURED", "marked", false));
        assertThat(seized.getStatusCode().value()).as(String.valueOf(seized.getBody())).isEqualTo(201);
        assertThat(inspector.post("/api/v1/parcels/declarations/" + ids.get(1) + "/outcome", Map.of("kind", "NOTHING_FOUND"))
                .getStatusCode().value()).isEqualTo(201);
        clock.now = Instant.now();

        var res = check(List.of(rule("zebra-lamps", "description contains any: zebra lamp", 2)));
        assertThat(problems(res)).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> p = ((List<Map<String, Object>>) res.getBody().get("preview")).get(0);
        assertThat(p).containsEntry("ruleId", "zebra-lamps").containsEntry("hits", 3).containsEntry("inspected", 2).containsEntry("seized", 1);
        assertThat((Integer) p.get("items")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void a_version_changed_in_the_database_directly_is_found_by_the_record_coverage_and_postgresql_refuses_a_delete() throws Exception {
        int v = (Integer) analyst.post(API, null).getBody().get("version");
        String text = jdbc.sql("select pack_text from parcel_rule_pack where profile = 'postal' and version = ?").param(v).query(String.class).single();
        jdbc.sql("update parcel_rule_pack set pack_text = ? where profile = 'postal' and version = ?").params(text.replace("weight: 2.5", "weight: 9"), v).update();
        assertThat(records.verify().problems()).as("a draft's text edited behind the service's back")
                .anySatisfy(p -> assertThat(String.valueOf(p)).contains("parcel_rule_pack"));
        jdbc.sql("update parcel_rule_pack set pack_text = ? where profile = 'postal' and version = ?").params(text, v).update();
        assertThat(records.verify().problems()).isEmpty();
        boolean postgres;
        try (var c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
        if (postgres) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from parcel_rule_pack where version = 1").update())
                    .rootCause().hasMessageContaining("refused");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update parcel_rule_pack set author = 'mallory' where version = 1").update())
                    .rootCause().hasMessageContaining("refused");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_indicators_hit_rate_and_precision_are_re_estimated_from_the_recorded_outcomes_week_by_week() {
        List<UUID> ids = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Map<String, Object> i = item(newItemId());
            line(i, 0).put("description", "solvent trap kit");
            postal.submit(List.of(i));
            ids.add(jdbc.sql("select id from parcel_declaration where item_id = ?").param(i.get("itemId")).query(UUID.class).single());
        }
        for (int k = 0; k < 2; k++) analyst.post("/api/v1/parcels/queue/" + ids.get(k) + "/add", Map.of("reason", "indicator test"));
        assertThat(inspector.post("/api/v1/parcels/declarations/" + ids.get(0) + "/outcome", Map.of("kind", "ESSENTIAL_COMPONENT",
                "itemKind", "SLIDE", "construction", "ADDITIVELY_MANUFACTURED", "marked", false)).getStatusCode().value()).isEqualTo(201);
        assertThat(inspector.post("/api/v1/parcels/declarations/" + ids.get(1) + "/outcome", Map.of("kind", "NOTHING_FOUND"))
                .getStatusCode().value()).isEqualTo(201);
        long decided = jdbc.sql("select count(*) from parcel_decision").query(Long.class).single();

        List<Map<String, Object>> indicators = analyst.client.get().uri(API + "/indicators?weeks=4").retrieve().body(List.class);
        Map<String, Object> solvent = indicators.stream().filter(x -> x.get("ruleId").equals("suppressor-as-solvent-trap")).findFirst().orElseThrow();
        assertThat(solvent).containsEntry("hits", 3).containsEntry("inspected", 2).containsEntry("seized", 1).containsEntry("precision", 0.5);
        assertThat(((Number) solvent.get("decided")).longValue()).isEqualTo(decided);
        assertThat((Double) solvent.get("hitRate")).isCloseTo(3.0 / decided, org.assertj.core.api.Assertions.within(1e-9));
        List<Map<String, Object>> weeks = (List<Map<String, Object>>) solvent.get("weeks");
        assertThat(weeks).hasSize(4);
        assertThat(weeks.get(3)).containsEntry("hits", 3).containsEntry("seized", 1);
        assertThat(weeks.get(0)).containsEntry("hits", 0);
        // the screen shows the same figures, with the week-by-week table its chart is drawn from
        String page = org.ferret.testsupport.SignedInClient.signIn(port, "customs").page("/parcels/rules?rule=suppressor-as-solvent-trap");
        assertThat(page).contains("Precision week by week: suppressor-as-solvent-trap").contains("id=\"trend-table\"").contains("50 %");
    }
}
