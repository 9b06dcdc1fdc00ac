package org.ferret.standards;

/** The answer for a whole assessment: passed (every requirement met), failed (one not met), or incomplete. */
public enum Verdict {
    PASSED, FAILED, INCOMPLETE
}
