package org.ferret.parcels.internal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids of declaration versions in the layout of RFC 9562's version 7: the first 48 bits the milliseconds since 1970,
 * the other 74 random. Ids made one after another sort after one another, so that the primary-key indexes of the
 * parcels tables are written at their end instead of at a random page for every row: fewer pages touched per batch
 * and fewer full-page images in the write-ahead log after each checkpoint (docs/benchmarks.md, Kafka, "cost per
 * decision"). Ids stay unguessable: 74 bits come from a {@link SecureRandom}.
 */
public final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** A new id for now. */
    public static UUID next() {
        return of(System.currentTimeMillis(), RANDOM.nextLong(), RANDOM.nextLong());
    }

    /** The id of milliseconds {@code millis} with the given random bits (the version and variant bits are set here). */
    static UUID of(long millis, long randomHigh, long randomLow) {
        long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (randomHigh & 0x0FFFL);
        long lsb = (randomLow & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
