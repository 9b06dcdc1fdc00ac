package org.ferret.registry;

import java.util.List;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;

/** An item with the same external reference is already registered. */
public class DuplicateItemException extends FerretException {
    public DuplicateItemException(String field, String message) {
        super(ErrorCode.CONFLICT, message, List.of(new FieldProblem(field, message)));
    }
}
