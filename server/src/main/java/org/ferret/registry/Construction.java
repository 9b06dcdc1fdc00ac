package org.ferret.registry;

/**
 * How an item was made, which matters for marking (polymer, 3D-printed), for risk (converted, reactivated) and for the
 * technical standards an import or a seizure is assessed under (an alarm or signal weapon as made, a semi-finished
 * frame or receiver).
 */
public enum Construction {
    METAL, POLYMER, ADDITIVELY_MANUFACTURED, CONVERTED_ALARM_OR_GAS, REACTIVATED, MODULAR,
    /** An alarm or signal weapon as made, not converted (Directive (EU) 2019/69): registered under the kind it looks like. */
    ALARM_OR_SIGNAL,
    /** A frame or receiver not yet finished (a "partially complete" or "80 %" part, 27 CFR 478.12(c)). */
    SEMI_FINISHED
}
