package org.ferret.licensing;

/** The named changes of a licence's status, each recorded in its history with who, when and why. */
public enum Transition {
    APPLY(LicenceStatus.APPLIED), ISSUE(LicenceStatus.ISSUED), REFUSE(LicenceStatus.REFUSED),
    SUSPEND(LicenceStatus.SUSPENDED), REINSTATE(LicenceStatus.ISSUED), REVOKE(LicenceStatus.REVOKED),
    EXPIRE(LicenceStatus.EXPIRED), EXHAUST(LicenceStatus.EXHAUSTED);

    private final LicenceStatus result;

    Transition(LicenceStatus result) {
        this.result = result;
    }

    public LicenceStatus result() {
        return result;
    }

    /** Transitions that need a reason from the officer. */
    public boolean needsReason() {
        return this == REFUSE || this == SUSPEND || this == REVOKE || this == REINSTATE;
    }
}
