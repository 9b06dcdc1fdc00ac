package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The demo's simulated operator feeds generated items into both sites and its detector posts verdicts, with no broker. */
@FerretIntegrationTest
@TestPropertySource(properties = {"ferret.parcels.simulate=true", "ferret.parcels.simulate-every-ms=200", "ferret.parcels.simulate-per-tick=100"})
class SimulatedOperatorIT {
    @Autowired
    JdbcClient jdbc;

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    @Test
    void generated_items_arrive_at_both_sites_and_get_decisions_and_verdicts() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(until)
                && (count("select count(distinct site) from parcel_decision") < 2 || count("select count(*) from parcel_detection") == 0)) {
            Thread.sleep(250);
        }
        assertThat(count("select count(distinct site) from parcel_decision")).isEqualTo(2);
        assertThat(count("select count(*) from parcel_decision where decision = 'HOLD'")).isPositive();
        assertThat(count("select count(*) from parcel_detection")).isPositive();
        assertThat(count("select count(*) from parcel_declaration where operator = 'POST'")).isGreaterThanOrEqualTo(100);
    }
}
