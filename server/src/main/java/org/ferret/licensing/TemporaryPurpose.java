package org.ferret.licensing;

/** Verifiable lawful purposes of a temporary export (art. 10(6); Reg. (EU) 258/2012 art. 7(3)). */
public enum TemporaryPurpose {
    HUNTING, SPORT_SHOOTING, EVALUATION, EXHIBITION_WITHOUT_SALE, REPAIR
}
