package org.ferret.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system's UTC clock moved by an offset that can be set while the application runs. Demo mode only: the demo
 * writes a few weeks of parcel history on its first start by setting the clock back a day at a time and then to
 * zero again ({@code parcels.internal.SimulatedOperator}); {@code serve} uses the plain system clock.
 */
public final class AdjustableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    /** Sets how far this clock is from the system's (negative: in the past). */
    public void setOffset(Duration offset) {
        this.offset = offset;
    }

    /** Makes the clock read {@code at} now (and run on from there). */
    public void set(Instant at) {
        this.offset = Duration.between(Instant.now(), at);
    }

    /** Back to the system's time. */
    public void reset() {
        this.offset = Duration.ZERO;
    }

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
        return Instant.now().plus(offset);
    }
}
