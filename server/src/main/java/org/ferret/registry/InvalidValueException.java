package org.ferret.registry;

import java.util.List;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;

/** A value given to the registry is not acceptable; names the field at fault. */
public class InvalidValueException extends FerretException {

    public InvalidValueException(String field, String message) {
        super(ErrorCode.VALIDATION_FAILED, field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    public InvalidValueException(String message, List<FieldProblem> problems) {
        super(ErrorCode.VALIDATION_FAILED, message, problems);
    }

    /** The field named in the first problem. */
    public String field() {
        return problems().isEmpty() ? null : problems().getFirst().field();
    }

    /** The message of the first problem, without the field prefix. */
    public String reason() {
        return problems().isEmpty() ? getMessage() : problems().getFirst().message();
    }
}
