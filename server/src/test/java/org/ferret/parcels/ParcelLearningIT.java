package org.ferret.parcels;

import org.ferret.testsupport.HandClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.audit.RecordCoverageVerifier;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The learning loop over real HTTP: four weeks of items arrive day by day (a hand-moved clock), the inspectors record
 * what they find in every held item, a supervisor retrains; the new version, trained on the first two weeks, is
 * compared with the active model on the last two; held back by the tolerance it stays a challenger with its report;
 * the supervisor promotes it (the next items are scored with it), rolls back to the bundled model (the next items are
 * scored with that again), and a retraining that passes the tolerance is promoted on its own. All of it audited.
 */
@FerretIntegrationTest
@Import(HandClock.Config.class)
@TestPropertySource(properties = {"ferret.parcels.sites.HEL=8", "ferret.parcels.learning.evaluation-days=14"})
class ParcelLearningIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HandClock clock;
    @Autowired
    ParcelsProperties properties;
    @Autowired
    RecordCoverageVerifier records;
    @Autowired
    org.ferret.parcels.internal.ModelVersions modelVersions;

    final double tolerance = 0.02;

    @AfterEach
    void resetTolerance() {
        properties.getLearning().setTolerance(tolerance);
    }

    String modelOfNextItem(ParcelsApi postal) {
        String id = newItemId();
        assertThat(answers(postal.submit(List.of(item(id)))).get(0).get("status")).isEqualTo("ACCEPTED");
        return jdbc.sql("select d.model_version from parcel_decision d join parcel_declaration p on p.id = d.declaration_id where p.item_id = ?")
                .param(id).query(String.class).single();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> version(Map<String, Object> view) {
        return (Map<String, Object>) view.get("version");
    }

    long audited(String action, Object entity) {
        return jdbc.sql("select count(*) from audit_log where action = ? and entity_id = ?").params(action, String.valueOf(entity)).query(Long.class).single();
    }

    @Test
    @SuppressWarnings("unchecked")
    void outcomes_retrain_a_challenger_that_a_supervisor_promotes_and_rolls_back_all_audited() {
        ParcelsApi postal = new ParcelsApi(port, "postal");
        ParcelsApi inspector = new ParcelsApi(port, "inspector");
        ParcelsApi supervisor = new ParcelsApi(port, "supervisor");
        ParcelsApi customs = new ParcelsApi(port, "customs");
        Instant start = LearningData.weeks(clock, jdbc, postal, inspector, 28);
        String bundled = modelOfNextItem(postal);

        // an analyst may not retrain; nothing is stored
        assertThat(customs.post("/api/v1/parcels/models/retrain", Map.of("profile", "postal")).getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from parcel_model").query(Long.class).single()).isZero();

        // a tolerance no model can meet (better by 1 on every figure): the new version stays a challenger with its report
        properties.getLearning().setTolerance(-1);
        var run = supervisor.post("/api/v1/parcels/models/retrain", Map.of("profile", "postal"));
        assertThat(run.getStatusCode().value()).as(String.valueOf(run.getBody())).isEqualTo(201);
        assertThat(run.getBody().get("state")).isEqualTo("CHALLENGER");
        Map<String, Object> report = (Map<String, Object>) run.getBody().get("report");
        assertThat(report.get("promoted")).isEqualTo(false);
        assertThat(report.get("evaluatedFrom")).isEqualTo(LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(14).toString());
        assertThat(String.valueOf(report.get("reasons"))).contains("worse by more than the tolerance");
        Map<String, Object> challengerFigures = (Map<String, Object>) report.get("challengerFigures");
        assertThat(challengerFigures).containsKeys("exploration", "inspected");
        assertThat(((Map<String, Object>) challengerFigures.get("inspected")).get("items")).isEqualTo(
                jdbc.sql("select count(*) from parcel_outcome o join parcel_decision d on d.declaration_id = o.declaration_id where d.screening_day >= ?")
                        .param(LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(14)).query(Integer.class).single());

        List<Map<String, Object>> versions = supervisor.list("/api/v1/parcels/models?profile=postal");
        assertThat(versions).hasSize(2);
        Map<String, Object> challenger = version(versions.get(0)), first = version(versions.get(1));
        assertThat(challenger.get("state")).isEqualTo("CHALLENGER");
        assertThat(challenger.get("seq")).isEqualTo(2);
        assertThat(challenger.get("trainedTo")).isEqualTo(LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(13).toString());
        assertThat((Integer) challenger.get("labelled")).isPositive();
        assertThat((Integer) challenger.get("positives")).isPositive().isLessThan((Integer) challenger.get("labelled"));
        assertThat((Integer) challenger.get("features")).isPositive();
        assertThat(challenger.get("rulePack")).asString().contains("postal-firearms");
        assertThat(versions.get(0).get("report")).isNotNull();
        assertThat(first.get("state")).isEqualTo("ACTIVE");
        assertThat(first.get("origin")).isEqualTo("BUNDLED");
        assertThat(first.get("version")).isEqualTo(bundled);
        assertThat(modelOfNextItem(postal)).as("a challenger does not score").isEqualTo(bundled);
        String challengerId = (String) challenger.get("id"), firstId = (String) first.get("id");
        assertThat(audited("PARCEL_MODEL_TRAINED", challengerId)).isEqualTo(1);

        // a promotion needs a reason; the supervisor promotes; the next item is scored with the new version
        var noReason = supervisor.post("/api/v1/parcels/models/" + challengerId + "/promote", Map.of("reason", " "));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(noReason.getBody())).contains("reason");
        var promoted = supervisor.post("/api/v1/parcels/models/" + challengerId + "/promote", Map.of("reason", "better on the last two weeks' seizures"));
        assertThat(promoted.getStatusCode().value()).as(String.valueOf(promoted.getBody())).isEqualTo(200);
        assertThat(promoted.getBody().get("state")).isEqualTo("ACTIVE");
        assertThat(modelOfNextItem(postal)).isEqualTo(challenger.get("version")).isNotEqualTo(bundled);
        assertThat(audited("PARCEL_MODEL_PROMOTED", challengerId)).isEqualTo(1);

        // a retired version is not promoted but rolled back to; the rollback is scored with at once
        assertThat(supervisor.post("/api/v1/parcels/models/" + firstId + "/promote", Map.of("reason", "x")).getStatusCode().value()).isEqualTo(409);
        var rolledBack = supervisor.post("/api/v1/parcels/models/" + firstId + "/rollback", Map.of("reason", "too many false holds at HEL"));
        assertThat(rolledBack.getStatusCode().value()).as(String.valueOf(rolledBack.getBody())).isEqualTo(200);
        assertThat(modelOfNextItem(postal)).isEqualTo(bundled);
        assertThat(audited("PARCEL_MODEL_ROLLED_BACK", firstId)).isEqualTo(1);
        String rollbackAudit = jdbc.sql("select after_json from audit_log where action = 'PARCEL_MODEL_ROLLED_BACK' and entity_id = ?")
                .param(firstId).query(String.class).single();
        assertThat(rollbackAudit).contains("too many false holds at HEL");
        assertThat(jdbc.sql("select changed_by from parcel_model_change where model_id = ? and action = 'ROLLED_BACK'")
                .param(UUID.fromString(firstId)).query(String.class).single()).isEqualTo("supervisor");
        assertThat(jdbc.sql("select state from parcel_model where id = ?").param(UUID.fromString(challengerId)).query(String.class).single())
                .isEqualTo("RETIRED");

        // with a tolerance every figure passes, the next retraining is promoted on its own report
        properties.getLearning().setTolerance(1);
        var auto = supervisor.post("/api/v1/parcels/models/retrain", Map.of("profile", "postal"));
        assertThat(auto.getStatusCode().value()).as(String.valueOf(auto.getBody())).isEqualTo(201);
        assertThat(auto.getBody().get("state")).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select count(*) from parcel_model where state = 'ACTIVE'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select seq from parcel_model where state = 'ACTIVE'").query(Integer.class).single()).isEqualTo(3);

        // the supervisor's week-by-week figures and drift read the same outcomes
        List<Map<String, Object>> weeks = supervisor.list("/api/v1/parcels/models/weeks?profile=postal");
        assertThat(weeks.stream().mapToInt(w -> (Integer) w.get("modelPicks")).sum() + weeks.stream().mapToInt(w -> (Integer) w.get("explored")).sum())
                .isPositive();
        assertThat(supervisor.list("/api/v1/parcels/models/drift?profile=postal")).isNotEmpty();

        assertThat(records.verify().problems()).isEmpty();
    }

    @Test
    void of_two_instances_whose_schedules_fire_together_one_claims_the_retraining() {
        Instant now = clock.now;
        try {
            assertThat(modelVersions.claim("retrain", "instance-a", now, 60)).isTrue();
            assertThat(modelVersions.claim("retrain", "instance-b", now.plusSeconds(5), 60)).isFalse();
            // a supervisor's run meanwhile is refused, not run twice
            var res = new ParcelsApi(port, "supervisor").post("/api/v1/parcels/models/retrain", Map.of("profile", "postal"));
            assertThat(res.getStatusCode().value()).isEqualTo(409);
            assertThat(String.valueOf(res.getBody())).contains("in progress");
            // an instance that died mid-run frees the claim when it runs out
            assertThat(modelVersions.claim("retrain", "instance-b", now.plusSeconds(61 * 60), 60)).isTrue();
        } finally {
            jdbc.sql("update parcel_learning_claim set claimed_until = null where job = 'retrain'").update();
        }
    }
}
