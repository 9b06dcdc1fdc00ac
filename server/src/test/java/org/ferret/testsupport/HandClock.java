package org.ferret.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the test moves by hand (UTC). {@code @Import(HandClock.Config.class)} makes it the application's clock;
 * a test that moves it should have a context of its own ({@code @DirtiesContext}) so others do not see its time.
 */
public final class HandClock extends Clock {
    public volatile Instant now = Instant.now();

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

    /** Puts a {@link HandClock} in the context as the primary {@link Clock}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        HandClock handClock() {
            return new HandClock();
        }
    }
}
