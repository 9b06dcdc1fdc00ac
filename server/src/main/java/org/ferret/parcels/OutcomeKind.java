package org.ferret.parcels;

/** What an inspection found. The first three register the seized item in the registry. */
public enum OutcomeKind {
    NOTHING_FOUND("nothing found"), FIREARM("firearm"), ESSENTIAL_COMPONENT("essential component"), AMMUNITION("ammunition"),
    OTHER_CONTRABAND("other contraband"), MISDECLARED("misdeclared goods");

    private final String label;

    OutcomeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this outcome is a firearm, an essential component or ammunition (Protocol art. 3). */
    public boolean registersSeizure() {
        return this == FIREARM || this == ESSENTIAL_COMPONENT || this == AMMUNITION;
    }
}
