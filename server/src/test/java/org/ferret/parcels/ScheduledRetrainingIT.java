package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.HandClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The retraining schedule itself, fired by Spring's scheduler from {@code ferret.parcels.learning.retrain-cron} (here
 * every second), not called by the test: once three weeks of outcomes are in, a scheduled run trains a version and
 * audits it as the schedule's; while its database claim holds, the schedule's later firings train nothing; once the
 * claim has run out (the hand clock moved past it), the next firing trains again. Its own context: the cron and the
 * profiles list it changes stay here.
 */
@FerretIntegrationTest
@Import(HandClock.Config.class)
@TestPropertySource(properties = {"ferret.parcels.sites.HEL=8", "ferret.parcels.learning.evaluation-days=7",
        "ferret.parcels.learning.tolerance=1", "ferret.parcels.learning.retrain-cron=* * * * * *",
        "ferret.parcels.learning.claim-minutes=60"})
@DirtiesContext
class ScheduledRetrainingIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HandClock clock;
    @Autowired
    ParcelsProperties properties;

    int scheduledVersions() {
        return jdbc.sql("select count(*) from parcel_model where origin = 'RETRAINED'")
                .query(Integer.class).single();
    }

    int scheduledAudits() {
        return jdbc.sql("select count(*) from audit_log where action = 'PARCEL_MODEL_TRAINED' and after_json like '%\"trigger\":\"schedule\"%'")
                .query(Integer.class).single();
    }

    static void within(Duration limit, String what, BooleanSupplier done) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + limit + " for " + what).isBefore(until);
            Thread.sleep(200);
        }
    }

    @Test
    void the_schedule_retrains_once_per_claim() throws InterruptedException {
        // no profile to retrain while the outcomes are written: the firings meanwhile find nothing to do
        properties.getLearning().setProfiles(List.of());
        LearningData.weeks(clock, jdbc, new ParcelsApi(port, "postal"), new ParcelsApi(port, "inspector"), 21);
        assertThat(scheduledVersions()).isZero();
        assertThat(scheduledAudits()).isZero();

        properties.getLearning().setProfiles(List.of("postal"));
        // the firings before this point took claims of an hour from the hand clock's time then: the last of them ends
        // at most an hour after the later of now and the clock's time (the clock started at now and was then set back to
        // three weeks ago), so move past that
        Instant later = clock.now.isAfter(Instant.now()) ? clock.now : Instant.now();
        clock.now = later.plus(Duration.ofMinutes(61));
        within(Duration.ofMinutes(2), "a scheduled retraining", () -> scheduledVersions() == 1);
        assertThat(scheduledAudits()).isEqualTo(1);

        // the hand clock stands still: the claim the run took holds, so the next firings (one a second) skip
        Thread.sleep(3_000);
        assertThat(scheduledVersions()).as("no second run while the claim holds").isEqualTo(1);

        clock.now = clock.now.plus(Duration.ofMinutes(61));
        within(Duration.ofMinutes(2), "the next scheduled retraining after the claim ran out", () -> scheduledVersions() == 2);
        assertThat(scheduledAudits()).isEqualTo(2);
    }
}
