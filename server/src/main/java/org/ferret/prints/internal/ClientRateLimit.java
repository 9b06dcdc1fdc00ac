package org.ferret.prints.internal;

import java.time.Duration;
import java.util.OptionalLong;

import org.ferret.prints.PrintsProperties;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Per-client rate of print screenings (Bucket4j, as {@code identity.LoginThrottle}): a bucket of
 * {@code ferret.prints.burst} tokens refilled at {@code ferret.prints.per-client-per-minute}. In this process: each
 * node limits on its own.
 */
@Component
public class ClientRateLimit {
    private final PrintsProperties properties;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    public ClientRateLimit(PrintsProperties properties) {
        this.properties = properties;
    }

    /** Empty when the client may go on; otherwise the seconds to wait. */
    public OptionalLong take(String client) {
        Bucket b = buckets.get(client, k -> Bucket.builder()
                .addLimit(l -> l.capacity(Math.max(1, properties.getBurst()))
                        .refillGreedy(Math.max(1, properties.getPerClientPerMinute()), Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe p = b.tryConsumeAndReturnRemaining(1);
        if (p.isConsumed()) return OptionalLong.empty();
        return OptionalLong.of(Math.max(1, (p.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}
