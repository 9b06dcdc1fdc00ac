package org.ferret.intelligence.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.ferret.shared.FerretException.FieldProblem;

/**
 * The CSV layout of seizures (docs/intelligence.md, "Import"): a header naming the columns, then one row per seized
 * item; rows with the same {@code reference} are one seizure, whose columns ({@link SeizureFields#SEIZURE}) must
 * agree on every row that gives them. Persons are not taken from CSV (JSON only). Line numbers are physical lines,
 * the header is line 1. No Spring, nothing written.
 */
public final class SeizureCsv {

    /** Column that names a whole-file problem. */
    public static final String FILE = "file";

    private SeizureCsv() {
    }

    /** The seizures read, in file order, or the problems (each naming a line and a column). */
    public record Result(List<SeizureFields.Raw> seizures, List<FieldProblem> problems) {
    }

    public static Result read(Reader input, int maxRows) {
        List<FieldProblem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(input).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                problems.add(new FieldProblem(FILE, 1, "the file is empty; expected a header line naming the columns ("
                        + String.join(", ", SeizureFields.SEIZURE) + ", " + String.join(", ", SeizureFields.ITEM) + ")"));
                return new Result(List.of(), problems);
            }
            for (String h : header) {
                if (!SeizureFields.SEIZURE.contains(h) && !SeizureFields.ITEM.contains(h)) {
                    problems.add(new FieldProblem(h.isBlank() ? FILE : h, 1, "'" + h + "' is not a column of the seizures layout; expected: "
                            + String.join(", ", SeizureFields.SEIZURE) + ", " + String.join(", ", SeizureFields.ITEM)));
                }
            }
            for (String required : List.of("reference", "seizedOn", "type")) {
                if (!header.contains(required)) {
                    problems.add(new FieldProblem(required, 1, "the header lacks the column '" + required + "'"));
                }
            }
            if (!problems.isEmpty()) {
                return new Result(List.of(), problems);
            }
            Map<String, Seizure> byReference = new LinkedHashMap<>();
            CsvRows.each(parser, header.size(), maxRows, "rows", problems, (line, record) -> {
                Map<String, String> seizure = new HashMap<>();
                Map<String, String> item = new HashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    String v = record.get(c);
                    if (v.isEmpty()) continue;
                    (SeizureFields.SEIZURE.contains(header.get(c)) ? seizure : item).put(header.get(c), v);
                }
                String reference = seizure.get("reference");
                if (reference == null) {
                    problems.add(new FieldProblem("reference", line, "must be given: rows with the same reference are one seizure"));
                    return;
                }
                Seizure s = byReference.get(reference);
                if (s == null) {
                    byReference.put(reference, new Seizure(line, seizure, new ArrayList<>(List.of(new SeizureFields.Part(line, "", item)))));
                } else {
                    for (var e : seizure.entrySet()) {
                        String first = s.values.get(e.getKey());
                        if (first == null) {
                            s.values.put(e.getKey(), e.getValue());
                        } else if (!first.equals(e.getValue())) {
                            problems.add(new FieldProblem(e.getKey(), line, "differs from line " + s.line + " of seizure "
                                    + reference + " ('" + first + "'); give the seizure's columns once or alike on each of its rows"));
                        }
                    }
                    s.items.add(new SeizureFields.Part(line, "", item));
                }
            });
            List<SeizureFields.Raw> out = new ArrayList<>();
            byReference.values().forEach(s -> out.add(new SeizureFields.Raw(new SeizureFields.Part(s.line, "", s.values), s.items, List.of())));
            if (out.isEmpty() && problems.isEmpty()) {
                problems.add(new FieldProblem(FILE, 2, "the file holds a header and no rows"));
            }
            return new Result(out, problems);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(CsvRows.unreadable(e, 1));
            return new Result(List.of(), problems);
        }
    }

    private record Seizure(int line, Map<String, String> values, List<SeizureFields.Part> items) {
    }
}
