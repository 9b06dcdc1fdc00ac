package org.ferret.registry;

/** The capacity in which a holder has items: licensed dealer, owner, or a state agency. */
public enum HolderRole {
    DEALER, OWNER, AGENCY
}
