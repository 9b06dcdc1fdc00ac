package org.ferret.screening.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferret.screening.data.OnError;
import org.ferret.screening.data.RowProblem;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.profile.Profiles;

/**
 * Wall time of {@link TableReader#read(List)} against the line-by-line path (the public
 * {@code read(String, BufferedReader, ...)}): one warm-up run, then the best of 3, all in one JVM.
 * Usage: {@code ReadBench FILE [PROFILE] [new|old|both]}.
 */
public final class ReadBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Profile profile = Profiles.byName(args.length > 1 ? args[1] : "postal");
        String which = args.length > 2 ? args[2] : "both";
        if (which.equals("check")) {
            check(profile, file);
            return;
        }
        if (!which.equals("old")) time("new", () -> new TableReader(profile, OnError.STOP).read(List.of(file)).table());
        if (!which.equals("new")) time("old", () -> {
            Table.Builder b = new Table.Builder(profile);
            List<RowProblem> problems = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
                new TableReader(profile, OnError.STOP).read(file.toString(), in, b, problems);
            }
            return b.build();
        });
    }

    /** Reads the file both ways and counts the cells that differ. */
    private static void check(Profile profile, Path file) throws Exception {
        Table a = new TableReader(profile, OnError.SKIP_AND_REPORT).read(List.of(file)).table();
        Table.Builder b = new Table.Builder(profile);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            new TableReader(profile, OnError.SKIP_AND_REPORT).read(file.toString(), in, b, new ArrayList<>());
        }
        Table o = b.build();
        long diff = a.size() == o.size() ? 0 : 1;
        int columns = profile.columns().size();
        for (int r = 0; r < Math.min(a.size(), o.size()); r++) {
            for (int c = 0; c < columns; c++) {
                if (o.isNumeric(c)) {
                    if (Double.doubleToRawLongBits(a.number(c, r)) != Double.doubleToRawLongBits(o.number(c, r))) diff++;
                } else if (!a.text(c, r).equals(o.text(c, r))) diff++;
            }
            if (a.epochSecond(r) != o.epochSecond(r) || a.label(r) != o.label(r) || a.severity(r) != o.severity(r)
                    || a.sourceLine(r) != o.sourceLine(r) || !a.sourceFile(r).equals(o.sourceFile(r))) diff++;
        }
        System.out.printf("%d rows new, %d rows old, %d differences%n", a.size(), o.size(), diff);
    }

    interface Read {
        Table run() throws Exception;
    }

    private static void time(String name, Read r) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            long t0 = System.nanoTime();
            Table t = r.run();
            long ns = System.nanoTime() - t0;
            System.out.printf("%s run %d: %d rows, %.3f s%s%n", name, i, t.size(), ns / 1e9, i == 0 ? " (warm-up)" : "");
            if (i > 0) best = Math.min(best, ns);
        }
        System.out.printf("%s best of 3: %.3f s%n", name, best / 1e9);
    }
}
