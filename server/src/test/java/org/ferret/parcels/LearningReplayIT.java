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
 * The learning loop replayed on a small slice of the KCS benchmark's valid split (three weeks, every third
 * declaration) through the service, as {@code ferret bench learning} replays the whole data: declarations arrive day
 * by day on a moved clock, only the held ones get an outcome (their true label), and the scheduled retraining runs
 * at the start of every week after the first, each storing a version trained on the outcomes before its evaluation
 * days.
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
    void three_weeks_replayed_give_outcomes_only_for_held_items_a_retrained_version_each_week_and_exploration_picks() throws Exception {
        List<LearningReplay.KcsRow> all = LearningReplay.read(List.of(VALID));
        LocalDate start = all.get(0).date();
        List<LearningReplay.KcsRow> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 3) {
            if (all.get(i).date().isBefore(start.plusWeeks(3))) rows.add(all.get(i));
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("inspector", null, List.of()));

        List<LearningReplay.Week> weeks = new LearningReplay(ctx, t -> clock.now = t)
                .replay(rows, new LearningReplay.Options("HEL", "KCS", true), null);

        assertThat(weeks).hasSize(3);
        int rejected = weeks.stream().mapToInt(LearningReplay.Week::rejected).sum();
        assertThat(weeks.stream().mapToInt(LearningReplay.Week::arrivals).sum()).isEqualTo(rows.size() - rejected);
        assertThat(count("select count(*) from parcel_declaration where operator = 'KCS'")).isEqualTo(rows.size() - rejected);
        int held = weeks.stream().mapToInt(LearningReplay.Week::held).sum();
        assertThat(held).isPositive().isLessThan(rows.size());

        // outcomes only for held items, one each, with the file's label
        assertThat(count("select count(*) from parcel_outcome o join parcel_declaration p on p.id = o.declaration_id where p.operator = 'KCS'"))
                .isEqualTo(held);
        assertThat(count("""
                select count(*) from parcel_outcome o join parcel_decision d on d.declaration_id = o.declaration_id where d.in_queue = false"""))
                .isZero();
        assertThat(count("select count(*) from parcel_outcome o join parcel_declaration p on p.id = o.declaration_id where o.kind <> 'NOTHING_FOUND'"))
                .isEqualTo(weeks.stream().mapToInt(LearningReplay.Week::heldFraud).sum());

        // with exploration, some holds are exploration picks, and their outcomes say so
        int explored = weeks.stream().mapToInt(LearningReplay.Week::explored).sum();
        assertThat(explored).isPositive();
        assertThat(count("select count(*) from parcel_outcome where picked_by = 'EXPLORATION'")).isEqualTo(explored);

        // a retraining at the start of every week after the first, each storing a version with its training window
        assertThat(weeks.get(0).retraining()).isNull();
        for (LearningReplay.Week w : weeks.subList(1, weeks.size())) {
            LearningReplay.Retraining r = w.retraining();
            assertThat(r).as("week %d", w.week()).isNotNull();
            assertThat(r.seq()).as("week %d: %s", w.week(), r.problem()).isNotNull();
            LocalDate evaluatedFrom = w.from().minusDays(EVALUATION_DAYS);
            LocalDate lastTrainingDay = rows.stream().map(LearningReplay.KcsRow::date).filter(d -> d.isBefore(evaluatedFrom))
                    .max(LocalDate::compareTo).orElseThrow();
            assertThat(r.trainedFrom()).isEqualTo(start);
            assertThat(r.trainedTo()).isEqualTo(lastTrainingDay);
            assertThat(r.labelled()).isEqualTo(count("""
                    select count(*) from parcel_outcome o join parcel_decision d on d.declaration_id = o.declaration_id where d.screening_day < ?""",
                    evaluatedFrom));
            ModelVersions.Version v = versions.list("kcs").stream().filter(x -> x.seq() == r.seq()).findFirst().orElseThrow();
            assertThat(v.origin()).isEqualTo(ModelVersions.Origin.RETRAINED);
            assertThat(v.evaluatedFrom()).isEqualTo(evaluatedFrom);
            assertThat(v.evaluatedTo()).isEqualTo(w.from().minusDays(1));
            assertThat(v.exploration()).isPositive();
        }
        assertThat(versions.list("kcs").stream().filter(v -> v.origin() == ModelVersions.Origin.RETRAINED)).hasSize(weeks.size() - 1);
        assertThat(count("select count(*) from audit_log where action = 'PARCEL_MODEL_TRAINED'")).isEqualTo(weeks.size() - 1);
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
