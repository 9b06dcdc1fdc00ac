package org.ferret.registry;

/** Whether a holder is a natural person or an organisation. */
public enum HolderType {
    PERSON, ORGANISATION
}
