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

    public TableReader(Profile profile, OnError onError) {
        this.profile = profile;
        this.onError = onError;
    }

    /** The rows read and the rows skipped (each with its reason). */
    public record Result(Table table, List<RowProblem> problems) {}

    public Result read(List<Path> files) throws IOException, BadInputException {
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
        String header = in.next();
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
        for (int r = 0; r < size; r++) {
            long line = lines[r];
            String[] tv = new String[width];
            double[] nv = new double[width];
            Arrays.fill(tv, "");
            Arrays.fill(nv, Double.NaN);
            RowProblem problem = null;
            List<String> fields = null;
            try {
                fields = Csv.split(records.get(r));
            } catch (Csv.MalformedRecord e) {
                problem = new RowProblem(file, line, null, e.getMessage());
            }
            if (problem == null && fields.size() != n) {
                problem = new RowProblem(file, line, null, "expected " + n + " fields as in the header, found " + fields.size());
            }
            long time = 0;
            int label = -1, severity = -1;
            if (problem == null) {
                for (int i = 0; i < n && problem == null; i++) {
                    int c = target[i];
                    Column col = cols.get(c);
                    String v = fields.get(i).strip();
                    try {
                        switch (col.kind()) {
                            case NUMBER -> nv[c] = Values.number(v);
                            case TIME -> {
                                if (v.isEmpty()) throw new IllegalArgumentException("missing date");
                                time = Values.time(v);
                                tv[c] = v;
                            }
                            case LABEL -> {
                                label = Values.label(v);
                                tv[c] = v;
                            }
                            case SEVERITY -> {
                                severity = Values.severity(v);
                                tv[c] = v;
                            }
                            case COUNTRY -> tv[c] = intern(interned[c], Values.country(v));
                            case HS_CODE -> tv[c] = intern(interned[c], Values.hsCode(v));
                            case CATEGORY -> tv[c] = intern(interned[c], v);
                            case ID -> {
                                if (v.isEmpty()) throw new IllegalArgumentException("missing identifier");
                                tv[c] = v;
                            }
                            default -> tv[c] = v;
                        }
                    } catch (IllegalArgumentException e) {
                        problem = new RowProblem(file, line, col.name(), e.getMessage());
                    }
                }
            }
            if (problem == null && label == 1 && profile.severityColumn() != null && severity == 0) {
                problem = new RowProblem(file, line, profile.severityColumn(), "severity 0 contradicts " + profile.labelColumn() + " = 1");
            }
            if (problem == null && label == 0 && severity > 0) {
                problem = new RowProblem(file, line, profile.severityColumn(), "severity " + severity + " contradicts " + profile.labelColumn() + " = 0");
            }
            if (problem != null) {
                out.problems[r] = problem;
                continue;
            }
            if (label < 0 && severity >= 0) label = severity > 0 ? 1 : 0;
            out.text[r] = tv;
            out.numbers[r] = nv;
            out.time[r] = time;
            out.label[r] = label;
            out.severity[r] = severity;
        }
        return out;
    }

    private static String intern(Map<String, String> m, String v) {
        String e = m.putIfAbsent(v, v);
        return e == null ? v : e;
    }
}
