package org.ferret.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import org.ferret.registry.ImportMode;
import org.ferret.registry.ImportReport;
import org.ferret.registry.ItemImport;
import org.ferret.registry.Registry;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferret bench registry}: bulk import rate and exact-serial lookup latency on the configured database
 * (H2 by default; set FERRET_DB_URL for PostgreSQL). Generates a deterministic CSV, imports it through the same
 * service as {@code ferret import}, then times lookups of serials typed with other case and separators.
 */
@Command(name = "registry", description = "Bulk import rate and exact-serial lookup latency (median, p99).")
class RegistryBenchCommand implements Callable<Integer> {

    @Option(names = "--items", defaultValue = "1000000", description = "items to import (default ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--lookups", defaultValue = "20000", description = "timed serial lookups (default ${DEFAULT-VALUE})")
    int lookups;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--with-index", description = "build the tracing marking index first (as a running server has it) "
            + "and time until the registry's events after the import are all handled")
    boolean withIndex;

    @Override
    public Integer call() throws IOException {
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        Path csv = Files.createTempFile("ferret-bench-", ".csv");
        try {
            System.err.printf("Generating %,d items (run %s) …%n", items, run);
            writeCsv(csv, run);
            try (var ctx = FerretCli.offline()) {
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated("bench", null, List.of()));
                String db = ctx.getBean(Environment.class).getProperty("spring.datasource.url", "?");
                System.err.println("Database: " + db.replaceAll("password=[^;&]*", "password=…"));

                if (withIndex) {
                    ctx.getBean(org.ferret.tracing.MarkingSearch.class).rebuild();
                }
                long t0 = System.nanoTime();
                ImportReport report;
                try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                    report = ctx.getBean(ItemImport.class).importCsv(r, ImportMode.ALL_OR_NOTHING, null);
                }
                double importSeconds = (System.nanoTime() - t0) / 1e9;
                if (withIndex) {
                    var jdbc = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
                    long deadline = System.nanoTime() + 600_000_000_000L;
                    while (System.nanoTime() < deadline && jdbc.queryForObject(
                            "select count(*) from event_publication where completion_date is null", Long.class) > 0) {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                    double settled = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("import committed after %.1f s; events handled (index up to date, %,d serials) after %.1f s%n",
                            importSeconds, ctx.getBean(org.ferret.tracing.MarkingSearch.class).status().serials(), settled);
                }
                if (!report.committed() || report.created() != items) {
                    System.err.println("Import did not commit every row: " + report.summary());
                    report.problems().stream().limit(10).forEach(p -> System.err.println("  line " + p.line() + " " + p.field() + ": " + p.message()));
                    return 1;
                }

                Registry registry = ctx.getBean(Registry.class);
                Random random = new Random(seed);
                int warmup = Math.min(2000, lookups);
                for (int i = 0; i < warmup; i++) {
                    registry.findBySerial(typed(serial(run, random.nextInt(items)), random));
                }
                long[] nanos = new long[lookups];
                int misses = 0;
                for (int i = 0; i < lookups; i++) {
                    int n = random.nextInt(items);
                    String query = typed(serial(run, n), random);
                    long s = System.nanoTime();
                    int found = registry.findBySerial(query).size();
                    nanos[i] = System.nanoTime() - s;
                    if (found != 1) {
                        misses++;
                    }
                }
                Arrays.sort(nanos);
                System.out.printf("items imported: %,d in %.1f s = %,.0f items/s%n", items, importSeconds, items / importSeconds);
                System.out.printf("exact-serial lookup over %,d items (%,d lookups): median %.3f ms, p99 %.3f ms, max %.3f ms, misses %d%n",
                        items, lookups, nanos[lookups / 2] / 1e6, nanos[(int) (lookups * 0.99)] / 1e6, nanos[lookups - 1] / 1e6, misses);
                return misses == 0 ? 0 : 1;
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    static String serial(String run, int n) {
        return "B" + run + "-" + String.format("%07d", n);
    }

    /** The serial as a user might type it: other case, spaces or separators. */
    static String typed(String serial, Random random) {
        String s = random.nextBoolean() ? serial.toLowerCase() : serial;
        return switch (random.nextInt(3)) {
            case 0 -> s.replace("-", " ");
            case 1 -> s.replace("-", "/");
            default -> s;
        };
    }

    private void writeCsv(Path csv, String run) throws IOException {
        String[] kinds = {"pistol", "rifle", "shotgun", "revolver", "slide", "barrel"};
        String[][] makers = {{"Glock", "AT", "G17", "9x19mm"}, {"Sako", "FI", "85", ".308 Win"},
                {"Beretta", "IT", "A400", "12/76"}, {"Smith & Wesson", "US", "686", ".357 Magnum"}};
        Random random = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("external_ref,kind,manufacturer,model,calibre,country_of_manufacture,year_of_manufacture,serial_number,marking_manufacturer,marking_country_or_place,marking_location,marking_method\n");
            for (int i = 0; i < items; i++) {
                String[] m = makers[random.nextInt(makers.length)];
                w.write("BENCH-" + run + "-" + i + "," + kinds[random.nextInt(kinds.length)] + ",\"" + m[0] + "\"," + m[2]
                        + "," + m[3] + "," + m[1] + "," + (1990 + random.nextInt(35)) + "," + serial(run, i) + ",\"" + m[0]
                        + "\"," + m[1] + ",frame left side,stamped\n");
            }
        }
    }
}
