package org.ferret.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.ferret.audit.AuditLog;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final HandClock clock = new HandClock();
    final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(3, 5, Duration.ofMinutes(15)),
            mock(AuditLog.class), clock);

    @Test
    void an_account_is_locked_after_its_failures_whatever_the_address_and_lets_one_try_again_later() {
        throttle.failed("alice", "10.0.0.1", "BadCredentialsException");
        throttle.failed("Alice", "10.0.0.2", "BadCredentialsException");
        assertThat(throttle.lockout("alice", "10.0.0.3")).isEmpty();
        throttle.failed("alice ", "10.0.0.3", "BadCredentialsException");

        var lock = throttle.lockout("alice", "10.0.0.9");
        assertThat(lock).isPresent();
        assertThat(lock.get().scope()).isEqualTo("account");
        assertThat(lock.get().retryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(lock.get().inWords()).isEqualTo("5 minutes");
        assertThat(throttle.lockout("bob", "10.0.0.9")).isEmpty();

        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(throttle.lockout("alice", "10.0.0.9")).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(throttle.lockout("alice", "10.0.0.9")).isEmpty();
    }

    @Test
    void an_address_trying_many_accounts_is_locked_for_every_account() {
        for (String user : new String[] {"a1", "a2", "a3", "a4", "a5"}) {
            throttle.failed(user, "192.0.2.7", "BadCredentialsException");
        }
        var lock = throttle.lockout("someone-else", "192.0.2.7");
        assertThat(lock).isPresent();
        assertThat(lock.get().scope()).isEqualTo("address");
        assertThat(throttle.lockout("someone-else", "192.0.2.8")).isEmpty();
    }

    @Test
    void a_successful_sign_in_forgives_the_accounts_failures_but_not_the_addresss() {
        throttle.failed("carol", "10.1.1.1", "BadCredentialsException");
        throttle.failed("carol", "10.1.1.1", "BadCredentialsException");
        throttle.succeeded("carol");
        throttle.failed("carol", "10.1.1.1", "BadCredentialsException");
        throttle.failed("carol", "10.1.1.1", "BadCredentialsException");
        assertThat(throttle.lockout("carol", "10.1.1.2")).isEmpty();
        throttle.failed("dave", "10.1.1.1", "BadCredentialsException");
        assertThat(throttle.lockout("erin", "10.1.1.1")).isPresent();
    }
}
