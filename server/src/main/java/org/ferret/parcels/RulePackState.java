package org.ferret.parcels;

/** Where a rule pack version stands in the four-eyes workflow: only one version of a profile is ACTIVE at a time. */
public enum RulePackState {
    DRAFT, AWAITING_APPROVAL, ACTIVE, SUPERSEDED, REJECTED
}
