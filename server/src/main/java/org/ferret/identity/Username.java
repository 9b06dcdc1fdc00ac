package org.ferret.identity;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;

/** A login name: 3 to 64 characters of lower-case letters, digits, dot, dash and underscore. */
public record Username(String value) {
    public Username {
        if (value == null || !value.matches("[a-z0-9._-]{3,64}")) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED,
                    "username must be 3-64 characters of a-z, 0-9, '.', '-' or '_'",
                    java.util.List.of(new FerretException.FieldProblem("username", "expected 3-64 of a-z 0-9 . - _")));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
