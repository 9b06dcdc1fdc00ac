package org.ferret.registry;

import java.util.List;
import java.util.UUID;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;

/**
 * The outcome of a bulk import. {@code created} rows became new items, {@code alreadyPresent} rows were skipped
 * because an item with their external_ref exists (re-import), {@code rejected} rows had problems, each listed in
 * {@code problems} with its line (the header is line 1) and column. {@code committed} says whether anything was
 * written; in ALL_OR_NOTHING mode a single bad row means nothing was. {@code sha256} identifies the input file.
 */
public record ImportReport(UUID job, ImportMode mode, long rows, long created, long alreadyPresent, long rejected,
        boolean committed, String sha256, List<FieldProblem> problems) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The report as an IMPORT_REJECTED error, for callers that turn a rejected import into an error response. */
    public FerretException asRejection() {
        return new FerretException(ErrorCode.IMPORT_REJECTED, summary(), problems);
    }

    /** One line for people: counts and, if rejected, why. */
    public String summary() {
        String problemCount = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        String rowCount = rejected + " of " + rows + (rows == 1 ? " row " : " rows ") + (rejected == 1 ? "has" : "have")
                + " problems";
        FieldProblem file = fileProblem();
        if (!committed && file != null) {
            return "Import rejected" + (file.line() == null ? "" : " at line " + file.line()) + ": " + file.message()
                    + ". Nothing was written" + (rows > 0 ? "; " + rowCount + " (" + problemCount + ")." : ".");
        }
        if (!committed) {
            return "Import rejected: " + rowCount + " (" + problemCount + "); nothing was written.";
        }
        return "Imported " + created + " new items, " + alreadyPresent + " already present"
                + (rejected > 0 ? ", " + rejected + " rows rejected (" + problemCount + ")" : "") + " (" + rows + " rows).";
    }

    /** The problem that stopped the reading of the whole file (encoding, CSV syntax, header, size), or null. */
    public FieldProblem fileProblem() {
        return problems.stream().filter(p -> p.field() != null && p.field().startsWith("(")
                && !p.field().equals("(row)")).findFirst()
                .or(() -> problems.stream().filter(p -> Integer.valueOf(1).equals(p.line())).findFirst())
                .orElse(null);
    }
}
