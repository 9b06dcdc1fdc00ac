package org.ferret.licensing;

import java.util.Set;

/** Where a licence stands; changed only by a named {@link Transition}. */
public enum LicenceStatus {
    APPLIED, ISSUED, REFUSED, SUSPENDED, REVOKED, EXPIRED, EXHAUSTED;

    /** The statuses {@code t} may leave (a switch, not a static map: the two enums refer to each other). */
    private static Set<LicenceStatus> from(Transition t) {
        return switch (t) {
            case APPLY -> Set.of();
            case ISSUE, REFUSE -> Set.of(APPLIED);
            case SUSPEND, EXHAUST -> Set.of(ISSUED);
            case REINSTATE -> Set.of(SUSPENDED);
            case REVOKE, EXPIRE -> Set.of(ISSUED, SUSPENDED);
        };
    }

    /** The status after {@code t}, or a refusal in words when {@code t} is not allowed from here. */
    public LicenceStatus after(Transition t) {
        if (!from(t).contains(this)) {
            throw new LicensingException(org.ferret.shared.ErrorCode.ILLEGAL_TRANSITION, null,
                    "a licence that is " + org.ferret.shared.Words.lower(this) + " cannot be "
                            + org.ferret.shared.Words.lower(t.result()));
        }
        return t.result();
    }

    /** True while shipments may be drawn down against the licence. */
    public boolean usable() {
        return this == ISSUED;
    }
}
