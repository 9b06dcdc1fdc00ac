package org.ferret.prints;

/** What happens to a held file's bytes once the reviewer has decided (its hash and fingerprint are always kept). */
public enum FileDisposition {
    /** The bytes are kept as evidence. */
    KEEP_AS_EVIDENCE,
    /** The bytes are deleted. */
    DISCARD
}
