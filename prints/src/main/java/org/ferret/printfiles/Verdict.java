package org.ferret.printfiles;

/** The screen's answer. {@code ERROR} is never a pass: a client must treat it like {@code BLOCK} until a person looks. */
public enum Verdict {
    ALLOW, REVIEW, BLOCK, ERROR;

    /** CLI exit code: 0 allow, 1 review, 2 block, 3 error. */
    public int exitCode() {
        return ordinal();
    }
}
