package org.ferret.licensing;

/** What the registry does with an export event that names no licence ({@code ferret.licensing.unlicensed-exports}). */
public enum UnlicensedExports {
    /** Record it and put it on the licensing officer's list of unlicensed exports. */
    FLAG,
    /** Refuse it: nothing is recorded. */
    REFUSE
}
