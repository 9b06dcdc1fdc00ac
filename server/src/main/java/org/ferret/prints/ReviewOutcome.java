package org.ferret.prints;

/** What a print reviewer decides about a held file. */
public enum ReviewOutcome {
    /** The file is a firearm part: it stays blocked. */
    CONFIRM_BLOCK,
    /** The file is not a firearm part (a false match): the printing service may print it. */
    RELEASE
}
