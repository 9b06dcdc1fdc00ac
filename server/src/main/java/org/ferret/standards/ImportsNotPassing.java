package org.ferret.standards;

/**
 * What the registry does with the import of an item deactivated abroad, or of an alarm or signal weapon, that does
 * not pass this state's standard ({@code ferret.standards.imports-not-passing}).
 */
public enum ImportsNotPassing {
    /** Record it, with its failed or incomplete assessment, on the list of imports to look at. */
    FLAG,
    /** Refuse it, naming what is not met by paragraph: nothing is recorded. */
    REFUSE
}
