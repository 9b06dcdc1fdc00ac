package org.ferret.licensing;

/** How the goods travel; sea and air without transhipment waive the transit check (Reg. (EU) 258/2012 art. 7(3)). */
public enum TransportMode {
    ROAD, RAIL, SEA, AIR, POST;

    public boolean seaOrAir() {
        return this == SEA || this == AIR;
    }
}
