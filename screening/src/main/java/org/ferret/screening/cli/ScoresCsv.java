package org.ferret.screening.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ferret.screening.data.Csv;
import org.ferret.screening.data.Table;
import org.ferret.screening.model.Scorer;

/** Writes scores as {@code <id column>,score,reasons} in the input's row order, and their provenance beside them. */
final class ScoresCsv {
    private ScoresCsv() {}

    static void write(Path out, Table t, Scorer.Scores s) throws IOException {
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
            w.write(Csv.quote(t.profile().idColumn()));
            w.write(",score,reasons\n");
            StringBuilder sb = new StringBuilder(256);
            for (int r = 0; r < t.size(); r++) {
                sb.setLength(0);
                sb.append(Csv.quote(t.id(r))).append(',');
                appendScore(sb, s.risk()[r]);
                sb.append(',');
                if (s.reasons() != null) sb.append(Csv.quote(s.reasons()[r]));
                sb.append('\n');
                w.append(sb);
            }
        }
        Files.writeString(out.resolveSibling(out.getFileName() + ".provenance"),
                "scored by " + s.provenance() + "\nrows " + t.size() + "\n", StandardCharsets.UTF_8);
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

    static String format(double p) {
        return String.format(Locale.ROOT, "%.6f", p);
    }
}
