package org.ferret.registry.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.ferret.shared.StrictUtf8Reader.InvalidUtf8Exception;
import org.ferret.shared.FerretException.FieldProblem;

/**
 * Reads an import file into validated rows and a complete list of problems: every problem of every row (line,
 * column, reason), counted honestly. Line numbers are physical lines of the file (the header is line 1), so a
 * quoted field spanning lines or a blank line does not shift them. A file that cannot be read on (not UTF-8,
 * broken CSV quoting, more rows than allowed) stops with a {@link #fatal()} problem naming where.
 * One instance reads one file; it writes nothing.
 */
public final class CsvImportReader {

    /** The pseudo-column of problems with the file as a whole. */
    public static final String FILE = "(file)";

    private final long maxRows;
    private final List<FieldProblem> problems;
    private final Map<String, Integer> seenRefs = new HashMap<>();
    private long rows;
    private long rejected;
    private boolean fatal;

    /** Problems are appended to {@code problems}; more than {@code maxRows} data rows stop the reading. */
    public CsvImportReader(long maxRows, List<FieldProblem> problems) {
        this.maxRows = maxRows;
        this.problems = problems;
    }

    /** Data rows seen, good or bad (a row that broke the CSV syntax counts as one). */
    public long rows() {
        return rows;
    }

    /** Rows with at least one problem. */
    public long rejected() {
        return rejected;
    }

    /** True if the file could not be read to its end (nothing of it may be committed). */
    public boolean fatal() {
        return fatal;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /**
     * Reads {@code input} to its end: each good row goes to {@code good}, {@code afterRow} hears the count of rows
     * after each row. An {@link IOException} of the input other than invalid UTF-8 propagates as unchecked.
     */
    public void read(Reader input, Consumer<CsvLayout.Row> good, LongConsumer afterRow) {
        LineIndex lines = new LineIndex(input);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(lines).setFormat(format).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            unreadable(e, 1, 1);
            return;
        }
        try (parser) {
            List<String> raw = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "")).toList();
            if (raw.isEmpty()) {
                fail(new FieldProblem(FILE, 1, "the file is empty; expected a header line naming the columns"));
                return;
            }
            for (int i = 0; i < raw.size(); i++) {
                int at = firstControl(raw.get(i));
                if (at >= 0) {
                    fail(new FieldProblem("(header)", 1, "column " + (i + 1) + " of the header " + control(raw.get(i), at)));
                    return;
                }
                if (raw.get(i).isBlank()) {
                    fail(new FieldProblem("(header)", 1, "column " + (i + 1) + " of the header has no name; expected a "
                            + "header line naming the columns (" + String.join(", ", CsvLayout.COLUMNS) + ")"));
                    return;
                }
            }
            List<String> header = raw.stream().map(String::strip).toList();
            List<FieldProblem> headerProblems = CsvLayout.checkHeader(header);
            if (!headerProblems.isEmpty()) {
                headerProblems.forEach(this::fail);
                return;
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.put(header.get(i), i);
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long endOfPrevious = parser.getCurrentLineNumber();
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    rows++;
                    rejected++;
                    unreadable(e, endOfPrevious + 1, parser.getCurrentLineNumber() + 1);
                    return;
                }
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line (skipped here rather than by commons-csv, so line numbers stay exact)
                }
                if (rows == maxRows) {
                    int line = lines.lineAt(record.getCharacterPosition());
                    fail(new FieldProblem(FILE, line, "more than " + maxRows + " data rows: at most " + maxRows
                            + " are accepted in one file here; split the file, or import it with ./ferret import items"));
                    return;
                }
                row(record, index, header, lines.lineAt(record.getCharacterPosition()), good);
                afterRow.accept(rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the import file failed", e);
        }
    }

    private void row(CSVRecord record, Map<String, Integer> index, List<String> header, int line,
            Consumer<CsvLayout.Row> good) {
        rows++;
        int before = problems.size();
        Set<String> controlled = new HashSet<>();
        for (int i = 0; i < record.size() && i < header.size(); i++) {
            String v = record.get(i);
            int at = firstControl(v);
            if (at >= 0) {
                controlled.add(header.get(i));
                problems.add(new FieldProblem(header.get(i), line, control(v, at)));
            }
        }
        int checked = problems.size();
        CsvLayout.Row row = CsvLayout.parse(record, index, line, problems);
        if (!controlled.isEmpty()) {
            // a value with a control character is reported once, as that, not again by the value's own checks
            problems.subList(checked, problems.size()).removeIf(p -> controlled.contains(p.field()));
            row = null;
        }
        if (row != null) {
            Integer earlier = seenRefs.putIfAbsent(row.externalRef(), line);
            if (earlier != null) {
                problems.add(new FieldProblem(CsvLayout.EXTERNAL_REF, line,
                        "external_ref '" + row.externalRef() + "' already appears on line " + earlier));
                row = null;
            }
        }
        if (row == null || problems.size() > before) {
            rejected++;
        } else {
            good.accept(row);
        }
    }

    private void unreadable(Exception e, long from, long to) {
        InvalidUtf8Exception utf8 = utf8Cause(e);
        if (utf8 != null) {
            fail(new FieldProblem(FILE, (int) utf8.line(), utf8.getMessage()));
            return;
        }
        String reason = rootMessage(e).replaceFirst("^\\(startline \\d+\\) ", "");
        fail(new FieldProblem(FILE, (int) Math.min(Integer.MAX_VALUE, from), "the CSV cannot be parsed at line " + from
                + (to > from ? " (read up to line " + to + ")" : "") + ": " + reason + "; nothing from line " + from
                + " on could be read"));
    }

    private void fail(FieldProblem p) {
        fatal = true;
        problems.add(p);
    }

    /** Index of the first control character (Unicode Cc: U+0000–U+001F, U+007F–U+009F) in {@code v}, or -1. */
    static int firstControl(String v) {
        if (v == null) {
            return -1;
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.getType(v.charAt(i)) == Character.CONTROL) {
                return i;
            }
        }
        return -1;
    }

    private static String control(String v, int at) {
        return "contains the control character U+" + String.format("%04X", (int) v.charAt(at)) + " at position "
                + (at + 1) + "; control characters (including line breaks and tabs) are not allowed in a value";
    }

    private static InvalidUtf8Exception utf8Cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InvalidUtf8Exception u) {
                return u;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return String.valueOf(c.getMessage());
    }

    /**
     * Passes characters through while remembering where lines start, so that a record's character position
     * (commons-csv counts characters from the start of the input) maps to its physical line. Only line starts not
     * yet passed by the parser are kept.
     */
    private static final class LineIndex extends Reader {
        private final Reader in;
        private final ArrayDeque<Long> starts = new ArrayDeque<>();
        private long position;
        private int linesBefore = 1;
        private boolean afterCr;

        LineIndex(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            for (int i = 0; i < n; i++) {
                position++;
                char c = buf[off + i];
                // a line break is \n, \r\n or a lone \r, as commons-csv counts them; a line starts after it
                if (c == '\n') {
                    if (afterCr && !starts.isEmpty() && starts.peekLast() == position - 1) {
                        starts.pollLast();
                    }
                    starts.add(position);
                } else if (c == '\r') {
                    starts.add(position);
                }
                afterCr = c == '\r';
            }
            return n;
        }

        /** The 1-based line holding the character at {@code position}; positions must not go backwards. */
        int lineAt(long pos) {
            while (!starts.isEmpty() && starts.peekFirst() <= pos) {
                starts.pollFirst();
                linesBefore++;
            }
            return linesBefore;
        }

        @Override
        public void close() {
            // the caller owns the underlying reader
        }
    }
}
