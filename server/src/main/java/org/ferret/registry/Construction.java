package org.ferret.registry;

/** How an item was made, which matters for marking (polymer, 3D-printed) and for risk (converted, reactivated). */
public enum Construction {
    METAL, POLYMER, ADDITIVELY_MANUFACTURED, CONVERTED_ALARM_OR_GAS, REACTIVATED, MODULAR
}
