package org.ferret.tracing;

import java.time.LocalDate;

/**
 * One step of an item's chain of custody as the registry recorded it: what happened, when, where, and who held the
 * item afterwards. {@code superseded} marks an event a later correction replaced (kept, never hidden).
 */
public record CustodyEntry(LocalDate date, String event, String country, String place, String holder,
        String holderType, String reference, String note, boolean superseded) {
}
