package org.ferret.registry;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;

/** A lifecycle event that the item's current status does not allow (e.g. any event after destruction). */
public class IllegalTransitionException extends FerretException {
    public IllegalTransitionException(String message) {
        super(ErrorCode.ILLEGAL_TRANSITION, message);
    }
}
