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
        if (!committed) {
            return "Import rejected: " + rejected + " of " + rows + " rows have problems; nothing was written.";
        }
        return "Imported " + created + " new items, " + alreadyPresent + " already present"
                + (rejected > 0 ? ", " + rejected + " rows rejected" : "") + " (" + rows + " rows).";
    }
}
