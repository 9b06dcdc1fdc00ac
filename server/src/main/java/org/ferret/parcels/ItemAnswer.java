package org.ferret.parcels;

import java.util.List;

import org.ferret.shared.FerretException.FieldProblem;

/**
 * The answer for one item of a batch: {@code ACCEPTED} (a new version, with its decision), {@code UNCHANGED} (the
 * same declaration again: no new version, the decision it already had) or {@code REJECTED} (the fields at fault).
 */
public record ItemAnswer(int index, String itemId, Status status, Integer version, Decision decision, PickedBy pickedBy,
        Double score, String reasons, List<String> rulesHit, List<FieldProblem> problems) {

    public enum Status { ACCEPTED, UNCHANGED, REJECTED }

    /** Hold for inspection, or release. */
    public enum Decision { HOLD, RELEASE }

    static ItemAnswer rejected(int index, String itemId, List<FieldProblem> problems) {
        return new ItemAnswer(index, itemId, Status.REJECTED, null, null, null, null, null, null, problems);
    }
}
