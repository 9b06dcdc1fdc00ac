package org.ferret.parcels.internal;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.ferret.screening.data.OnError;
import org.ferret.screening.data.RowProblem;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.eval.SimulationChart;
import org.ferret.screening.model.TrainOptions;
import org.ferret.screening.model.Trainer;
import org.ferret.screening.profile.Profiles;
import org.ferret.shared.BenchSubcommand;
import org.ferret.shared.EmbeddedDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferret bench learning}: the learning loop replayed on the KCS benchmark (train.csv then valid.csv, in date
 * order) through the service, four times on four fresh databases: with and without exploration, with and without
 * the weekly retraining. The starting model is trained on the first {@code --seed-weeks} weeks (every row labelled,
 * as a past inspection campaign that opened everything); unless {@code --no-inspected-history}, those weeks are
 * replayed first as the agency's initial inspected history (every declaration submitted and given its outcome, so
 * that retraining trains on them too), and the weeks after are the loop ({@link LearningReplay}). Writes the weekly
 * table of the loop's weeks (CSV and markdown) and a PNG chart of weekly precision at capacity.
 */
@Command(name = "learning", mixinStandardHelpOptions = true,
        description = "The learning loop replayed week by week on the kcs data: precision at capacity with/without exploration and retraining.")
public class LearningBenchCommand implements BenchSubcommand {

    @Option(names = "--data", defaultValue = "/work/shared/data/customs-kcs",
            description = "folder with the KCS benchmark's train.csv and valid.csv (default ${DEFAULT-VALUE})")
    Path kcsData;

    @Option(names = "--seed-weeks", defaultValue = "4", description = "weeks the starting model is trained on (default ${DEFAULT-VALUE})")
    int seedWeeks;

    @Option(names = "--weeks", defaultValue = "0", description = "weeks replayed after the seed weeks (default 0: all)")
    int weeks;

    @Option(names = "--capacity", defaultValue = "5", description = "daily capacity as a percentage of the mean daily arrivals (default ${DEFAULT-VALUE})")
    double capacityPercent;

    @Option(names = "--exploration", defaultValue = "0.10", description = "exploration share of the runs with exploration (default ${DEFAULT-VALUE})")
    double exploration;

    @Option(names = "--evaluation-days", defaultValue = "14", description = "the champion/challenger's evaluation days (default ${DEFAULT-VALUE})")
    int evaluationDays;

    @Option(names = "--out", description = "where the table and chart go (default FERRET_DATA_DIR/learning-bench)")
    Path out;

    @Option(names = "--inspected-history", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "replay the seed weeks first as the initial fully inspected history the retraining trains on (default ${DEFAULT-VALUE})")
    boolean inspectedHistory;

    @Option(names = "--parallel", defaultValue = "1", description = "runs replayed at once, each on its own database (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--runs", split = ",", description = "which of the four runs (1 no exploration/no retraining, 2 exploration/no retraining, "
            + "3 no exploration/retraining, 4 exploration/retraining; default all)")
    List<Integer> only;

    /** Context start-up and shutdown one at a time (logging and the like are set up per JVM); the replays run side by side. */
    private static final Object LIFECYCLE = new Object();

