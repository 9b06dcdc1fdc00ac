package org.ferret.registry;

/** The kinds of lifecycle event an item's append-only history holds. */
public enum EventType {
    MANUFACTURE, IMPORT, EXPORT, TRANSFER_OF_POSSESSION, LOSS_REPORTED, THEFT_REPORTED, RECOVERY, SEIZURE,
    SURRENDER, MARKING, COMPONENT_FITTED, COMPONENT_REMOVED, DEACTIVATION, DESTRUCTION, CORRECTION,
    /** Passage through this state's territory on the way to another (art. 10(2)(b)); the holder stays. */
    TRANSIT;

    /** Events recorded only through their own operation (add marking, fit/remove component), not the generic one. */
    public boolean recordedByOwnOperation() {
        return this == MARKING || this == COMPONENT_FITTED || this == COMPONENT_REMOVED;
    }
}
