package org.ferret.intelligence;

/** What an indicator term in a listing points to: what is sold, selling around controls, or a harmless context. */
public enum ListingSignal {
    FIREARM, PART, KIT, BLUEPRINT, EVASION, HARMLESS_CONTEXT
}
