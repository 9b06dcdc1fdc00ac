package org.ferret.screening.data;

/**
 * A bad row: where it is (file and 1-based line, 0 for a problem with the whole file), which field (or null for
 * the whole row), and what was expected.
 */
public record RowProblem(String file, long line, String field, String reason) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (field == null ? "" : "field '" + field + "': ") + reason;
    }
}
