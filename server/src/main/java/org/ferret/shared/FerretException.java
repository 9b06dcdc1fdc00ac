package org.ferret.shared;

import java.util.List;

/** Base of every domain exception: carries a stable {@link ErrorCode} and, where known, the fields or lines at fault. */
public class FerretException extends RuntimeException {

    /** One problem with one field (and, for file imports, one line). */
    public record FieldProblem(String field, Integer line, String message) {
        public FieldProblem(String field, String message) {
            this(field, null, message);
        }
    }

    private final ErrorCode code;
    private final List<FieldProblem> problems;

    public FerretException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public FerretException(ErrorCode code, String message, List<FieldProblem> problems) {
        super(message);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
