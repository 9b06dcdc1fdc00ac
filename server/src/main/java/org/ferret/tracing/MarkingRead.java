package org.ferret.tracing;

/** A marking as the recovering officer read it, and whether it was (partly) obliterated. */
public record MarkingRead(String marking, boolean obliterated) {
}
