package org.ferret.parcels;

import org.ferret.testsupport.HandClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.line;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ferret.audit.RecordCoverageVerifier;
import org.ferret.parcels.internal.RulePackStore;
import org.ferret.parcels.internal.ScreeningModels;
import org.ferret.screening.rules.Rule;
import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.SignedInClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The learning loop and the rule packs joined, over real HTTP: after four weeks of inspected items an analyst drafts
 * a rule and submits it, the supervisor's page lists it as awaiting approval, a supervisor approves it; a retraining
 * then trains with that approved pack and records its label, and the next declaration's decision carries the new
 * model version and the pack's label, with the new rule's reason once. Its own context: the pack it approves stays
 * here.
 */
@FerretIntegrationTest
@Import(HandClock.Config.class)
@TestPropertySource(properties = {"ferret.parcels.sites.HEL=8", "ferret.parcels.learning.evaluation-days=14"})
@DirtiesContext
class RetrainingWithApprovedPackIT {
    static final String PACKS = "/api/v1/parcels/rule-packs";
    static final String RULE = "model-kit-watch";
    static final String REASON = "indicator " + RULE + ": Model-kit parts declared by senders of seized slides";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HandClock clock;
    @Autowired
    ParcelsProperties properties;
    @Autowired
    ScreeningModels models;
    @Autowired
    RulePackStore packStore;
    @Autowired
    RecordCoverageVerifier records;

    double tolerance;

    @AfterEach
    void resetTolerance() {
        properties.getLearning().setTolerance(tolerance);
    }

    /** A declaration of a model-kit part: it hits the new rule. */
    Map<String, Object> decisionOfAModelKitPart(ParcelsApi postal) {
        Map<String, Object> i = item(newItemId());
        line(i, 0).put("description", "metal part for model kit");
        Map<String, Object> a = answers(postal.submit(List.of(i))).get(0);
        assertThat(a.get("status")).as(String.valueOf(a)).isEqualTo("ACCEPTED");
        Map<String, Object> out = new HashMap<>(a);
        out.putAll(jdbc.sql("select d.model_version, d.rule_pack, d.rules_hit from parcel_decision d join parcel_declaration p on p.id = d.declaration_id where p.item_id = ?")
                .param(i.get("itemId")).query().singleRow());
        return out;
    }

    static int occurrences(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) n++;
        return n;
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_retraining_trains_with_the_approved_pack_and_the_next_decision_carries_both_versions_with_the_new_rule_once() {
        tolerance = properties.getLearning().getTolerance();
        ParcelsApi postal = new ParcelsApi(port, "postal"), inspector = new ParcelsApi(port, "inspector");
        ParcelsApi analyst = new ParcelsApi(port, "customs"), supervisor = new ParcelsApi(port, "supervisor");
        LearningData.weeks(clock, jdbc, postal, inspector, 28);

        // an analyst drafts a rule on the active pack and submits it; the supervisor's page lists it with a way to approve
        Map<String, Object> active = analyst.get(PACKS + "/active").getBody();
        List<Map<String, Object>> rules = new ArrayList<>((List<Map<String, Object>>) active.get("rules"));
        rules.add(Map.of("id", RULE, "conditions", List.of("description contains any: \"model kit\""), "weight", 2,
                "rationale", "Model-kit parts declared by senders of seized slides.", "source", "RetrainingWithApprovedPackIT"));
        var draft = analyst.post(PACKS, Map.of("rules", rules));
        assertThat(draft.getStatusCode().value()).as(String.valueOf(draft.getBody())).isEqualTo(201);
        int v = (Integer) draft.getBody().get("version");
        String label = (String) draft.getBody().get("label");
        assertThat(analyst.post(PACKS + "/" + v + "/submit", null).getStatusCode().value()).isEqualTo(200);
        SignedInClient page = SignedInClient.signIn(port, "supervisor");
        String awaiting = page.page("/parcels/supervision");
        assertThat(awaiting).contains("Rule packs awaiting approval").contains("id=\"pack-" + v + "\"")
                .contains("href=\"/parcels/rules/" + v + "\"").contains(label).contains("customs");

        var approved = supervisor.post(PACKS + "/" + v + "/approve", Map.of("reason", "slides came as model-kit parts all month"));
        assertThat(approved.getStatusCode().value()).as(String.valueOf(approved.getBody())).isEqualTo(200);
        assertThat(page.page("/parcels/supervision")).doesNotContain("id=\"pack-" + v + "\"")
                .contains("No rule pack version is waiting for a second person.");

        // before retraining the model does not know the rule: the pack adds it, and its reason appears once
        String bundled = models.active("postal").model().version();
        Map<String, Object> before = decisionOfAModelKitPart(postal);
        assertThat(before.get("model_version")).isEqualTo(bundled);
        assertThat(before.get("rule_pack")).isEqualTo(label);
        assertThat(occurrences((String) before.get("reasons"), REASON)).as(String.valueOf(before.get("reasons"))).isEqualTo(1);

        // the retraining trains with the approved pack and records its label
        properties.getLearning().setTolerance(1);
        var run = supervisor.post("/api/v1/parcels/models/retrain", Map.of("profile", "postal"));
        assertThat(run.getStatusCode().value()).as(String.valueOf(run.getBody())).isEqualTo(201);
        assertThat(run.getBody().get("state")).isEqualTo("ACTIVE");
        var version = jdbc.sql("select id, version, rule_pack from parcel_model where state = 'ACTIVE'").query().singleRow();
        assertThat(version.get("rule_pack")).isEqualTo(label);
        assertThat(jdbc.sql("select after_json from audit_log where action = 'PARCEL_MODEL_TRAINED' and entity_id = ?")
                .param(String.valueOf(version.get("id"))).query(String.class).single()).contains(label);

        // the new model knows the rule as the active pack has it, so scoring takes the model's score and adds nothing
        Rule inPack = packStore.active("postal").orElseThrow().pack().rules().stream().filter(r -> r.id().equals(RULE)).findFirst().orElseThrow();
        var model = models.active("postal").model();
        assertThat(model.version()).isEqualTo(version.get("version")).isNotEqualTo(bundled);
        assertThat(model.rulePack().rules()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo(RULE);
            assertThat(r.conditions()).isEqualTo(inPack.conditions());
        });

        Map<String, Object> after = decisionOfAModelKitPart(postal);
        assertThat(after.get("model_version")).isEqualTo(version.get("version"));
        assertThat(after.get("rule_pack")).isEqualTo(label);
        assertThat(occurrences((String) after.get("reasons"), REASON)).as(String.valueOf(after.get("reasons"))).isEqualTo(1);
        assertThat(occurrences((String) after.get("rules_hit"), RULE)).as(String.valueOf(after.get("rules_hit"))).isEqualTo(1);
        assertThat(records.verify().problems()).isEmpty();
    }
}
