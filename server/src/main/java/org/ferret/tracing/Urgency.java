package org.ferret.tracing;

/** How fast a trace request must be answered (eTrace practice: urgent within 24 hours, routine 9 days). */
public enum Urgency {
    ROUTINE, URGENT
}
