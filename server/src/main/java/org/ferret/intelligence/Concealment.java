package org.ferret.intelligence;

/** How the arms were hidden, if at all. */
public enum Concealment {
    NOT_KNOWN, NONE, ON_THE_BODY, IN_LUGGAGE, VEHICLE_COMPARTMENT, AMONG_GOODS, DISASSEMBLED_PARTS, MISDECLARED_GOODS, INSIDE_ELECTRONICS, CONTAINER, OTHER
}
