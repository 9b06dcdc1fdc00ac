package org.ferret.licensing;

/** Where an import authorisation issued by this state stands; an issued one past its validity reads as expired. */
public enum ImportAuthorisationStatus {
    ISSUED, REVOKED, EXHAUSTED, EXPIRED;

    /** True while imports may be drawn down against it. */
    public boolean usable() {
        return this == ISSUED;
    }
}
