package org.ferret.parcels;

/**
 * Where a model version of the learning loop stands. One version per profile is {@code ACTIVE} (it scores arrivals);
 * a retrained one that did not pass the champion/challenger comparison stays {@code CHALLENGER} with its report; a
 * supervisor may {@code HELD} a challenger (no promotion until released by a promotion); a version replaced by
 * another is {@code RETIRED} and can be rolled back to.
 */
public enum ModelState {
    ACTIVE, CHALLENGER, HELD, RETIRED
}
