package org.ferret.intelligence;

/** The mode of transport or conveyance the arms were found in or moved by. */
public enum Conveyance {
    POSTAL, COURIER, VEHICLE, AIR_PASSENGER, AIR_CARGO, SEA_FREIGHT, RAIL, ON_FOOT, PREMISES, OTHER
}
