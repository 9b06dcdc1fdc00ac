package org.ferret.standards;

/** The answer for one requirement. */
public enum Outcome {
    MET, NOT_MET, UNDECIDED
}
