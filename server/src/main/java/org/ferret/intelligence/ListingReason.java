package org.ferret.intelligence;

/**
 * One reason of a listing's score: a term matched (with its signal and language) or a character pattern of the
 * text, and how much it moved the score (the model's weight times the feature, in log-odds; negative lowers it).
 */
public record ListingReason(ReasonKind kind, String feature, String matched, ListingSignal signal,
        IndicatorLanguage language, double weight) {
}
