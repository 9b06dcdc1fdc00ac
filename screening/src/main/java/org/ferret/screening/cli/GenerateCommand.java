package org.ferret.screening.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferret.screening.synth.PostalGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code screen generate}: a deterministic synthetic parcel stream (documented as synthetic in docs/screening.md). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a deterministic SYNTHETIC postal stream with trafficking patterns planted at low rates.")
final class GenerateCommand extends Common {
    @Option(names = "--profile", required = true, description = "Only postal is supported.") String profile;
    @Option(names = "--rows", required = true) int rows;
    @Option(names = "--seed", required = true) long seed;
    @Option(names = "--out", required = true) Path out;
    @Option(names = "--days", defaultValue = "91", description = "Days the stream spans (default ${DEFAULT-VALUE}).") int days;
    @Option(names = "--start", defaultValue = "2026-01-05", description = "First day of the stream (default ${DEFAULT-VALUE}).") String start;

    @Override
    int run() throws Exception {
        if (!profile(profile).name().equals("postal")) throw new UsageError("generate supports --profile postal only");
        if (rows < 0) throw new UsageError("--rows must not be negative");
        if (days < 1) throw new UsageError("--days must be at least 1");
        java.time.LocalDate startDay;
        try {
            startDay = java.time.LocalDate.parse(start);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageError("--start must be a date yyyy-MM-dd, not '" + start + "'");
        }
        checkWritable(out);
        long t0 = System.nanoTime();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
            new PostalGenerator(seed, rows, startDay, days).write(w);
        } catch (java.io.IOException e) {
            throw new CannotWrite(out, e);
        }
        out().printf("wrote %d synthetic postal items (seed %d) to %s in %.1f s%n", rows, seed, out, (System.nanoTime() - t0) / 1e9);
        return OK;
    }
}
