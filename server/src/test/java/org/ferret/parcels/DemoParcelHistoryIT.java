package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.ferret.shared.AdjustableClock;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo's first start writes weeks of parcel history before it serves, so the supervisor, customs and intelligence
 * screens have something to show: every past day has decisions, every item held on a past day has an inspector's
 * outcome, the seized ones are seizures in intelligence, a retraining ran on it, and the clock is back to now. The
 * live feed is kept off here (a long delay) so only the history is counted.
 */
@FerretIntegrationTest
@TestPropertySource(properties = {"ferret.demo-data=true", "ferret.demo-data.items=60", "ferret.parcels.simulate=true",
        "ferret.parcels.simulate-every-ms=3600000", "ferret.parcels.simulate-history-days=21",
        "ferret.parcels.simulate-history-per-day=60"})
class DemoParcelHistoryIT {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void the_first_start_writes_three_weeks_of_screened_and_inspected_items() throws InterruptedException {
        assertThat(clock).isInstanceOf(AdjustableClock.class);
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).as("the clock is back to now").isLessThan(Duration.ofMinutes(1));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        assertThat(count("select count(distinct screening_day) from parcel_decision where screening_day < ?", today)).isEqualTo(21);
        assertThat(count("select count(*) from parcel_decision where screening_day < ?", today)).isEqualTo(21 * 60);
        long held = count("select count(*) from parcel_decision where in_queue = true and screening_day < ?", today);
        assertThat(held).isPositive();
        assertThat(count("""
                select count(*) from parcel_decision d join parcel_outcome o on o.declaration_id = d.declaration_id
                where d.in_queue = true and d.screening_day < ?""", today)).as("every held item inspected").isEqualTo(held);
        assertThat(count("select count(*) from parcel_outcome o join parcel_decision d on d.declaration_id = o.declaration_id where not d.in_queue"))
                .as("only held items have outcomes").isZero();
        assertThat(count("select count(*) from audit_log where action = 'PARCEL_OUTCOME_RECORDED' and actor <> 'inspector'")).isZero();

        long found = count("select count(*) from parcel_outcome where kind in ('FIREARM', 'ESSENTIAL_COMPONENT', 'AMMUNITION')");
        assertThat(found).as("the planted weapons the selection held").isPositive();
        // intelligence records them after each outcome's commit, asynchronously (an application module listener)
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        while (count("select count(*) from intel_seizure") < found && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        assertThat(count("select count(*) from intel_seizure")).as("each a seizure in intelligence").isEqualTo(found);

        assertThat(count("select count(*) from parcel_model where origin = 'RETRAINED'")).as("retrained once on the history").isEqualTo(1);

        // the demo's registry items beside it: each deactivation went through the standards gate with a passing assessment
        long deactivations = count("select count(*) from registry_event where event_type = 'DEACTIVATION'");
        assertThat(count("select count(*) from standards_deactivation")).isEqualTo(deactivations);
        assertThat(count("select count(*) from standards_assessment where verdict = 'PASSED'")).isGreaterThanOrEqualTo(deactivations);
    }
}
