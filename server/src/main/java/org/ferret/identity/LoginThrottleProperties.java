package org.ferret.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ferret.login-throttle.*}: how many failed sign-ins (form or HTTP Basic) an account and a client address may
 * have within {@code period} before further attempts are refused. After that one more attempt is allowed each
 * {@code period / max-failures}, so a locked-out user waits minutes, and a password guesser makes a handful of
 * guesses an hour instead of thousands.
 */
@ConfigurationProperties("ferret.login-throttle")
public record LoginThrottleProperties(
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("30") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration period) {

    public LoginThrottleProperties {
        if (maxFailuresPerAccount < 1) {
            throw new IllegalArgumentException("ferret.login-throttle.max-failures-per-account must be at least 1, was "
                    + maxFailuresPerAccount);
        }
        if (maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("ferret.login-throttle.max-failures-per-address must be at least 1, was "
                    + maxFailuresPerAddress);
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("ferret.login-throttle.period must be positive, was " + period);
        }
    }
}
