package org.ferret.registry;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;

/** An item whose stored state its history no longer explains: changed outside Ferret, so nothing more is appended. */
public class HistoryInconsistentException extends FerretException {
    public HistoryInconsistentException(String message) {
        super(ErrorCode.HISTORY_INCONSISTENT, message);
    }
}
