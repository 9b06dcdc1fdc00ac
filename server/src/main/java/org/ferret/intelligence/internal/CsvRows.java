package org.ferret.intelligence.internal;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.StrictUtf8Reader;

/**
 * The row loop the intelligence module's CSV imports share (seizures, listings): each record with its line number,
 * a record whose number of values differs from the header's is a problem of its line (and skipped), more than
 * {@code maxRows} rows stop the reading, and a file that cannot be read further (bad quoting, invalid UTF-8) is a
 * problem naming the line it fails from. All problems are named for the field {@value #FILE} or {@code row}.
 */
final class CsvRows {
    static final String FILE = "file";

    private CsvRows() {
    }

    /** Calls {@code row} with each well-formed record and its line; {@code what} names the rows ("rows", "listings"). */
    static void each(CSVParser parser, int columns, int maxRows, String what, List<FieldProblem> problems,
            BiConsumer<Integer, CSVRecord> row) {
        int count = 0;
        var it = parser.iterator();
        while (true) {
            int line = (int) Math.min(Integer.MAX_VALUE - 1, parser.getCurrentLineNumber() + 1);
            CSVRecord record;
            try {
                if (!it.hasNext()) break;
                record = it.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                problems.add(unreadable(e, line));
                break;
            }
            if (record.size() != columns) {
                problems.add(new FieldProblem("row", line, "has " + record.size() + " values; the header names " + columns + " columns"));
                continue;
            }
            if (++count > maxRows) {
                problems.add(new FieldProblem(FILE, line, "more than " + maxRows + " " + what + "; split the file"));
                break;
            }
            row.accept(line, record);
        }
    }

    /** The problem of a file that cannot be read on from {@code line}: its invalid UTF-8, or the CSV's own words. */
    static FieldProblem unreadable(Exception e, int line) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StrictUtf8Reader.InvalidUtf8Exception u) {
                return new FieldProblem(FILE, (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1, u.line())), u.getMessage());
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String reason = String.valueOf(root.getMessage()).replaceFirst("^\\(startline \\d+\\) ", "");
        if (reason.length() > 80) reason = reason.substring(0, 80) + "…";
        return new FieldProblem(FILE, line, "the CSV cannot be read from line " + line + " on: " + reason
                + " (a value holding a comma, a quote or a line break must be in double quotes, a quote inside it doubled)");
    }
}
