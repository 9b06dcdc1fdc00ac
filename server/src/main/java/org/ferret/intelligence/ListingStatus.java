package org.ferret.intelligence;

/** Where a listing stands in review: not yet reviewed, confirmed (it became a lead) or dismissed. */
public enum ListingStatus {
    NEW, CONFIRMED, DISMISSED
}
