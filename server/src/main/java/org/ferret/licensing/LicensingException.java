package org.ferret.licensing;

import java.util.List;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;

/** A licensing refusal: a bad application, an illegal transition, a failed check or an uncovered shipment. */
public class LicensingException extends FerretException {

    public LicensingException(ErrorCode code, String field, String message) {
        super(code, field == null ? message : field + ": " + message,
                field == null ? List.of() : List.of(new FieldProblem(field, message)));
    }

    public LicensingException(ErrorCode code, String message, List<FieldProblem> problems) {
        super(code, message, problems);
    }
}
