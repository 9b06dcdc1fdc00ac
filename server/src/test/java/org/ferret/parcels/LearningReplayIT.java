package org.ferret.parcels;

import org.ferret.testsupport.HandClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ferret.parcels.internal.LearningReplay;
import org.ferret.parcels.internal.ModelVersions;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * The learning loop replayed on a small slice of the KCS benchmark's valid split (four weeks, every third
 * declaration) through the service, as {@code ferret bench learning} replays the whole data: declarations arrive day
 * by day on a moved clock; the first week is the agency's initial inspected history (every declaration inspected:
 * the released ones put in the queue by hand, then every one given its true label); in the three weeks after, only
 * the held ones get an outcome, and the scheduled retraining runs at the start of every week after the first, each
 * storing a version trained on every outcome before its evaluation days, the initial inspected history included.
 */
@FerretIntegrationTest
@Import(HandClock.Config.class)
@TestPropertySource(properties = {"ferret.parcels.sites.HEL=6", "ferret.parcels.exploration-share=0.34", "ferret.parcels.expected-per-day=30",
        "ferret.parcels.learning.profiles=kcs", "ferret.parcels.learning.evaluation-days=3"})
class LearningReplayIT {
    static final Path VALID = Path.of("/work/shared/data/customs-kcs/valid.csv");
    static final int EVALUATION_DAYS = 3;

    @Autowired
    ApplicationContext ctx;
    @Autowired
    HandClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ModelVersions versions;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_inspected_week_then_three_replayed_weeks_give_outcomes_for_every_item_then_only_for_held_ones_and_retrainings_that_train_on_both()
            throws Exception {
        List<LearningReplay.KcsRow> all = LearningReplay.read(List.of(VALID));
        LocalDate start = all.get(0).date(), inspectedUntil = start.plusWeeks(1);
        List<LearningReplay.KcsRow> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 3) {
            if (all.get(i).date().isBefore(start.plusWeeks(4))) rows.add(all.get(i));
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("inspector", null, List.of()));

        List<LearningReplay.Week> weeks = new LearningReplay(ctx, t -> clock.now = t)
                .replay(rows, new LearningReplay.Options("HEL", "KCS", true, inspectedUntil), null);

        assertThat(weeks).hasSize(4);
        assertThat(weeks).extracting(LearningReplay.Week::initial).containsExactly(true, false, false, false);
        assertThat(weeks).extracting(LearningReplay.Week::week).containsExactly(0, 1, 2, 3);
        int rejected = weeks.stream().mapToInt(LearningReplay.Week::rejected).sum();
        assertThat(weeks.stream().mapToInt(LearningReplay.Week::arrivals).sum()).isEqualTo(rows.size() - rejected);
        assertThat(count("select count(*) from parcel_declaration where operator = 'KCS'")).isEqualTo(rows.size() - rejected);
        LearningReplay.Week initial = weeks.get(0);
        List<LearningReplay.Week> loop = weeks.subList(1, weeks.size());
        int held = loop.stream().mapToInt(LearningReplay.Week::held).sum();
        assertThat(held).isPositive().isLessThan(rows.size());
        assertThat(initial.held()).isLessThan(initial.arrivals());
        assertThat(initial.inspected()).isEqualTo(initial.arrivals());

        // the initial week: every item inspected, each in the queue (the released ones by hand, with the replay's note)
        assertThat(count("""
                select count(*) from parcel_outcome o join parcel_decision d on d.declaration_id = o.declaration_id where d.screening_day < ?""",
                inspectedUntil)).isEqualTo(initial.arrivals());
        assertThat(count("select count(*) from parcel_decision where screening_day < ? and picked_by = 'HAND' and queue_note = ?", inspectedUntil,
                LearningReplay.INITIAL)).isEqualTo(initial.arrivals() - initial.held());
        // after it, outcomes only for held items, one each, none put in the queue by hand
        assertThat(count("""
                select count(*) from parcel_outcome o join parcel_decision d on d.declaration_id = o.declaration_id where d.screening_day >= ?""",
                inspectedUntil)).isEqualTo(held);
        assertThat(count("select count(*) from parcel_outcome where picked_by = 'HAND'")).isEqualTo(initial.arrivals() - initial.held());
        assertThat(count("""
                select count(*) from parcel_outcome o join parcel_decision d on d.declaration_id = o.declaration_id where d.in_queue = false"""))
                .isZero();
        // with the file's label
        assertThat(count("select count(*) from parcel_outcome o join parcel_declaration p on p.id = o.declaration_id where o.kind <> 'NOTHING_FOUND'"))
                .isEqualTo(loop.stream().mapToInt(LearningReplay.Week::heldFraud).sum() + initial.frauds());

        // with exploration, some holds are exploration picks, and their outcomes say so
        int explored = weeks.stream().mapToInt(LearningReplay.Week::explored).sum();
        assertThat(loop.stream().mapToInt(LearningReplay.Week::explored).sum()).isPositive();
        assertThat(count("select count(*) from parcel_outcome where picked_by = 'EXPLORATION'")).isEqualTo(explored);

        // a retraining at the start of every replayed week after the first, each storing a version trained on every
        // outcome before its evaluation days: the initial week's and the replayed weeks' held items
        assertThat(weeks.get(0).retraining()).isNull();
        assertThat(weeks.get(1).retraining()).isNull();
        for (LearningReplay.Week w : weeks.subList(2, weeks.size())) {
            LearningReplay.Retraining r = w.retraining();
            assertThat(r).as("week %d", w.week()).isNotNull();
            assertThat(r.seq()).as("week %d: %s", w.week(), r.problem()).isNotNull();
            LocalDate evaluatedFrom = w.from().minusDays(EVALUATION_DAYS);
            LocalDate lastTrainingDay = rows.stream().map(LearningReplay.KcsRow::date).filter(d -> d.isBefore(evaluatedFrom))
                    .max(LocalDate::compareTo).orElseThrow();
            assertThat(r.trainedFrom()).isEqualTo(start);
            assertThat(r.trainedTo()).isEqualTo(lastTrainingDay);
            int heldBefore = count("""
                    select count(*) from parcel_outcome o join parcel_decision d on d.declaration_id = o.declaration_id
                    where d.screening_day >= ? and d.screening_day < ?""", inspectedUntil, evaluatedFrom);
            assertThat(heldBefore).isPositive();
            assertThat(r.labelled()).as("week %d: the initial week's outcomes and the held items' before the evaluation days", w.week())
                    .isEqualTo(initial.arrivals() + heldBefore);
            assertThat(r.rows()).isEqualTo(count("select count(*) from parcel_decision where screening_day < ?", evaluatedFrom));
            ModelVersions.Version v = versions.list("kcs").stream().filter(x -> x.seq() == r.seq()).findFirst().orElseThrow();
            assertThat(v.origin()).isEqualTo(ModelVersions.Origin.RETRAINED);
            assertThat(v.labelled()).isEqualTo(r.labelled());
            assertThat(v.evaluatedFrom()).isEqualTo(evaluatedFrom);
            assertThat(v.evaluatedTo()).isEqualTo(w.from().minusDays(1));
            assertThat(v.exploration()).isPositive();
        }
        assertThat(versions.list("kcs").stream().filter(v -> v.origin() == ModelVersions.Origin.RETRAINED)).hasSize(weeks.size() - 2);
        assertThat(count("select count(*) from audit_log where action = 'PARCEL_MODEL_TRAINED'")).isEqualTo(weeks.size() - 2);
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
