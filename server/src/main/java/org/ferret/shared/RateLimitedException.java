package org.ferret.shared;

/** A caller over its rate: answered 429 problem+json with {@code Retry-After} in whole seconds. */
public class RateLimitedException extends FerretException {
    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMITED, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
