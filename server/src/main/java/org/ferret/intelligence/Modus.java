package org.ferret.intelligence;

/** A modus the analytics count: postal or courier shipment, and how the arm was made (3D-printed, converted, reactivated, modular). */
public enum Modus {
    POSTAL, ADDITIVELY_MANUFACTURED, CONVERTED, REACTIVATED, MODULAR
}
