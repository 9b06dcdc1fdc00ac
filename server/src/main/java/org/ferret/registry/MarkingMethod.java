package org.ferret.registry;

/** How a marking was applied to the item. */
public enum MarkingMethod {
    STAMPED, ENGRAVED, LASER, EMBEDDED_METAL_INSERT
}
