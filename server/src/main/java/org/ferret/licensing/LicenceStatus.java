package org.ferret.licensing;

import java.util.Map;
import java.util.Set;

/** Where a licence stands; changed only by a named {@link Transition}. */
public enum LicenceStatus {
    APPLIED, ISSUED, REFUSED, SUSPENDED, REVOKED, EXPIRED, EXHAUSTED;

    private static final Map<Transition, Set<LicenceStatus>> FROM = Map.of(
            Transition.ISSUE, Set.of(APPLIED),
            Transition.REFUSE, Set.of(APPLIED),
            Transition.SUSPEND, Set.of(ISSUED),
            Transition.REINSTATE, Set.of(SUSPENDED),
            Transition.REVOKE, Set.of(ISSUED, SUSPENDED),
            Transition.EXPIRE, Set.of(ISSUED, SUSPENDED),
            Transition.EXHAUST, Set.of(ISSUED));

    /** The status after {@code t}, or a refusal in words when {@code t} is not allowed from here. */
    public LicenceStatus after(Transition t) {
        if (t == Transition.APPLY || !FROM.get(t).contains(this)) {
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
