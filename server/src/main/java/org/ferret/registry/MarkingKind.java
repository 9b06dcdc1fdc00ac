package org.ferret.registry;

/** Why a marking was applied (Protocol art. 8(1)(a)-(c), art. 9(c), or by an authority). */
public enum MarkingKind {
    MANUFACTURE, IMPORT, STATE_TRANSFER, DEACTIVATION, AUTHORITY_APPLIED
}
