package org.ferret.licensing;

/** What the registry does with an import event naming no import authorisation ({@code ferret.licensing.unauthorised-imports}). */
public enum UnauthorisedImports {
    /** Record it and put it on the licensing officer's list of imports without an authorisation. */
    FLAG,
    /** Refuse it: nothing is recorded. */
    REFUSE
}