    @Override
    public Integer call() throws Exception {
        Path dir = out != null ? out : Path.of(env("FERRET_DATA_DIR", "./data")).resolve("learning-bench");
        Files.createDirectories(dir);
        List<LearningReplay.KcsRow> all = LearningReplay.read(List.of(kcsData.resolve("train.csv"), kcsData.resolve("valid.csv")));
        LocalDate start = all.get(0).date(), replayFrom = start.plusWeeks(seedWeeks);
        LocalDate replayTo = weeks > 0 ? replayFrom.plusWeeks(weeks) : LocalDate.MAX;
        List<LearningReplay.KcsRow> seed = all.stream().filter(r -> r.date().isBefore(replayFrom)).toList();
        List<LearningReplay.KcsRow> loop = all.stream().filter(r -> !r.date().isBefore(replayFrom) && r.date().isBefore(replayTo)).toList();
        List<LearningReplay.KcsRow> replay = inspectedHistory ? all.stream().filter(r -> r.date().isBefore(replayTo)).toList() : loop;
        long days = loop.stream().map(LearningReplay.KcsRow::date).distinct().count();
        double mean = (double) loop.size() / Math.max(1, days);
        int capacity = Math.max(1, (int) Math.round(mean * capacityPercent / 100));
        System.out.printf(Locale.ROOT, "cores: %d  heap max: %,d MiB  out: %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, dir.toAbsolutePath());
        System.out.printf(Locale.ROOT, "seed: %,d declarations %s to %s (%s); replay: %,d declarations from %s, %d days, mean %.0f a day, capacity %d a day (%.0f %%)%n",
                seed.size(), start, replayFrom.minusDays(1), inspectedHistory ? "replayed first as the initial inspected history" : "not replayed",
                loop.size(), replayFrom, days, mean, capacity, capacityPercent);
        Path model = dir.resolve("kcs-seed-" + start + "-" + seedWeeks + "w.model");
        if (!Files.exists(model)) {
            StringBuilder csv = new StringBuilder(String.join(",", Profiles.KCS.columnNames())).append('\n');
            for (var r : seed) csv.append(r.line()).append('\n');
            Table.Builder b = new Table.Builder(Profiles.KCS);
            new TableReader(Profiles.KCS, OnError.STOP).read("seed", new BufferedReader(new StringReader(csv.toString())), b, new ArrayList<RowProblem>());
            Trainer.train(b.build(), null, TrainOptions.defaults(), Trainer.Progress.NONE).save(model);
            System.out.println("starting model trained on the seed weeks into " + model);
        }
        Map<String, java.util.concurrent.Future<List<LearningReplay.Week>>> futures = new LinkedHashMap<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, parallel));
        int k = 0;
        LocalDate inspectedUntil = inspectedHistory ? replayFrom : null;
        for (boolean retrain : new boolean[] {false, true}) {
            for (boolean explore : new boolean[] {false, true}) {
                k++;
                if (only != null && !only.contains(k)) continue;
                String name = (explore ? "exploration " + Math.round(exploration * 100) + " %" : "no exploration") + ", "
                        + (retrain ? "weekly retraining" : "no retraining");
                String tag = "[run " + k + "] ";
                futures.put(name, pool.submit(() -> {
                    System.out.printf("%n%srun: %s%n", tag, name);
                    long t0 = System.nanoTime(), c0 = cpuNanos();
                    var weeks = run(dir, model, replay, inspectedUntil, capacity, (int) Math.round(mean), explore ? exploration : 0, retrain, tag);
                    System.out.printf(Locale.ROOT, "%s%s: %.0f s wall, %.0f s CPU of this thread%n", tag, name, (System.nanoTime() - t0) / 1e9,
                            (cpuNanos() - c0) / 1e9);
                    return weeks;
                }));
            }
        }
        pool.shutdown();
        Map<String, List<LearningReplay.Week>> runs = new LinkedHashMap<>();
        for (var e : futures.entrySet()) {
            runs.put(e.getKey(), e.getValue().get().stream().filter(w -> !w.initial()).toList());
        }
        write(dir, runs, capacity);
        return 0;
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private List<LearningReplay.Week> run(Path dir, Path model, List<LearningReplay.KcsRow> rows, LocalDate inspectedUntil, int capacity,
            int perDay, double share, boolean retrain, String tag) throws Exception {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("ferret.parcels.simulate", "false");
        props.put("ferret.parcels.models.kcs", model.toAbsolutePath().toString());
        if (inspectedUntil != null) {
            // the starting model was trained on the initial inspected history: its history holds those stored rows already
            props.put("ferret.parcels.model-history-through.kcs", inspectedUntil.minusDays(1).toString());
        }
        props.put("ferret.parcels.sites.HEL", Integer.toString(capacity));
        props.put("ferret.parcels.expected-per-day", Integer.toString(perDay));
        props.put("ferret.parcels.exploration-share", Double.toString(share));
        props.put("ferret.parcels.learning.profiles", "kcs");
        props.put("ferret.parcels.learning.evaluation-days", Integer.toString(evaluationDays));
        props.put("ferret.parcels.learning.retrain-cron", "-");
        props.put("ferret.parcels.retention-cron", "-");
        props.put("ferret.parcels.retention-days", "100000");
        props.put("ferret.audit.checkpoints.interval", "PT3H");
        props.put("ferret.demo-data", "false");
        props.put("logging.level.root", "WARN");
        Path runDir = dir.resolve("server-" + UUID.randomUUID().toString().substring(0, 8));
        props.put("ferret.data-dir", runDir.toAbsolutePath().toString());
        props.put("ferret.parcels.data-dir", runDir.toAbsolutePath().toString());
        String dbUrl = System.getenv("FERRET_DB_URL");
        String schema = null;
        if (dbUrl != null && dbUrl.startsWith("jdbc:postgresql")) {
            schema = "learning_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            try (var c = DriverManager.getConnection(dbUrl, env("FERRET_DB_USER", "postgres"), env("FERRET_DB_PASSWORD", ""))) {
                c.createStatement().execute("create schema " + schema);
            }
            props.put("spring.datasource.url", dbUrl + (dbUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            props.put("spring.datasource.username", env("FERRET_DB_USER", "postgres"));
            props.put("spring.datasource.password", env("FERRET_DB_PASSWORD", ""));
            props.put("spring.flyway.schemas", schema);
            props.put("spring.flyway.default-schema", schema);
        } else {
            props.put("spring.datasource.url", EmbeddedDatabase.file(runDir.toAbsolutePath() + "/bench"));
        }
        List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off"));
        props.forEach((k, v) -> args.add("--" + k + "=" + v));
        LearningReplay.MovedClock clock = new LearningReplay.MovedClock();
        ConfigurableApplicationContext ctx;
        synchronized (LIFECYCLE) {
            ctx = new SpringApplicationBuilder(Class.forName("org.ferret.FerretApplication")).profiles("demo")
                    .web(WebApplicationType.NONE)
                    .initializers(ac -> ((GenericApplicationContext) ac).registerBean("replayClock", LearningReplay.MovedClock.class, () -> clock,
                            bd -> bd.setPrimary(true)))
                    .run(args.toArray(String[]::new));
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("learning-bench", null, List.of()));
        try {
            LearningReplay replay = new LearningReplay(ctx, clock::set);
            // CPU per replayed week: of this thread (the replay and the service's work it calls) and of the whole process
            // (with XGBoost's and H2's threads; includes the other runs when several run at once)
            long[] last = {cpuNanos(), processCpuNanos(), System.nanoTime()};
            return replay.replay(rows, new LearningReplay.Options("HEL", "KCS", retrain, inspectedUntil), w -> {
                long c = cpuNanos(), p = processCpuNanos(), t = System.nanoTime();
                String cost = String.format(Locale.ROOT, " [%.1f s CPU, %.1f s process CPU, %.1f s wall]", (c - last[0]) / 1e9, (p - last[1]) / 1e9,
                        (t - last[2]) / 1e9);
                last[0] = c;
                last[1] = p;
                last[2] = t;
                System.out.printf(Locale.ROOT,
                    "%s week %2d from %s%s: %4d arrivals, %3d held, precision %.3f (model picks %.3f), critical %d/%d%s%s%n", tag, w.week(), w.from(),
                    w.initial() ? " (initial inspected history: " + w.inspected() + " inspected)" : "",
                    w.arrivals(), w.held(), w.precision(), w.modelPrecision(), w.criticalHeld(), w.critical(),
                    w.retraining() == null ? "" : w.retraining().seq() == null ? "; retraining stored no version"
                            : "; retrained version " + w.retraining().seq() + " (" + w.retraining().state().toLowerCase(Locale.ROOT) + ", trained "
                                    + w.retraining().trainedFrom() + " to " + w.retraining().trainedTo() + " on " + w.retraining().labelled() + " outcomes of "
                                    + w.retraining().rows() + " rows)", cost);
            });
        } finally {
            SecurityContextHolder.clearContext();
            synchronized (LIFECYCLE) {
                ctx.close();
            }
            if (schema != null) {
                try (var c = DriverManager.getConnection(dbUrl, env("FERRET_DB_USER", "postgres"), env("FERRET_DB_PASSWORD", ""))) {
                    c.createStatement().execute("drop schema if exists " + schema + " cascade");
                }
            }
        }
    }

    private void write(Path dir, Map<String, List<LearningReplay.Week>> runs, int capacity) throws Exception {
        StringBuilder csv = new StringBuilder("run,week,from,arrivals,held,held_fraud,precision,model_picks,model_precision,explored,explored_fraud,"
                + "frauds,critical,critical_held,critical_recall,ranking_precision,models,retrained_seq,retrained_state,trained_from,trained_to,rows,labelled,reasons\n");
        for (var e : runs.entrySet()) {
            for (var w : e.getValue()) {
                var r = w.retraining();
                csv.append(String.format(Locale.ROOT, "\"%s\",%d,%s,%d,%d,%d,%s,%d,%s,%d,%d,%d,%d,%d,%s,%s,\"%s\",%s,%s,%s,%s,%s,%s,\"%s\"%n", e.getKey(), w.week(),
                        w.from(), w.arrivals(), w.held(), w.heldFraud(), f(w.precision()), w.modelPicks(), f(w.modelPrecision()), w.explored(),
                        w.exploredFraud(), w.frauds(), w.critical(), w.criticalHeld(), f(w.criticalRecall()), f(w.rankingPrecision()), w.models(),
                        r == null || r.seq() == null ? "" : r.seq(), r == null || r.state() == null ? "" : r.state(),
                        r == null || r.trainedFrom() == null ? "" : r.trainedFrom(), r == null || r.trainedTo() == null ? "" : r.trainedTo(),
                        r == null || r.seq() == null ? "" : r.rows(), r == null || r.seq() == null ? "" : r.labelled(),
                        r == null || r.reasons() == null ? "" : r.reasons().replace("\"", "'")));
            }
        }
        Files.writeString(dir.resolve("learning.csv"), csv, StandardCharsets.UTF_8);
        // markdown: one row per week, the precision of each run side by side, and the totals
        List<String> names = new ArrayList<>(runs.keySet());
        StringBuilder md = new StringBuilder("| week | from |");
        for (String n : names) md.append(' ').append(n).append(" |");
        md.append("\n|---|---|").append("---|".repeat(names.size())).append('\n');
        int n = runs.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < n; i++) {
            LearningReplay.Week first = runs.get(names.get(0)).get(i);
            md.append("| ").append(first.week()).append(" | ").append(first.from()).append(" |");
            for (String name : names) {
                var w = runs.get(name).get(i);
                md.append(' ').append(f(w.precision()));
                if (w.retraining() != null && w.retraining().seq() != null && w.retraining().state().equals("ACTIVE")) md.append(" ↑v").append(w.retraining().seq());
                md.append(" |");
            }
            md.append('\n');
        }
        md.append("| all | |");
        for (String name : names) {
            var ws = runs.get(name);
            int held = ws.stream().mapToInt(LearningReplay.Week::held).sum(), found = ws.stream().mapToInt(LearningReplay.Week::heldFraud).sum();
            md.append(' ').append(f(held == 0 ? Double.NaN : (double) found / held)).append(" |");
        }
        md.append("\n| critical recall, all weeks | |");
        for (String name : names) {
            var ws = runs.get(name);
            int crit = ws.stream().mapToInt(LearningReplay.Week::critical).sum(), held = ws.stream().mapToInt(LearningReplay.Week::criticalHeld).sum();
            md.append(' ').append(f(crit == 0 ? Double.NaN : (double) held / crit)).append(" |");
        }
        md.append("\n| versions promoted / stored | |");
        for (String name : names) {
            var ws = runs.get(name);
            long stored = ws.stream().filter(w -> w.retraining() != null && w.retraining().seq() != null).count();
            long promoted = ws.stream().filter(w -> w.retraining() != null && "ACTIVE".equals(w.retraining().state())).count();
            md.append(' ').append(promoted).append(" / ").append(stored).append(" |");
        }
        md.append('\n');
        Files.writeString(dir.resolve("learning.md"), md, StandardCharsets.UTF_8);
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        runs.forEach((name, ws) -> series.put(name, ws.stream().map(w -> new double[] {w.week(), w.precision()}).toList()));
        SimulationChart.lines(dir.resolve("learning.png"), "kcs replayed through the service: weekly precision of holds at capacity " + capacity + " a day",
                "replayed week", "precision of holds", series);
        System.out.printf("%n%s%nwritten: %s, %s, %s%n", md, dir.resolve("learning.csv"), dir.resolve("learning.md"), dir.resolve("learning.png"));
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
