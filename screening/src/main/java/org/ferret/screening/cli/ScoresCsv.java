package org.ferret.screening.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferret.screening.data.Csv;
import org.ferret.screening.data.Table;
import org.ferret.screening.model.Scorer;

/** Writes scores as {@code <id column>,score,reasons} in the input's row order, and their provenance beside them. */
final class ScoresCsv {
    private ScoresCsv() {}

    /** Rows formatted per chunk; chunks are formatted on two threads while the file is written in order. */
    private static final int CHUNK = 65_536;

    static void write(Path out, Table t, Scorer.Scores s) throws IOException {
        int n = t.size(), chunks = (n + CHUNK - 1) / CHUNK;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread th = new Thread(r, "scores-format");
            th.setDaemon(true);
            return th;
        });
        try (OutputStream o = Files.newOutputStream(out)) {
            o.write((Csv.quote(t.profile().idColumn()) + ",score,reasons\n").getBytes(StandardCharsets.UTF_8));
            java.util.ArrayDeque<java.util.concurrent.Future<byte[]>> inFlight = new java.util.ArrayDeque<>();
            int next = 0;
            while (next < chunks || !inFlight.isEmpty()) {
                while (next < chunks && inFlight.size() < 4) {
                    int from = next * CHUNK, to = Math.min(n, from + CHUNK);
                    inFlight.add(pool.submit(() -> format(t, s, from, to)));
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
        } finally {
            pool.shutdownNow();
        }
        Files.writeString(out.resolveSibling(out.getFileName() + ".provenance"),
                "scored by " + s.provenance() + "\nrows " + t.size() + "\n", StandardCharsets.UTF_8);
    }

    private static byte[] format(Table t, Scorer.Scores s, int from, int to) {
        StringBuilder sb = new StringBuilder((to - from) * 160);
        int id = t.require(t.profile().idColumn());
        for (int r = from; r < to; r++) {
            appendCell(sb, t.text(id, r));
            sb.append(',');
            appendScore(sb, s.risk()[r]);
            sb.append(',');
            if (s.reasons() != null) appendCell(sb, s.reasons()[r]);
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
