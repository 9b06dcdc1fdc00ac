package org.ferret.standards;

/** Whether a requirement is decided by its condition over the facts or by a person on recorded evidence. */
public enum Decision {
    AUTOMATIC, HUMAN
}
