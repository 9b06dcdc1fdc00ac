package org.ferret.registry;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;

/** No item, event or holder with the given id exists in the registry. */
public class ItemNotFoundException extends FerretException {
    public ItemNotFoundException(String what) {
        super(ErrorCode.NOT_FOUND, what + " not found");
    }
}
