package org.ferret.parcels;

/**
 * Why an item was held (and so inspected): outcomes keep it so that training and evaluation can correct for
 * selection (a released item is not a negative; an item held by exploration is an unbiased sample).
 */
public enum PickedBy {
    SCORE("by score"), CRITICAL("by critical-class risk"), EXPLORATION("at random (exploration)"),
    RULE("by a mandatory rule"), DETECTION("by a detector verdict"), HAND("by hand");

    private final String label;

    PickedBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
