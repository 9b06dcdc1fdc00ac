package org.ferret.standards;

import java.util.List;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;

/** A standard pack that does not read or validate; each problem names its line and field. */
public class PackInvalidException extends FerretException {
    public PackInvalidException(String file, List<FieldProblem> problems) {
        super(ErrorCode.STANDARD_PACK_INVALID, "Standard pack " + file + " is invalid: " + problems.stream()
                .map(p -> (p.line() == null ? "" : "line " + p.line() + ", ") + p.field() + ": " + p.message())
                .reduce((a, b) -> a + "; " + b).orElse(""), problems);
    }
}
