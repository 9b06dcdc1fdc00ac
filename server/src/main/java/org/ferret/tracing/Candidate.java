package org.ferret.tracing;

import java.util.List;
import java.util.UUID;

import org.ferret.registry.ItemStatus;
import org.ferret.tracing.matching.PositionMatch;

/**
 * A registered item whose recorded serial fits the marking as read; a candidate until someone confirms it
 * against the item in hand. {@code status} is the item's current status (e.g. REPORTED_STOLEN), {@code statusText}
 * the same in words ("reported stolen"); {@code edits} counts the characters substituted, dropped or inserted.
 */
public record Candidate(UUID itemId, String kind, String manufacturer, String model, String calibre,
        String countryOfManufacture, ItemStatus status, String statusText, String serial, double score, int edits,
        String summary, List<PositionMatch> explanation) {

    /** An item status in words, as people say it: REPORTED_STOLEN is "reported stolen". */
    public static String words(ItemStatus status) {
        return status == null ? "status unknown" : org.ferret.shared.Words.lower(status);
    }
}
