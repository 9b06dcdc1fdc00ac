package org.ferret.tracing;

/**
 * Where a trace request stands. Incoming: RECEIVED → ACKNOWLEDGED → IDENTIFIED (a candidate confirmed) →
 * ANSWERED → CLOSED; ANSWERED may follow ACKNOWLEDGED directly with a "not traced" answer. Outgoing: SENT →
 * ANSWERED (the other node's answer arrived) → CLOSED.
 */
public enum TraceStatus {
    RECEIVED, ACKNOWLEDGED, IDENTIFIED, SENT, ANSWERED, CLOSED;

    public boolean open() {
        return this != ANSWERED && this != CLOSED;
    }

    /** The status in words, for messages. */
    public String words() {
        return switch (this) {
            case RECEIVED -> "received, not yet acknowledged";
            case ACKNOWLEDGED -> "acknowledged";
            case IDENTIFIED -> "identified (a candidate is confirmed)";
            case SENT -> "sent, awaiting the other node";
            case ANSWERED -> "answered";
            case CLOSED -> "closed";
        };
    }
}
