package org.ferret.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * Throttles sign-in per account and per client address: each failed sign-in takes a token from the account's and
 * the address's bucket (Bucket4j); while either is empty, sign-in is refused, even with the right password, until
 * a token comes back. Failed sign-ins and each lock-out are audited; a successful sign-in refills the account.
 * <p>
 * The buckets live in this process, in caches bounded in size (an attacker trying many names cannot exhaust
 * memory); with several Ferret instances behind a load balancer each instance counts on its own.
 */
@Component
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    static final Actor ANONYMOUS = new Actor("anonymous", null);
    private static final int MAX_KEYS = 100_000;

    private final LoginThrottleProperties limits;
    private final AuditLog audit;
    private final TimeMeter time;
    private final Cache<String, Bucket> accounts;
    private final Cache<String, Bucket> addresses;

    LoginThrottle(LoginThrottleProperties limits, AuditLog audit, Clock clock) {
        this.limits = limits;
        this.audit = audit;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        // an idle bucket is full again after one period, so forgetting it then changes nothing
        this.accounts = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(limits.period()).build();
        this.addresses = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(limits.period()).build();
    }

    /** Why a sign-in is refused before the password is even checked, and when to try again. */
    public record Lockout(String scope, Duration retryAfter) {
        /** The wait in whole seconds, rounded up (never 0, so "Retry-After" always asks to wait). */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }

        /** The wait in words for a person: "4 minutes", "1 minute", "30 seconds". */
        public String inWords() {
            long s = retryAfterSeconds();
            if (s < 60) {
                return s + (s == 1 ? " second" : " seconds");
            }
            long m = (s + 59) / 60;
            return m + (m == 1 ? " minute" : " minutes");
        }
    }

    /** Empty when this account may try to sign in from this address now. */
    public Optional<Lockout> lockout(String username, String address) {
        Optional<Lockout> account = wait(accounts, key(username), "account");
        Optional<Lockout> from = wait(addresses, address, "address");
        if (account.isPresent() && from.isPresent()) {
            return account.get().retryAfter().compareTo(from.get().retryAfter()) >= 0 ? account : from;
        }
        return account.isPresent() ? account : from;
    }

    /** Counts a failed sign-in against the account and the address, and audits it. */
    public void failed(String username, String address, String reason) {
        boolean accountLocked = take(accounts, key(username), limits.maxFailuresPerAccount());
        boolean addressLocked = take(addresses, address, limits.maxFailuresPerAddress());
        Map<String, Object> after = attempt(username, address);
        after.put("reason", reason);
        audit.recordAs(ANONYMOUS, "LOGIN_FAILED", "user", entityId(username), null, after);
        if (accountLocked || addressLocked) {
            Map<String, Object> locked = attempt(username, address);
            locked.put("locked", accountLocked && addressLocked ? "account and address" : accountLocked ? "account" : "address");
            locked.put("retryAfterSeconds", lockout(username, address).map(Lockout::retryAfterSeconds).orElse(0L));
            audit.recordAs(ANONYMOUS, "LOGIN_LOCKED", "user", entityId(username), null, locked);
            log.warn("sign-in locked for {} after repeated failures (account '{}', address {})",
                    locked.get("locked"), entityId(username), address);
        }
    }

    /** A successful sign-in: the account's earlier failures are forgiven (the address's are not). */
    public void succeeded(String username) {
        accounts.invalidate(key(username));
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        failed(event.getAuthentication().getName(), address(event.getAuthentication()),
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        // API tokens authenticate without a password and publish no events; this is form login or HTTP Basic
        succeeded(event.getAuthentication().getName());
    }

    private Optional<Lockout> wait(Cache<String, Bucket> buckets, String key, String scope) {
        if (key == null) {
            return Optional.empty();
        }
        Bucket b = buckets.getIfPresent(key);
        if (b == null) {
            return Optional.empty();
        }
        var probe = b.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty()
                : Optional.of(new Lockout(scope, Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    /** Takes one token; true when that emptied the bucket (this failure locks). */
    private boolean take(Cache<String, Bucket> buckets, String key, int capacity) {
        if (key == null) {
            return false;
        }
        Bucket b = buckets.get(key, (Function<String, Bucket>) k -> Bucket.builder()
                .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, limits.period()))
                .withCustomTimePrecision(time).build());
        return b.tryConsume(1) && b.getAvailableTokens() == 0;
    }

    private static String key(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    static String address(Authentication auth) {
        return auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }

    /** The audit's entity id: the name tried, when it fits the column; otherwise the after-JSON says so. */
    private static String entityId(String username) {
        String k = key(username);
        return k == null || k.isEmpty() || k.length() > 64 ? null : k;
    }

    private static Map<String, Object> attempt(String username, String address) {
        Map<String, Object> m = new LinkedHashMap<>();
        String k = key(username);
        if (k != null && k.length() > 64) {
            m.put("usernameTried", k.substring(0, 64));
            m.put("usernameLength", k.length());
        }
        m.put("address", address);
        return m;
    }
}
