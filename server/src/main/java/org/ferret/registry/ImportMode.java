package org.ferret.registry;

/** What a bulk import does when some rows are bad. */
public enum ImportMode {
    /** Commit every row or none: any bad row rejects the whole file (the default). */
    ALL_OR_NOTHING,
    /** Commit the good rows and report the bad ones; asked for explicitly by the user. */
    COMMIT_VALID_ROWS
}
