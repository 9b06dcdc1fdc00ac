package org.ferret.screening.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferret.screening.data.Csv;
import org.ferret.screening.data.Table;
import org.ferret.screening.model.Scorer;

/**
 * Writes scores as {@code <id column>,score,reasons,critical_score[,selected]} in the input's row order, and their
 * provenance beside them: {@code critical_score} is blank when the model has no critical-class trees; {@code selected}
 * (1 or 0) is there only when a selection was asked for.
 */
final class ScoresCsv {
    private ScoresCsv() {}

    /** Rows formatted per chunk; chunks are formatted on two threads while the file is written in order. */
    private static final int CHUNK = 65_536;

    static void write(Path out, Table t, Scorer.Scores s) throws IOException {
        write(out, t, s, null);
    }

    /** The header line: the id column, score, reasons, critical_score and, with a selection, selected. */
    static byte[] header(Table t, boolean withSelected) {
        return (Csv.quote(t.profile().idColumn()) + ",score,reasons,critical_score" + (withSelected ? ",selected" : "") + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** As {@link #write(Path, Table, Scorer.Scores)}, with the {@code selected} column when {@code selected} is not null. */
    static void write(Path out, Table t, Scorer.Scores s, boolean[] selected) throws IOException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread th = new Thread(r, "scores-format");
            th.setDaemon(true);
            return th;
        });
        try (OutputStream o = Files.newOutputStream(out)) {
            o.write(header(t, selected != null));
            writeRows(o, t, s, selected, pool);
        } finally {
            pool.shutdownNow();
        }
        Files.writeString(out.resolveSibling(out.getFileName() + ".provenance"),
                "scored by " + s.provenance() + "\nrows " + t.size() + "\n", StandardCharsets.UTF_8);
    }

    /** Every row of {@code t} (no header, no selected column) to {@code o}, formatted on two threads. */
    static void writeRows(OutputStream o, Table t, Scorer.Scores s) throws IOException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread th = new Thread(r, "scores-format");
            th.setDaemon(true);
            return th;
        });
        try {
            writeRows(o, t, s, null, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void writeRows(OutputStream o, Table t, Scorer.Scores s, boolean[] selected, java.util.concurrent.ExecutorService pool) throws IOException {
        int n = t.size(), chunks = (n + CHUNK - 1) / CHUNK;
        try {
            java.util.ArrayDeque<java.util.concurrent.Future<byte[]>> inFlight = new java.util.ArrayDeque<>();
            int next = 0;
            while (next < chunks || !inFlight.isEmpty()) {
                while (next < chunks && inFlight.size() < 4) {
                    int from = next * CHUNK, to = Math.min(n, from + CHUNK);
                    inFlight.add(pool.submit(() -> format(t, s, selected, 0, from, to)));
                    next++;
                }
                o.write(inFlight.removeFirst().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Copies a scores file written without the selected column ({@code part}) to {@code out} with it: ",selected"
     * after the header, ",1" or ",0" at the end of each row in order. Rows end at a line break outside quotes (a
     * quoted cell may hold one; quotes inside cells are doubled, so counting them tells inside from outside).
     */
    static void appendSelected(Path part, Path out, boolean[] selected) throws IOException {
        byte[] yes = ",1\n".getBytes(StandardCharsets.US_ASCII), no = ",0\n".getBytes(StandardCharsets.US_ASCII), head = ",selected\n".getBytes(StandardCharsets.US_ASCII);
        try (java.io.InputStream in = Files.newInputStream(part); OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            byte[] buf = new byte[1 << 20];
            long row = -1; // the header first
            boolean quoted = false;
            int len;
            while ((len = in.read(buf)) > 0) {
                int from = 0;
                for (int i = 0; i < len; i++) {
                    byte b = buf[i];
                    if (b == '"') quoted = !quoted;
                    else if (b == '\n' && !quoted) {
                        o.write(buf, from, i - from);
                        if (row < 0) o.write(head);
                        else if (row >= selected.length) throw new IllegalStateException("more rows than scores");
                        else o.write(selected[(int) row] ? yes : no);
                        row++;
                        from = i + 1;
                    }
                }
                o.write(buf, from, len - from);
            }
            if (row != selected.length) throw new IllegalStateException(row + " rows written for " + selected.length + " scores");
        }
    }

    /** Rows {@code from .. to-1} of {@code t} and {@code s}; {@code selected[at + r]} is row r's flag (null: no column). */
    static byte[] format(Table t, Scorer.Scores s, boolean[] selected, int at, int from, int to) {
        StringBuilder sb = new StringBuilder((to - from) * 160);
        int id = t.require(t.profile().idColumn());
        for (int r = from; r < to; r++) {
            appendCell(sb, t.text(id, r));
            sb.append(',');
            appendScore(sb, s.risk()[r]);
            sb.append(',');
            if (s.reasons() != null) appendCell(sb, s.reasons()[r]);
            sb.append(',');
            if (s.critical() != null) appendScore(sb, s.critical()[r]);
            if (selected != null) sb.append(selected[at + r] ? ",1" : ",0");
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A text cell, CSV-quoted as needed. A cell that a spreadsheet would take for a formula (it starts with = + -
     * or @, a tab or a carriage return; OWASP, CSV injection) gets a leading {@code '} and is always quoted, so
     * an analyst who opens the file sees the text and runs nothing; a program reading the file strips that one
     * {@code '} (docs/screening.md).
     */
    static void appendCell(StringBuilder sb, String v) {
        if (!v.isEmpty() && formulaStart(v.charAt(0))) sb.append("\"'").append(v.replace("\"", "\"\"")).append('"');
        else sb.append(Csv.quote(v));
    }

    static boolean formulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Six decimals, fixed point, without the cost of String.format on a million rows. */
    static void appendScore(StringBuilder sb, double p) {
        long v = Math.round(p * 1_000_000);
        if (v >= 1_000_000) {
            sb.append("1.000000");
            return;
        }
        if (v < 0) v = 0;
        sb.append("0.");
        String d = Long.toString(v);
        for (int i = d.length(); i < 6; i++) sb.append('0');
        sb.append(d);
    }
}
