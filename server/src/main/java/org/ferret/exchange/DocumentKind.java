package org.ferret.exchange;

import java.util.List;
import java.util.regex.Pattern;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;

/**
 * What a document carries, e.g. {@code TRACE_REQUEST} or {@code AUDIT_CHECKPOINT}: upper-case letters, digits and
 * underscores, 3 to 40 characters. Each kind is owned by exactly one module's {@link DocumentHandler}.
 */
public record DocumentKind(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9_]{2,39}");

    public DocumentKind {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "kind: '" + value
                    + "' is not a document kind (3 to 40 upper-case letters, digits or underscores)",
                    List.of(new FieldProblem("kind", "3 to 40 upper-case letters, digits or underscores")));
        }
    }

    public static DocumentKind of(String value) {
        return new DocumentKind(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
