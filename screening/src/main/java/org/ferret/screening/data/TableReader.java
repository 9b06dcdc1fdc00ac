package org.ferret.screening.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ferret.screening.profile.Column;
import org.ferret.screening.profile.ColumnKind;
import org.ferret.screening.profile.Profile;

/**
 * Reads declaration CSV files under a profile. The header must name profile columns only (in any order) and
 * all required ones. With {@link OnError#STOP} the first bad row aborts the read; with
 * {@link OnError#SKIP_AND_REPORT} bad rows are left out and every one of them is returned in {@link Result#problems()}.
 */
public final class TableReader {
    private final Profile profile;
    private final OnError onError;
    // the number columns and the values each may take, checked once a row's fields have all parsed
    private final int[] numberColumns;
    private final Column.Range[] ranges;

    public TableReader(Profile profile, OnError onError) {
        this.profile = profile;
        this.onError = onError;
        List<Column> cols = profile.columns();
        numberColumns = java.util.stream.IntStream.range(0, cols.size()).filter(c -> cols.get(c).kind() == ColumnKind.NUMBER).toArray();
        ranges = java.util.Arrays.stream(numberColumns).mapToObj(c -> cols.get(c).range()).toArray(Column.Range[]::new);
    }

    /** The rows read and the rows skipped (each with its reason). */
    public record Result(Table table, List<RowProblem> problems) {}

    public Result read(List<Path> files) throws IOException, BadInputException {
        return read(files, FastReader.DEFAULT_WINDOW);
    }

    /** {@link #read(List)} with byte windows of the given size (tests use small ones). */
    Result read(List<Path> files, int window) throws IOException, BadInputException {
        return new FastReader(this, profile, onError, window).read(files);
    }

    /** Takes the rows of a file window by window (streaming); the table is valid only during the call. */
    public interface WindowSink {
        /** @param bytesRead bytes of the files read so far, for progress */
        void accept(Table rows, long bytesRead) throws IOException, BadInputException;
    }

    /**
     * Reads the files in byte windows of {@code window} bytes and hands the good rows of each window to {@code sink}
     * in file order, holding no more than two windows' rows; returns the rows skipped (with
     * {@link OnError#SKIP_AND_REPORT}). The table given to the sink reuses its arrays for the next window.
     */
    public List<RowProblem> stream(List<Path> files, int window, WindowSink sink) throws IOException, BadInputException {
        return new FastReader(this, profile, onError, window).stream(files, sink);
    }

