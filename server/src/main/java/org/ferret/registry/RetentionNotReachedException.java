package org.ferret.registry;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;

/** A purge asked for records whose retention period (Protocol art. 7) has not yet run out. */
public class RetentionNotReachedException extends FerretException {
    public RetentionNotReachedException(String message) {
        super(ErrorCode.RETENTION_NOT_REACHED, message);
    }
}
