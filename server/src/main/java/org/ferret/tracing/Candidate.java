package org.ferret.tracing;

import java.util.List;
import java.util.UUID;

import org.ferret.tracing.matching.PositionMatch;

/**
 * A registered item whose recorded serial fits the marking as read; a candidate until someone confirms it
 * against the item in hand.
 */
public record Candidate(UUID itemId, String kind, String manufacturer, String model, String calibre,
        String countryOfManufacture, String serial, double score, String summary, List<PositionMatch> explanation) {
}
