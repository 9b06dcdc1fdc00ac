package org.ferret.parcels.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.ferret.parcels.BatchAnswer;
import org.ferret.parcels.ItemAnswer;
import org.ferret.parcels.OutcomeKind;
import org.ferret.parcels.ParcelScreening;
import org.ferret.parcels.PickedBy;
import org.ferret.shared.BenchSubcommand;
import org.ferret.shared.EmbeddedDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ferret bench retrain} (issue 12): the service's retraining timed on a large labelled history. Loads
 * {@code --rows} generated postal declarations (the library's {@code PostalGenerator}) day by day on a moved clock
 * through {@link ParcelScreening#submit} (the API's path: declarations, parties, decisions, site-day counters, audit),
 * with every site's capacity at the day's arrivals so that every item is held, and an inspector's outcome for every
 * held item (what the generator planted, as the demo's simulated inspector records it), written in JDBC batches with
 * the columns {@code Inspections.recordOutcome} writes and covered by the audit chain the same way. Then runs the
 * supervisor's retraining ({@link ModelLearning#retrainNow}) and prints its phases, CPU time, peak heap and peak RSS.
 *
 * <p>What the bulk outcomes leave out: {@code recordOutcome}'s per-item audit record and event, and the registry item
 * a seizure outcome registers (its {@code registry_item} stays empty). Retraining reads none of them.
 *
 * <p>On PostgreSQL (FERRET_DB_URL) the rows go into {@code --schema}, kept after the run so that {@code --no-load}
 * retrains again on the same rows; on H2 into a file under {@code --dir}.
 */
@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = "The service's retraining on a large stored history of labelled postal outcomes: load it, retrain, time the phases.")
public class RetrainBenchCommand implements BenchSubcommand {

    @Option(names = "--rows", defaultValue = "1000000", description = "declarations stored, each held and labelled (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--days", defaultValue = "56", description = "days they arrive over (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--seed", defaultValue = "7", description = "the generator's seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--exploration", defaultValue = "0.10", description = "the exploration share (default ${DEFAULT-VALUE})")
    double exploration;

    @Option(names = "--schema", defaultValue = "retrain_bench", description = "PostgreSQL schema (kept; default ${DEFAULT-VALUE})")
    String schema;

    @Option(names = "--dir", description = "where the H2 file and the starting model go (default FERRET_DATA_DIR/retrain-bench)")
    Path dir;

    @Option(names = "--no-load", description = "retrain on the rows stored by an earlier run (same --schema or --dir)")
    boolean noLoad;

    @Option(names = "--runs", defaultValue = "1", description = "retraining runs (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--capacity", defaultValue = "5",
            description = "each site's capacity in the champion/challenger evaluation, percent of its mean daily arrivals (default ${DEFAULT-VALUE})")
    double capacityPercent;

    private final ObjectMapper json = JsonMapper.builder().build();

    @Override
    public Integer call() throws Exception {
        Path data = dir != null ? dir : Path.of(env("FERRET_DATA_DIR", "./data")).resolve("retrain-bench");
        Files.createDirectories(data);
        if (!schema.matches("[a-z_][a-z0-9_]{0,40}")) throw new IllegalArgumentException("--schema: expected lower-case letters, digits, _");
        Path model = data.resolve("postal-demo.model");
        if (!Files.exists(model)) {
            System.out.println("training the postal demo model (once) into " + model);
            ScreeningModels.trainDemoModel(model);
        }
        int perDay = (rows + days - 1) / days;
        LocalDate first = LocalDate.of(2026, 1, 5);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("ferret.parcels.simulate", "false");
        props.put("ferret.parcels.models.postal", model.toAbsolutePath().toString());
        // capacity at the day's arrivals: every item held, so every one gets an outcome (a labelled row)
        props.put("ferret.parcels.sites.HEL", Integer.toString(perDay));
        props.put("ferret.parcels.sites.TKU", Integer.toString(perDay));
        props.put("ferret.parcels.expected-per-day", Integer.toString(perDay));
        props.put("ferret.parcels.exploration-share", Double.toString(exploration));
        props.put("ferret.parcels.learning.profiles", "postal");
        props.put("ferret.parcels.learning.retrain-cron", "-");
        props.put("ferret.parcels.retention-cron", "-");
        props.put("ferret.parcels.retention-days", "100000");
        props.put("ferret.audit.checkpoints.interval", "PT3H");
        props.put("ferret.demo-data", "false");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.org.ferret.parcels.internal.ModelLearning", "INFO");
        props.put("ferret.data-dir", data.toAbsolutePath().toString());
        props.put("ferret.parcels.data-dir", data.toAbsolutePath().toString());
        String dbUrl = System.getenv("FERRET_DB_URL");
        String where;
        if (dbUrl != null && dbUrl.startsWith("jdbc:postgresql")) {
            try (var c = DriverManager.getConnection(dbUrl, env("FERRET_DB_USER", "postgres"), env("FERRET_DB_PASSWORD", ""))) {
                if (!noLoad) c.createStatement().execute("drop schema if exists " + schema + " cascade");
                c.createStatement().execute("create schema if not exists " + schema);
            }
            props.put("spring.datasource.url", dbUrl + (dbUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            props.put("spring.datasource.username", env("FERRET_DB_USER", "postgres"));
            props.put("spring.datasource.password", env("FERRET_DB_PASSWORD", ""));
            props.put("spring.flyway.schemas", schema);
            props.put("spring.flyway.default-schema", schema);
            where = "PostgreSQL " + dbUrl.replaceAll("password=[^;&]*", "password=…") + " schema " + schema;
        } else {
            if (!noLoad) {
                Files.deleteIfExists(data.resolve("bench.mv.db"));
                Files.deleteIfExists(data.resolve("bench.trace.db"));
            }
            props.put("spring.datasource.url", EmbeddedDatabase.file(data.toAbsolutePath() + "/bench"));
            where = "H2 " + data.toAbsolutePath() + "/bench";
        }
        List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off"));
        props.forEach((k, v) -> args.add("--" + k + "=" + v));
        LearningReplay.MovedClock clock = new LearningReplay.MovedClock();
        clock.set(first.atTime(6, 0).toInstant(ZoneOffset.UTC));
        System.out.printf(Locale.ROOT, "cores: %d  heap max: %,d MiB  database: %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, where);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Class.forName("org.ferret.FerretApplication")).profiles("demo")
                .web(WebApplicationType.NONE)
                .initializers(ac -> ((GenericApplicationContext) ac).registerBean("replayClock", LearningReplay.MovedClock.class, () -> clock,
                        bd -> bd.setPrimary(true)))
                .run(args.toArray(String[]::new));
        try {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            if (!noLoad) load(ctx, clock, first, perDay);
            LocalDate last = jdbc.queryForObject("select max(screening_day) from parcel_decision", LocalDate.class);
            if (last == null) throw new IllegalStateException("no stored decisions: run once without --no-load");
            long labelled = jdbc.queryForObject("select count(*) from parcel_outcome", Long.class);
            long stored = jdbc.queryForObject("select count(*) from parcel_declaration", Long.class);
            System.out.printf(Locale.ROOT, "stored: %,d declarations, %,d labelled outcomes, last day %s%n", stored, labelled, last);
            // the load held every item; the evaluation selects at a real capacity, or both models would pick everything
            var sites = ctx.getBean(org.ferret.parcels.ParcelsProperties.class).getSites();
            jdbc.query("select site, count(*), count(distinct screening_day) from parcel_decision group by site", rs -> {
                int capacity = Math.max(1, (int) Math.round(rs.getDouble(2) / rs.getInt(3) * capacityPercent / 100));
                sites.put(rs.getString(1), capacity);
            });
            System.out.println("evaluation capacity a day: " + sites);
            clock.set(last.plusDays(1).atTime(6, 0).toInstant(ZoneOffset.UTC));
            as("supervisor");
            ModelLearning learning = ctx.getBean(ModelLearning.class);
            for (int i = 0; i < runs; i++) retrain(learning);
        } finally {
            SecurityContextHolder.clearContext();
            ctx.close();
        }
        return 0;
    }

    private void load(ConfigurableApplicationContext ctx, LearningReplay.MovedClock clock, LocalDate first, int perDay) {
        ParcelScreening screening = ctx.getBean(ParcelScreening.class);
        ParcelStore store = ctx.getBean(ParcelStore.class);
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
        int batch = screening.maxBatch();
        SplittableRandom pick = new SplittableRandom(11);
        long t0 = System.nanoTime();
        int sent = 0, outcomes = 0, serial = 0;
        for (int day = 0; day < days && sent < rows; day++) {
            LocalDate date = first.plusDays(day);
            int n = Math.min(perDay, rows - sent);
            List<List<String>> generated = SimulatedOperator.generate(seed * 1_000_003L + day, n, date, 1);
            Map<String, Integer> severity = new HashMap<>();
            as("postal");
            for (int from = 0; from < generated.size(); from += batch) {
                // the day's items arrive through the day, a batch a minute from 06:00
                clock.set(date.atTime(6, 0).plusMinutes(from / batch).toInstant(ZoneOffset.UTC));
                List<JsonNode> items = new ArrayList<>();
                for (List<String> r : generated.subList(from, Math.min(generated.size(), from + batch))) {
                    String id = S10.of("CB", serial++ % 100_000_000, "US");
                    items.add(json.valueToTree(SimulatedOperator.item(r, serial % 2 == 0 ? "HEL" : "TKU", id)));
                    severity.put(id, "1".equals(r.get(16)) ? (r.get(17).isEmpty() ? 1 : Math.max(1, Integer.parseInt(r.get(17)))) : 0);
                }
                BatchAnswer a = screening.submit(SimulatedOperator.OPERATOR, items, false);
                for (ItemAnswer i : a.items()) {
                    if (i.status() != ItemAnswer.Status.ACCEPTED) throw new IllegalStateException("a generated item was refused: " + i.problems());
                }
                sent += a.accepted();
            }
            Instant inspected = date.atTime(23, 0).toInstant(ZoneOffset.UTC);
            clock.set(inspected);
            as("inspector");
            outcomes += outcomes(jdbc, tx, store, date, severity, pick, inspected);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "  day %2d %s: %,d declarations, %,d outcomes so far, %.0f s (%,.0f a second)%n", day + 1, date, sent,
                    outcomes, s, sent / s);
        }
    }

    private static final String INSERT_OUTCOME = """
            insert into parcel_outcome (id, declaration_id, kind, component, construction, marked, notes, picked_by, score, registry_item,
              recorded_by, recorded_at) values (?,?,?,?,?,?,?,?,?,?,?,?)""";

    /** The day's held items' outcomes, as the demo's simulated inspector would record them, in JDBC batches. */
    private static int outcomes(JdbcTemplate jdbc, TransactionTemplate tx, ParcelStore store, LocalDate day, Map<String, Integer> severity,
            SplittableRandom pick, Instant at) {
        List<Object[]> held = jdbc.query("""
                select d.declaration_id, p.item_id, d.picked_by, d.score from parcel_decision d join parcel_declaration p on p.id = d.declaration_id
                where d.screening_day = ? and d.in_queue = true order by p.received_at, p.id""",
                (rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getDouble(4)}, day);
        List<Object[]> out = new ArrayList<>(held.size());
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        for (Object[] h : held) {
            Integer sev = severity.get((String) h[1]);
            if (sev == null) continue;
            Object[] kind = switch (sev) {
                case 2 -> pick.nextBoolean() ? new Object[] {OutcomeKind.FIREARM, "PISTOL", "POLYMER", false, "found in the X-ray image (synthetic)"}
                        : new Object[] {OutcomeKind.ESSENTIAL_COMPONENT, "SLIDE", "METAL", false, "declared as a model-kit part (synthetic)"};
                case 1 -> pick.nextBoolean() ? new Object[] {OutcomeKind.AMMUNITION, "AMMUNITION_LOT", null, null, "loose cartridges in a toy box (synthetic)"}
                        : new Object[] {OutcomeKind.MISDECLARED, null, null, null, "undervalued, goods as described otherwise (synthetic)"};
                default -> new Object[] {OutcomeKind.NOTHING_FOUND, null, null, null, null};
            };
            String picked = h[2] == null ? PickedBy.HAND.name() : (String) h[2];
            out.add(new Object[] {UUID.randomUUID(), h[0], ((OutcomeKind) kind[0]).name(), kind[1], kind[2], kind[3], kind[4], picked, h[3], null,
                    "inspector", when});
        }
        for (int from = 0; from < out.size(); from += 5000) {
            List<Object[]> chunk = out.subList(from, Math.min(out.size(), from + 5000));
            tx.executeWithoutResult(s -> {
                jdbc.batchUpdate(INSERT_OUTCOME, chunk, chunk.size(), (ps, r) -> {
                    for (int i = 0; i < r.length; i++) {
                        if (r[i] == null) ps.setNull(i + 1, java.sql.Types.NULL);
                        else ps.setObject(i + 1, r[i]);
                    }
                });
                for (Object[] r : chunk) store.covered(ParcelsCoverage.OUTCOME, (UUID) r[0]);
            });
        }
        return out.size();
    }

    private static void retrain(ModelLearning learning) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        boolean rssReset = clearPeakRss();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        ModelLearning.Run run = learning.retrainNow("postal");
        double wall = (System.nanoTime() - t0) / 1e9, cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        ModelLearning.Phases p = learning.lastPhases();
        System.out.printf(Locale.ROOT, "%nretraining (the supervisor's retrainNow): version %d is %s; %.1f s wall, %.1f s CPU (process)%n",
                run.seq(), run.state(), wall, cpu);
        System.out.printf(Locale.ROOT, "  %,d stored rows: read %.1f s, table %.1f s, weights %.1f s, training %.1f s, evaluation %.1f s (%,d items), storing %.1f s%n",
                p.rows(), p.readMs() / 1e3, p.tableMs() / 1e3, p.weightsMs() / 1e3, p.trainMs() / 1e3, p.evaluateMs() / 1e3,
                run.report().items(), p.storeMs() / 1e3);
        System.out.printf(Locale.ROOT, "  peak heap (sum of the heap pools' peaks): %,d MiB; peak RSS of the process%s: %s%n", peakHeap >> 20,
                rssReset ? " during the run" : " (since start: clear_refs refused)", peakRss());
        System.out.println("  reasons: " + String.join("; ", run.report().reasons()));
    }

    /** Resets the kernel's peak-RSS mark of this process (Linux), so that VmHWM is the peak of what follows. */
    private static boolean clearPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String peakRss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(l.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%,d MiB", kb >> 10);
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "not known";
    }

    private static void as(String user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
