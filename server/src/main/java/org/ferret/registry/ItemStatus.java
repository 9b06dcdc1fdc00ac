package org.ferret.registry;

/** An item's current status; always derived from its lifecycle events, never set directly. */
public enum ItemStatus {
    IN_LAWFUL_POSSESSION, EXPORTED, REPORTED_LOST, REPORTED_STOLEN, SEIZED, FOUND, SURRENDERED, DEACTIVATED, DESTROYED
}
