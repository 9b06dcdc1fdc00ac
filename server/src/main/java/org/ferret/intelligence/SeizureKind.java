package org.ferret.intelligence;

/** How the arms came into the authorities' hands, as the IAFQ counts them: seized, found or surrendered. */
public enum SeizureKind {
    SEIZED, FOUND, SURRENDERED
}
