package org.ferret.standards;

/** The physical dimension of a numeric fact or literal; comparing two different dimensions is a unit mismatch. */
public enum Dimension {
    LENGTH, ANGLE, HARDNESS, DURATION, COUNT
}