    /** The old, line-by-line path for a list of files; kept to check the fast path against it. */
    Result readByLines(List<Path> files) throws IOException, BadInputException {
        Table.Builder b = new Table.Builder(profile);
        List<RowProblem> problems = new ArrayList<>();
        for (Path f : files) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(f), StandardCharsets.UTF_8), 1 << 16)) {
                read(f.toString(), in, b, problems);
            } catch (NoSuchFileException e) {
                throw new BadInputException(new RowProblem(f.toString(), 0, null, "no such file"));
            }
        }
        return new Result(b.build(), problems);
    }

    /** Reads one source (named {@code file} in messages) into the builder. */
    public void read(String file, BufferedReader reader, Table.Builder b, List<RowProblem> problems) throws IOException, BadInputException {
        Csv.RecordReader in = new Csv.RecordReader(reader);
        int[] target = header(file, in.next());
        int n = target.length;
        List<Column> cols = profile.columns();
        int width = cols.size();
        int timeCol = profile.indexOf(profile.timeColumn());
        int labelCol = profile.indexOf(profile.labelColumn());
        int idCol = profile.indexOf(profile.idColumn());
        @SuppressWarnings("unchecked")
        Map<String, String>[] interned = new Map[width];
        for (int c = 0; c < width; c++) {
            ColumnKind k = cols.get(c).kind();
            if (k == ColumnKind.CATEGORY || k == ColumnKind.COUNTRY || k == ColumnKind.HS_CODE) interned[c] = new java.util.concurrent.ConcurrentHashMap<>();
        }
        if (timeCol < 0 || labelCol < 0 || idCol < 0) throw new IllegalStateException("profile without role columns");
        // records are cut sequentially (quotes may span lines) and parsed in batches on two threads; batches are
        // appended in file order, so rows keep their order and the first bad row is the first one reported
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread th = new Thread(r, "csv-parse");
            th.setDaemon(true);
            return th;
        });
        try {
            java.util.ArrayDeque<java.util.concurrent.Future<Batch>> inFlight = new java.util.ArrayDeque<>();
            boolean more = true;
            while (more || !inFlight.isEmpty()) {
                while (more && inFlight.size() < 4) {
                    List<String> records = new ArrayList<>(BATCH);
                    long[] lines = new long[BATCH];
                    String record;
                    while (records.size() < BATCH && (record = in.next()) != null) {
                        if (record.isEmpty()) continue; // a blank line is not a declaration (trailing newline at end of file)
                        lines[records.size()] = in.line();
                        records.add(record);
                    }
                    if (records.size() < BATCH) more = false;
                    if (records.isEmpty()) break;
                    inFlight.add(pool.submit(() -> parse(file, records, lines, n, target, cols, interned)));
                }
                if (inFlight.isEmpty()) break;
                Batch batch;
                try {
                    batch = inFlight.removeFirst().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                for (int r = 0; r < batch.size; r++) {
                    if (batch.problems[r] != null) {
                        if (onError == OnError.STOP) throw new BadInputException(batch.problems[r]);
                        problems.add(batch.problems[r]);
                        continue;
                    }
                    b.add(batch.text[r], batch.numbers[r], batch.time[r], batch.label[r], batch.severity[r], file, batch.line[r]);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Checks a header record (null when the source is empty) and maps its fields to profile columns. */
    int[] header(String file, String header) throws BadInputException {
        if (header == null) throw new BadInputException(new RowProblem(file, 1, null, "empty file: expected a header line"));
        if (!header.isEmpty() && header.charAt(0) == '\uFEFF') header = header.substring(1);
        List<String> names;
        try {
            names = Csv.split(header);
        } catch (Csv.MalformedRecord e) {
            throw new BadInputException(new RowProblem(file, 1, null, "header: " + e.getMessage()));
        }
        int n = names.size();
        int[] target = new int[n];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String name = names.get(i).strip();
            int c = profile.indexOf(name);
            if (c < 0) {
                throw new BadInputException(new RowProblem(file, 1, name, "unknown column for profile " + profile.name()
                        + " (expected: " + String.join(", ", profile.columnNames()) + ")"));
            }
            if (!seen.add(name)) throw new BadInputException(new RowProblem(file, 1, name, "column appears twice"));
            target[i] = c;
        }
        for (Column col : profile.columns()) {
            if (col.required() && !seen.contains(col.name())) {
                throw new BadInputException(new RowProblem(file, 1, col.name(), "required column missing for profile " + profile.name()));
            }
        }
        return target;
    }

    private static final int BATCH = 8192;

    /** Parsed rows of one batch; {@code problems[r]} is non-null for a bad row. */
    private static final class Batch {
        int size;
        String[][] text;
        double[][] numbers;
        long[] time;
        int[] label;
        int[] severity;
        long[] line;
        RowProblem[] problems;
    }

    private Batch parse(String file, List<String> records, long[] lines, int n, int[] target, List<Column> cols, Map<String, String>[] interned) {
        int width = cols.size();
        Batch out = new Batch();
        int size = records.size();
        out.size = size;
        out.text = new String[size][];
        out.numbers = new double[size][];
        out.time = new long[size];
        out.label = new int[size];
        out.severity = new int[size];
        out.line = java.util.Arrays.copyOf(lines, size);
        out.problems = new RowProblem[size];
        Row row = new Row(width);
        for (int r = 0; r < size; r++) {
            long line = lines[r];
            row.reset();
            RowProblem problem = parseRecord(file, line, records.get(r), n, target, cols, interned, row);
            if (problem != null) {
                out.problems[r] = problem;
                continue;
            }
            out.text[r] = row.tv.clone();
            out.numbers[r] = row.nv.clone();
            out.time[r] = row.time;
            out.label[r] = row.label;
            out.severity[r] = row.severity;
        }
        return out;
    }

    /** One row's values while it is parsed. */
    static final class Row {
        final String[] tv;
        final double[] nv;
        long time;
        int label;
        int severity;

        Row(int width) {
            tv = new String[width];
            nv = new double[width];
        }

        void reset() {
            Arrays.fill(tv, "");
            Arrays.fill(nv, Double.NaN);
            time = 0;
            label = -1;
            severity = -1;
        }
    }

    /** Parses one record's text into {@code row} (reset beforehand); returns its problem or null. */
    RowProblem parseRecord(String file, long line, String record, int n, int[] target, List<Column> cols, Map<String, String>[] interned, Row row) {
        List<String> fields;
        try {
            fields = Csv.split(record);
        } catch (Csv.MalformedRecord e) {
            return new RowProblem(file, line, null, e.getMessage());
        }
        if (fields.size() != n) {
            return new RowProblem(file, line, null, "expected " + n + " fields as in the header, found " + fields.size());
        }
        for (int i = 0; i < n; i++) {
            int c = target[i];
            Column col = cols.get(c);
            try {
                applyField(col.kind(), c, fields.get(i).strip(), interned, row);
            } catch (IllegalArgumentException e) {
                return new RowProblem(file, line, col.name(), e.getMessage());
            }
        }
        return finishRow(file, line, row);
    }

    /** Stores one stripped field value; throws IllegalArgumentException with the reason when it is bad. */
    static void applyField(ColumnKind kind, int c, String v, Map<String, String>[] interned, Row row) {
        switch (kind) {
            case NUMBER -> row.nv[c] = Values.number(v);
            case TIME -> {
                if (v.isEmpty()) throw new IllegalArgumentException("missing date");
                row.time = Values.time(v);
                row.tv[c] = v;
            }
            case LABEL -> {
                row.label = Values.label(v);
                row.tv[c] = v;
            }
            case SEVERITY -> {
                row.severity = Values.severity(v);
                row.tv[c] = v;
            }
            case COUNTRY -> row.tv[c] = intern(interned[c], Values.country(v));
            case HS_CODE -> row.tv[c] = intern(interned[c], Values.hsCode(v));
            case CATEGORY -> row.tv[c] = intern(interned[c], v);
            case ID -> {
                if (v.isEmpty()) throw new IllegalArgumentException("missing identifier");
                row.tv[c] = v;
            }
            default -> row.tv[c] = v;
        }
    }

    /**
     * The checks of a row whose fields all parsed: every number within its column's range, label and severity
     * agreeing; derives the label from the severity.
     */
    RowProblem finishRow(String file, long line, Row row) {
        for (int i = 0; i < numberColumns.length; i++) {
            double v = row.nv[numberColumns[i]];
            if (v != v) continue;
            Column.Range range = ranges[i];
            if (v < range.min() || v > range.max() || (range.whole() && v != Math.rint(v))) {
                return new RowProblem(file, line, profile.columns().get(numberColumns[i]).name(), range.problem(v));
            }
        }
        int label = row.label, severity = row.severity;
        if (label == 1 && profile.severityColumn() != null && severity == 0) {
            return new RowProblem(file, line, profile.severityColumn(), "severity 0 contradicts " + profile.labelColumn() + " = 1");
        }
        if (label == 0 && severity > 0) {
            return new RowProblem(file, line, profile.severityColumn(), "severity " + severity + " contradicts " + profile.labelColumn() + " = 0");
        }
        if (label < 0 && severity >= 0) row.label = severity > 0 ? 1 : 0;
        return null;
    }

    /** Interning maps (one per CATEGORY, COUNTRY and HS_CODE column, null for the others). */
    @SuppressWarnings("unchecked")
    static Map<String, String>[] internMaps(List<Column> cols) {
        Map<String, String>[] interned = new Map[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            ColumnKind k = cols.get(c).kind();
            if (k == ColumnKind.CATEGORY || k == ColumnKind.COUNTRY || k == ColumnKind.HS_CODE) interned[c] = new java.util.concurrent.ConcurrentHashMap<>();
        }
        return interned;
    }

    static String intern(Map<String, String> m, String v) {
        String e = m.putIfAbsent(v, v);
        return e == null ? v : e;
    }
}
