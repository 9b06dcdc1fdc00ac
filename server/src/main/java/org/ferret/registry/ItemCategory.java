package org.ferret.registry;

/** The three kinds of article the Protocol's record-keeping covers (art. 7). */
public enum ItemCategory {
    FIREARM, ESSENTIAL_COMPONENT, AMMUNITION_LOT
}
