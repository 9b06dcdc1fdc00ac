package org.ferret.screening.data;

import java.util.List;

/** Input that cannot be used as it is; carries every problem found, each with its file and line. */
public final class BadInputException extends Exception {
    private final List<RowProblem> problems;

    public BadInputException(List<RowProblem> problems) {
        super(problems.isEmpty() ? "bad input" : problems.get(0).toString()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public BadInputException(RowProblem problem) {
        this(List.of(problem));
    }

    public List<RowProblem> problems() {
        return problems;
    }
}
