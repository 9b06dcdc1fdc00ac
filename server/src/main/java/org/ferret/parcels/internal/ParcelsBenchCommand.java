package org.ferret.parcels.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.ferret.parcels.ParcelsProperties;
import org.ferret.shared.BenchSubcommand;
import org.ferret.shared.EmbeddedDatabase;
import org.ferret.screening.data.OnError;
import org.ferret.screening.data.RowProblem;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.model.Scorer;
import org.ferret.screening.model.ScreeningModel;
import org.ferret.screening.model.TrainOptions;
import org.ferret.screening.model.Trainer;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.profile.Profiles;
import org.ferret.screening.select.Capacity;
import org.ferret.screening.select.Selector;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ferret bench parcels}: (1) REST ingest over real HTTP against a Ferret server started in this process on
 * a fresh database (an H2 file by default; a fresh schema of FERRET_DB_URL's PostgreSQL database) or the one at
 * {@code --url}: generated postal items in batches of 1,000 (items per second, each answered with its decision) and
 * single-item requests (arrival-to-decision latency per item, median and p99); (2) the quality of the online
 * selection: {@link OnlineSelection} replaying the kcs valid split and generated postal days in arrival order
 * against the offline selection of each whole day at the same capacity (the library's {@link Selector}), as
 * precision and recall ratios (online / offline).
 */
@Command(name = "parcels", mixinStandardHelpOptions = true,
        description = "Parcels: REST ingest rate and arrival-to-decision latency; online vs offline selection quality.")
public class ParcelsBenchCommand implements BenchSubcommand {

    @Option(names = "--items", defaultValue = "10000", description = "items sent in batches (default ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--batch", defaultValue = "1000", description = "items per batch (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--single", defaultValue = "300", description = "single-item requests timed (default ${DEFAULT-VALUE})")
    int single;

    @Option(names = "--url", description = "a running server (default: start one in this process)")
    String url;

    @Option(names = "--user", defaultValue = "postal")
    String user;

    @Option(names = "--password", defaultValue = "postal-demo")
    String password;

    @Option(names = "--kcs-data", defaultValue = "/work/shared/data/customs-kcs",
            description = "folder with the KCS benchmark's train.csv and valid.csv (default ${DEFAULT-VALUE})")
    Path kcsData;

    @Option(names = "--capacity", defaultValue = "10", description = "daily capacity as a percentage of the mean daily arrivals (default ${DEFAULT-VALUE})")
    double capacityPercent;

    @Option(names = "--postal-days", defaultValue = "6", description = "generated postal days (the first is warm-up; default ${DEFAULT-VALUE})")
    int postalDays;

    @Option(names = "--postal-per-day", defaultValue = "3000", description = "generated postal items per day (default ${DEFAULT-VALUE})")
    int postalPerDay;

    @Option(names = "--no-ingest", description = "skip the REST ingest")
    boolean noIngest;

    @Option(names = "--no-quality", description = "skip the selection quality")
    boolean noQuality;

    private final ObjectMapper json = JsonMapper.builder().build();

    @Override
    public Integer call() throws Exception {
        Path data = Path.of(env("FERRET_DATA_DIR", "./data")).resolve("parcels-bench");
        Files.createDirectories(data);
        System.out.printf("cores: %d  heap max: %,d MiB  data: %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, data.toAbsolutePath());
        Path postalModel = data.resolve("postal-demo.model");
        if (!Files.exists(postalModel)) {
            System.out.println("training the postal demo model (once) into " + postalModel);
            ScreeningModels.trainDemoModel(postalModel);
        }
        if (!noQuality) {
            quality(data, postalModel);
        }
        if (!noIngest) {
            ingest(data, postalModel);
        }
        return 0;
    }

    // ---------------------------------------------------------------- ingest

    private void ingest(Path data, Path postalModel) throws Exception {
        ConfigurableApplicationContext ctx = null;
        String schema = null;
        String dbUrl = System.getenv("FERRET_DB_URL");
        String base = url;
        if (base == null) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("server.port", "0");
            props.put("server.address", "127.0.0.1");
            props.put("ferret.parcels.simulate", "false");
            props.put("ferret.parcels.models.postal", postalModel.toAbsolutePath().toString());
            props.put("ferret.parcels.expected-per-day", Integer.toString(items + single + batch));
            props.put("ferret.parcels.sites.HEL", Integer.toString(Math.max(60, (items + single) / 20)));
            props.put("ferret.parcels.sites.TKU", Integer.toString(Math.max(40, (items + single) / 30)));
            props.put("ferret.audit.checkpoints.interval", "PT3H");
            props.put("ferret.demo-data", "false"); // the demo users, not its 3,000 registry items
            Path run = data.resolve("server-" + UUID.randomUUID().toString().substring(0, 8));
            props.put("ferret.data-dir", run.toAbsolutePath().toString());
            props.put("ferret.parcels.data-dir", run.toAbsolutePath().toString());
            if (dbUrl != null && dbUrl.startsWith("jdbc:postgresql")) {
                schema = "parcels_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                String pgUser = env("FERRET_DB_USER", "postgres");
                try (var c = DriverManager.getConnection(dbUrl, pgUser, env("FERRET_DB_PASSWORD", ""))) {
                    c.createStatement().execute("create schema " + schema);
                }
                props.put("spring.datasource.url", dbUrl + (dbUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
                props.put("spring.datasource.username", pgUser);
                props.put("spring.datasource.password", env("FERRET_DB_PASSWORD", ""));
                props.put("spring.flyway.schemas", schema);
                props.put("spring.flyway.default-schema", schema);
            } else {
                props.put("spring.datasource.url", EmbeddedDatabase.file(run.toAbsolutePath() + "/bench"));
            }
            Class<?> app = Class.forName("org.ferret.FerretApplication");
            // as command-line arguments: they must win over the demo profile's own settings (port, database, simulator)
            List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off"));
            props.forEach((k, v) -> args.add("--" + k + "=" + v));
            ctx = new SpringApplicationBuilder(app).profiles("demo").run(args.toArray(String[]::new));
            base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            System.out.printf("%nserver started in this process at %s on %s%n", base,
                    schema == null ? "H2 (file)" : "PostgreSQL " + dbUrl.replaceAll("password=[^;&]*", "password=…") + " schema " + schema);
        }
        try {
            runIngest(base);
        } finally {
            if (ctx != null) {
                ctx.close();
            }
            if (schema != null) {
                try (var c = DriverManager.getConnection(dbUrl, env("FERRET_DB_USER", "postgres"), env("FERRET_DB_PASSWORD", ""))) {
                    c.createStatement().execute("drop schema if exists " + schema + " cascade");
                }
            }
        }
    }

    private void runIngest(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        int total = items + batch + single;
        List<List<String>> rows = SimulatedOperator.generate(4242L, total + 100, LocalDate.now(java.time.ZoneOffset.UTC), 1);
        int serial = (int) (System.currentTimeMillis() / 1000 % 40_000_000);
        List<Map<String, Object>> all = new ArrayList<>();
        for (int i = 0; i < total && i < rows.size(); i++) {
            all.add(SimulatedOperator.item(rows.get(i), i % 2 == 0 ? "HEL" : "TKU", S10.of("CB", (serial + i) % 100_000_000, "US")));
        }
        // warm-up: one batch (first use loads the model and replays the history), not counted
        send(http, base, auth, all.subList(0, batch));
        int pos = batch;
        List<Double> batchMs = new ArrayList<>();
        int held = 0;
        int sent = 0;
        long t0 = System.nanoTime();
        while (sent < items) {
            int n = Math.min(batch, items - sent);
            long s = System.nanoTime();
            JsonNode answer = send(http, base, auth, all.subList(pos, pos + n));
            batchMs.add((System.nanoTime() - s) / 1e6);
            held += answer.get("held").asInt();
            pos += n;
            sent += n;
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        List<Double> singleMs = new ArrayList<>();
        for (int i = 0; i < single; i++) {
            long s = System.nanoTime();
            send(http, base, auth, all.subList(pos, pos + 1));
            singleMs.add((System.nanoTime() - s) / 1e6);
            pos++;
        }
        System.out.printf("%nREST ingest: %,d items in %d batches of %,d in %.1f s: %,.0f items/s with decisions (%d held)%n",
                items, batchMs.size(), batch, secs, items / secs, held);
        System.out.printf("  batch of %,d: median %.0f ms, p99 %.0f ms (every item of a batch has its decision when the answer arrives)%n",
                batch, pct(batchMs, 0.5), pct(batchMs, 0.99));
        System.out.printf("arrival-to-decision, one item per request (%d requests): median %.1f ms, p99 %.1f ms%n",
                singleMs.size(), pct(singleMs, 0.5), pct(singleMs, 0.99));
    }

    private JsonNode send(HttpClient http, String base, String auth, List<Map<String, Object>> batchItems) throws Exception {
        String body = json.writeValueAsString(Map.of("items", batchItems));
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/parcels/declarations"))
                .header("Authorization", auth).header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IOException("the server answered " + res.statusCode() + ": " + res.body());
        }
        JsonNode answer = json.readTree(res.body());
        if (answer.get("accepted").asInt() != batchItems.size()) {
            throw new IOException("not every item was accepted: " + res.body().substring(0, Math.min(2000, res.body().length())));
        }
        return answer;
    }

    // ---------------------------------------------------------------- quality

    private void quality(Path data, Path postalModel) throws Exception {
        // kcs: a model trained on the whole train split (cached), the valid split scored and replayed in date order
        Path kcsModelFile = data.resolve("kcs-train.model");
        Table train = read(Profiles.KCS, kcsData.resolve("train.csv"));
        if (!Files.exists(kcsModelFile)) {
            System.out.println("training the kcs model on train.csv (once) into " + kcsModelFile);
            Trainer.train(train, null, TrainOptions.defaults(), Trainer.Progress.NONE).save(kcsModelFile);
        }
        ScreeningModel kcs = ScreeningModel.load(kcsModelFile);
        Table valid = read(Profiles.KCS, kcsData.resolve("valid.csv"));
        System.out.printf("%nselection quality: online (arrival order, threshold from the last %,d scores) vs offline (each whole day) at the same capacity%n",
                OnlineSelection.WINDOW);
        report("kcs valid (" + valid.size() + " declarations, model " + kcs.version() + ")", kcs, valid);

        ScreeningModel postal = ScreeningModel.load(postalModel);
        StringBuilder csv = new StringBuilder();
        java.io.StringWriter w = new java.io.StringWriter();
        new org.ferret.screening.synth.PostalGenerator(777L, postalDays * postalPerDay, LocalDate.of(2026, 5, 4), postalDays).write(w);
        csv.append(w);
        Table day = readText(Profiles.POSTAL, "generated", csv.toString());
        report("generated postal, " + postalDays + " days of about " + postalPerDay + " items (model " + postal.version() + ")", postal, day);
    }

    private void report(String title, ScreeningModel model, Table t) {
        Scorer.Scores s = Scorer.score(model, t, new Scorer.Options(model.history().copy(), false, false, true, 2));
        int[] order = t.timeOrder();
        TreeMap<Integer, List<Integer>> days = new TreeMap<>();
        for (int r : order) {
            days.computeIfAbsent(t.epochDay(r), k -> new ArrayList<>()).add(r);
        }
        double mean = (double) t.size() / days.size();
        int capacity = Math.max(1, (int) Math.round(mean * capacityPercent / 100));
        System.out.printf("%n%s%n  %d days, mean %.0f arrivals a day, capacity %d holds a day (%.0f %%); first day is warm-up, not counted%n",
                title, days.size(), mean, capacity, capacityPercent);
        System.out.println("  policy                          holds  frauds held  precision  recall | offline: holds  frauds  precision  recall | ratio: precision  recall  overlap");
        for (double[] shares : new double[][] {{0, 0}, {0.10, 0.10}}) {
            ParcelsProperties p = new ParcelsProperties();
            p.setSites(Map.of("S", capacity));
            p.setExpectedPerDay((int) Math.round(mean));
            p.setExplorationShare(shares[0]);
            p.setCriticalShare(shares[1]);
            OnlineSelection online = new OnlineSelection(p);
            Set<Integer> onlineHolds = new HashSet<>();
            Set<Integer> offlineHolds = new HashSet<>();
            int frauds = 0;
            boolean first = true;
            for (Map.Entry<Integer, List<Integer>> d : days.entrySet()) {
                LocalDate date = LocalDate.ofEpochDay(d.getKey());
                List<Integer> rows = d.getValue();
                Set<Integer> on = new HashSet<>();
                for (int r : rows) {
                    OnlineSelection.Pick pick = online.decide("S", date, s.risk()[r], s.critical() == null ? null : s.critical()[r], false, null);
                    if (pick.hold()) on.add(r);
                }
                double[] risk = new double[rows.size()];
                double[] crit = s.critical() == null ? null : new double[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    risk[i] = s.risk()[rows.get(i)];
                    if (crit != null) crit[i] = s.critical()[rows.get(i)];
                }
                Set<Integer> off = new HashSet<>();
                for (Selector.Pick pk : Selector.select(risk, crit, new Selector.Policy(new Capacity(capacity, 0), shares[0], shares[1]),
                        new Random(d.getKey()))) {
                    off.add(rows.get(pk.row()));
                }
                if (first) {
                    first = false;
                    continue;
                }
                onlineHolds.addAll(on);
                offlineHolds.addAll(off);
                for (int r : rows) if (t.label(r) == 1) frauds++;
            }
            int fOn = (int) onlineHolds.stream().filter(r -> t.label(r) == 1).count();
            int fOff = (int) offlineHolds.stream().filter(r -> t.label(r) == 1).count();
            double precOn = (double) fOn / Math.max(1, onlineHolds.size());
            double precOff = (double) fOff / Math.max(1, offlineHolds.size());
            double recOn = (double) fOn / Math.max(1, frauds);
            double recOff = (double) fOff / Math.max(1, frauds);
            Set<Integer> both = new HashSet<>(onlineHolds);
            both.retainAll(offlineHolds);
            String policy = shares[0] == 0 ? "risk only (top k)" : "10 % exploration, 10 % critical";
            System.out.printf(Locale.ROOT, "  %-30s %6d %12d %10.3f %7.3f | %14d %7d %10.3f %7.3f | %16.3f %7.3f %8.3f%n",
                    policy, onlineHolds.size(), fOn, precOn, recOn, offlineHolds.size(), fOff, precOff, recOff,
                    precOn / precOff, recOn / recOff, (double) both.size() / Math.max(1, offlineHolds.size()));
        }
    }

    private static Table read(Profile p, Path file) throws Exception {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Table.Builder b = new Table.Builder(p);
            new TableReader(p, OnError.STOP).read(file.toString(), in, b, new ArrayList<RowProblem>());
            return b.build();
        }
    }

    private static Table readText(Profile p, String name, String csv) throws Exception {
        Table.Builder b = new Table.Builder(p);
        new TableReader(p, OnError.STOP).read(name, new BufferedReader(new java.io.StringReader(csv)), b, new ArrayList<RowProblem>());
        return b.build();
    }

    private static double pct(List<Double> v, double q) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length == 0 ? Double.NaN : a[Math.min(a.length - 1, (int) Math.ceil(q * a.length) - 1)];
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
