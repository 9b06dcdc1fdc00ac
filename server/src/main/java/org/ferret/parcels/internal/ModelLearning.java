package org.ferret.parcels.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.parcels.ModelState;
import org.ferret.parcels.OutcomeKind;
import org.ferret.parcels.ParcelsProperties;
import org.ferret.parcels.PickedBy;
import org.ferret.screening.data.BadInputException;
import org.ferret.screening.data.OnError;
import org.ferret.screening.data.RowProblem;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.features.FeatureSpec;
import org.ferret.screening.model.Scorer;
import org.ferret.screening.model.ScreeningModel;
import org.ferret.screening.model.TrainOptions;
import org.ferret.screening.model.Trainer;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.profile.Profiles;
import org.ferret.screening.rules.RulePack;
import org.ferret.screening.rules.RulePackParser;
import org.ferret.screening.select.Capacity;
import org.ferret.screening.select.Selector;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.ObjectMapper;

/**
 * The learning loop (issue 12): retrains a profile's model on every labelled outcome so far, compares it with the
 * active one on the most recent weeks it was not trained on, promotes it if it is not worse beyond the tolerance
 * (else it stays a challenger with its report), and lets a supervisor promote, hold or roll back. Every step audited.
 *
 * <p>Selection bias: only held items have outcomes, and most were held because the model ranked them high. Items
 * held by exploration (picked at random from what the score released) are the unbiased sample: training weighs each
 * by the inverse of its chance of being picked (capped), and the comparison reports every figure on that sample as
 * well as on all inspected items (docs/screening.md).
 */
@Service
public class ModelLearning {
    private static final Logger log = LoggerFactory.getLogger(ModelLearning.class);
    static final String JOB = "retrain";

    private final JdbcClient jdbc;
    private final ModelVersions versions;
    private final ScreeningModels models;
    private final RulePackStore packs;
    private final ParcelsProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;
    /** Reads the stored rows a page at a time (see {@link #rows}). */
    private final org.springframework.jdbc.core.JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    static final int FETCH = 2000;
    private final String instance = "ferret-" + UUID.randomUUID().toString().substring(0, 8);

    ModelLearning(JdbcClient jdbc, ModelVersions versions, ScreeningModels models, RulePackStore packs, ParcelsProperties properties,
            AuditLog audit, TransactionTemplate tx, ObjectMapper json, Optional<Clock> clock, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(tx.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.versions = versions;
        this.models = models;
        this.packs = packs;
        this.properties = properties;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The champion/challenger report a retrained version keeps. */
    public record Report(String profile, LocalDate evaluatedFrom, LocalDate evaluatedTo, int items, double capacityShare, double tolerance,
            String champion, Map<String, ChampionChallenger.Figures> championFigures, Map<String, ChampionChallenger.Figures> challengerFigures,
            boolean promoted, List<String> reasons) {}

    /** What a retraining run did. */
    public record Run(UUID version, int seq, ModelState state, Report report) {}

    /**
     * Where the last retraining run's time went, in milliseconds of wall time (logged, and read by {@code ferret bench
     * retrain}): reading the stored rows and outcomes, the exploration weights, the rows parsed into the library's table,
     * the library's training (features, history, both models), the champion/challenger evaluation, and storing the version.
     */
    public record Phases(int rows, long readMs, long weightsMs, long tableMs, long trainMs, long evaluateMs, long storeMs) {}

    private volatile Phases lastPhases;

    /** The phases of the last retraining run of this instance (null before the first). */
    public Phases lastPhases() {
        return lastPhases;
    }

    /** The scheduled retraining of every configured profile; of several instances one runs it (a database claim). */
    @Scheduled(cron = "${ferret.parcels.learning.retrain-cron:-}", zone = "UTC")
    void scheduled() {
        Instant now = Instant.now(clock);
        Boolean claimed = tx.execute(s -> versions.claim(JOB, instance, now, properties.getLearning().getClaimMinutes()));
        if (!Boolean.TRUE.equals(claimed)) {
            log.info("parcels: scheduled retraining skipped, another instance holds it");
            return;
        }
        for (String profile : properties.getLearning().getProfiles()) {
            try {
                Run r = train(profile, "schedule");
                log.info("parcels: scheduled retraining of {}: version {} is {}", profile, r.seq(), r.state());
            } catch (RuntimeException e) {
                log.warn("parcels: scheduled retraining of {} failed: {}", profile, e.getMessage());
                tx.executeWithoutResult(s -> audit.record("PARCEL_MODEL_TRAINING_FAILED", "parcel_model", profile, null,
                        Map.of("trigger", "schedule", "problem", String.valueOf(e.getMessage()))));
            }
        }
        // the claim stays until claimed_until, so an instance whose schedule fires a little later skips this run too
    }

    /** A supervisor's retraining run now; refused while another run holds the claim. */
    public Run retrainNow(String profile) {
        String p = profileOf(profile);
        Instant now = Instant.now(clock);
        Boolean claimed = tx.execute(s -> versions.claim(JOB, instance, now, properties.getLearning().getClaimMinutes()));
        if (!Boolean.TRUE.equals(claimed)) {
            throw new FerretException(ErrorCode.CONFLICT, "a retraining run is in progress; try again when it has finished");
        }
        try {
            return train(p, "supervisor");
        } finally {
            tx.executeWithoutResult(s -> versions.release(JOB, instance));
        }
    }

    private static String profileOf(String profile) {
        String p = profile == null || profile.isBlank() ? Profiles.POSTAL.name() : profile.strip().toLowerCase(java.util.Locale.ROOT);
        if (!p.equals(Profiles.POSTAL.name()) && !p.equals(Profiles.KCS.name())) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "profile: expected postal or kcs, got " + profile,
                    List.of(new FieldProblem("profile", "expected postal or kcs")));
        }
        return p;
    }

    /** One stored row with what its outcome says. */
    record Row(String csv, int day, String site, int label, int severity, PickedBy pickedBy) {}

    private Run train(String profile, String trigger) {
        Profile prof = Profiles.byName(profile);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate evalFrom = today.minusDays(properties.getLearning().getEvaluationDays());
        long t0 = System.nanoTime();
        List<Row> rows = rows(profile, today);
        long t1 = System.nanoTime();
        List<Row> training = rows.stream().filter(r -> r.day() < evalFrom.toEpochDay()).toList();
        int labelled = 0, positives = 0, explored = 0;
        for (Row r : training) {
            if (r.label() < 0) continue;
            labelled++;
            positives += r.label();
            explored += r.pickedBy() == PickedBy.EXPLORATION ? 1 : 0;
        }
        if (labelled == 0 || positives == 0 || positives == labelled) {
            throw new FerretException(ErrorCode.CONFLICT, "too few outcomes to train on before " + evalFrom + ": " + labelled
                    + " items inspected, " + positives + " with a finding; training needs items with and without findings");
        }
        Table t = table(prof, training.stream().map(Row::csv).toList());
        long t2 = System.nanoTime();
        double[] weights = weights(training);
        long t3 = System.nanoTime();
        // the pack ACTIVE now (approved by a second person), so that the model learns its rules and scoring with the
        // model and that pack adds nothing of its own (ArrivalScorer.sameRules); the bundled pack only before any version
        Optional<RulePackStore.Active> activePack = packs.active(profile);
        RulePack pack = activePack.map(RulePackStore.Active::pack).orElseGet(() -> bundledPack(profile));
        String packLabel = activePack.map(RulePackStore.Active::label).orElse(pack == null ? null : pack.label());
        ScreeningModel challenger;
        try {
            challenger = Trainer.train(t, pack, TrainOptions.defaults().withThreads(properties.getLearning().getThreads()), Trainer.Progress.NONE,
                    weights);
        } catch (ml.dmlc.xgboost4j.java.XGBoostError | IllegalArgumentException e) {
            throw new FerretException(ErrorCode.CONFLICT, "training failed: " + e.getMessage());
        }
        long t4 = System.nanoTime();
        LocalDate trainedTo = LocalDate.parse(challenger.meta().get("to"));
        LocalDate trainedFrom = LocalDate.parse(challenger.meta().get("from"));
        ScreeningModels.Active champion = models.active(profile);
        Report report = compare(profile, rows, evalFrom, today.minusDays(1), champion, challenger, trainedTo);
        long t5 = System.nanoTime();
        byte[] bytes = bytes(challenger);
        String features = challenger.spec().features().stream().map(FeatureSpec.Feature::name).collect(Collectors.joining(", "));
        if (features.length() > 20000) features = features.substring(0, 19990) + " …";
        String reportJson = json.writeValueAsString(report);
        final int lab = labelled, pos = positives, exp = explored;
        final String feat = features;
        Run run = tx.execute(s -> {
            lockStates();
            Instant at = Instant.now(clock);
            String by = Actor.current().username();
            UUID activeId = champion.versionId();
            ModelVersions.Version active = activeId == null ? null : versions.get(activeId).orElse(null);
            if (active == null || active.state() != ModelState.ACTIVE) {
                active = versions.active(profile).orElse(null);
            }
            if (active == null) {
                UUID bundled = registerBundled(profile, champion.model(), by, at);
                active = versions.get(bundled).orElseThrow();
            }
            for (ModelVersions.Version v : versions.list(profile)) {
                if (v.state() == ModelState.CHALLENGER) {
                    versions.setState(v.id(), "SUPERSEDED", ModelState.CHALLENGER, ModelState.RETIRED, "a newer challenger was trained", by, at);
                }
            }
            String why = String.join("; ", report.reasons());
            UUID id = versions.insert(new ModelVersions.NewVersion(profile, challenger.version(), ModelState.CHALLENGER, ModelVersions.Origin.RETRAINED,
                    trainedFrom, trainedTo, report.evaluatedFrom(), report.evaluatedTo(), t.size(), lab, pos, exp, challenger.spec().size(), feat,
                    packLabel, reportJson, bytes), by, at, truncate("trained by " + trigger + ": " + why));
            Map<String, Object> trained = new LinkedHashMap<>(Map.of("profile", profile, "trigger", trigger, "labelled", lab,
                    "positives", pos, "exploration", exp, "promoted", report.promoted(), "reasons", why));
            if (packLabel != null) trained.put("rulePack", packLabel);
            audit.record("PARCEL_MODEL_TRAINED", "parcel_model", id.toString(), null, trained);
            ModelState state = ModelState.CHALLENGER;
            if (report.promoted()) {
                activate(active, versions.get(id).orElseThrow(), "PROMOTED", "promoted on its report: " + why, by, at);
                state = ModelState.ACTIVE;
            }
            int seq = versions.get(id).orElseThrow().seq();
            return new Run(id, seq, state, report);
        });
        long t6 = System.nanoTime();
        Phases p = new Phases(rows.size(), ms(t1 - t0), ms(t3 - t2), ms(t2 - t1), ms(t4 - t3), ms(t5 - t4), ms(t6 - t5));
        lastPhases = p;
        log.info("parcels: retrained {} on {} stored rows: read {} ms, table {} ms, weights {} ms, training {} ms, evaluation {} ms, storing {} ms",
                profile, p.rows(), p.readMs(), p.tableMs(), p.weightsMs(), p.trainMs(), p.evaluateMs(), p.storeMs());
        return run;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 1995) + " …";
    }

    /** Serialises changes of states: one row lock every state-changing transaction takes first. */
    private void lockStates() {
        jdbc.sql("select job from parcel_learning_claim where job = ? for update").param(JOB).query(String.class).single();
    }

    private UUID registerBundled(String profile, ScreeningModel m, String by, Instant at) {
        byte[] b = bytes(m);
        String features = m.spec().features().stream().map(FeatureSpec.Feature::name).collect(Collectors.joining(", "));
        if (features.length() > 20000) features = features.substring(0, 19990) + " …";
        Map<String, String> meta = m.meta();
        int rows = parseInt(meta.get("rows")), labelled = parseInt(meta.get("labelled"));
        UUID id = versions.insert(new ModelVersions.NewVersion(profile, m.version(), ModelState.ACTIVE, ModelVersions.Origin.BUNDLED,
                date(meta.get("from")), date(meta.get("to")), null, null, rows, labelled, 0, 0, m.spec().size(), features,
                m.rulePack() == null ? null : m.rulePack().label(), null, b), by, at, "the model the server scored with before the learning loop ran");
        audit.record("PARCEL_MODEL_REGISTERED", "parcel_model", id.toString(), null, Map.of("profile", profile, "version", m.version()));
        return id;
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] bytes(ScreeningModel m) {
        try {
            Path tmp = Files.createTempFile("ferret-model", ".model");
            try {
                m.save(tmp);
                return Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a model: " + e.getMessage(), e);
        }
    }

    /** The rule pack retraining re-estimates when no version is stored: the bundled one of the profile (postal), none for kcs. */
    static RulePack bundledPack(String profile) {
        if (!profile.equals(Profiles.POSTAL.name())) return null;
        try (InputStream in = ModelLearning.class.getResourceAsStream("/org/ferret/screening/rules/postal-firearms.rules")) {
            return RulePackParser.parse("bundled postal-firearms.rules", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | BadInputException e) {
            throw new IllegalStateException("the bundled rule pack cannot be read: " + e.getMessage(), e);
        }
    }

    /** Every stored row of a profile received before {@code until}, in arrival order, with its outcome as label and severity. */
    List<Row> rows(String profile, LocalDate until) {
        // read in pages of FETCH rows inside a read-only transaction: PostgreSQL's driver otherwise holds the whole
        // result (at 1,000,000 rows some hundreds of MB) besides the rows made from it (docs/benchmarks.md)
        return readOnly.execute(s -> streaming.query("""
                select p.profile_row, p.received_at, p.site, o.kind, o.picked_by
                from parcel_declaration p left join parcel_outcome o on o.declaration_id = p.id
                where p.profile = ? and p.received_at < ? order by p.received_at, p.id""",
                (rs, n) -> {
                    String csv = rs.getString(1);
                    int day = (int) rs.getTimestamp(2).toInstant().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
                    String kind = rs.getString(4);
                    int label = -1, severity = -1;
                    if (kind != null) {
                        OutcomeKind k = OutcomeKind.valueOf(kind);
                        label = k == OutcomeKind.NOTHING_FOUND ? 0 : 1;
                        severity = k == OutcomeKind.NOTHING_FOUND ? 0 : k.registersSeizure() ? 2 : 1;
                        if (!csv.endsWith(",,")) {
                            throw new IllegalStateException("a stored row does not end with its blank label and severity");
                        }
                        csv = csv.substring(0, csv.length() - 2) + "," + label + "," + severity;
                    }
                    String picked = rs.getString(5);
                    return new Row(csv, day, rs.getString(3), label, severity, picked == null ? null : PickedBy.valueOf(picked));
                }, profile, Timestamp.from(until.atStartOfDay(ZoneOffset.UTC).toInstant())));
    }

    /**
     * Inverse-propensity weights: an exploration pick stands for the released items of its site and day it was drawn
     * from (released ÷ explored that day, from the site's day counters), capped at
     * {@code ferret.parcels.learning.exploration-weight-cap}; every other row 1. A site-day on which every decided
     * item has an outcome (a fully inspected day, e.g. an inspection campaign that opened everything) is a census:
     * every item's chance of inspection was 1, so its exploration picks weigh 1 like the rest of that day.
     */
    double[] weights(List<Row> rows) {
        double cap = properties.getLearning().getExplorationWeightCap();
        Map<String, Double> byDay = new HashMap<>();
        jdbc.sql("select site, screening_day, arrivals, holds_risk, holds_critical, holds_exploration, holds_mandatory from parcel_site_day")
                .query(rs -> {
                    int explored = rs.getInt(6);
                    int pool = rs.getInt(3) - rs.getInt(4) - rs.getInt(5) - rs.getInt(7);
                    if (explored > 0) {
                        byDay.put(rs.getString(1) + "/" + rs.getObject(2, LocalDate.class).toEpochDay(), Math.max(1.0, (double) pool / explored));
                    }
                });
        java.util.Set<String> census = new java.util.HashSet<>();
        if (!byDay.isEmpty()) {
            jdbc.sql("""
                    select d.site, d.screening_day from parcel_decision d left join parcel_outcome o on o.declaration_id = d.declaration_id
                    group by d.site, d.screening_day having count(o.id) = count(*)""")
                    .query(rs -> {
                        census.add(rs.getString(1) + "/" + rs.getObject(2, LocalDate.class).toEpochDay());
                    });
        }
        return weights(rows, byDay, census, cap);
    }

    /**
     * The weights from the day counters: {@code explorationWeight} per "site/epochDay" is released ÷ explored of that
     * day; a day in {@code census} (every item inspected) weighs every row 1.
     */
    static double[] weights(List<Row> rows, Map<String, Double> explorationWeight, java.util.Set<String> census, double cap) {
        double[] w = new double[rows.size()];
        for (int i = 0; i < w.length; i++) {
            Row r = rows.get(i);
            String day = r.site() + "/" + r.day();
            w[i] = r.pickedBy() == PickedBy.EXPLORATION && !census.contains(day) ? Math.min(cap, explorationWeight.getOrDefault(day, 1.0)) : 1.0;
        }
        return w;
    }

    /**
     * The stored rows read as the library reads a CSV file (header, then one row a line). The rows are handed to the
     * reader one by one ({@link RowsReader}), never joined into one string first: at 1,000,000 rows that string and the
     * copies of its growing buffer were some 1.5 GB of transient heap (docs/benchmarks.md, "Retraining in the service").
     */
    static Table table(Profile p, List<String> rows) {
        Table.Builder b = new Table.Builder(p);
        try {
            new TableReader(p, OnError.STOP).read("stored declarations", new BufferedReader(new RowsReader(String.join(",", p.columnNames()), rows), 1 << 16), b,
                    new ArrayList<RowProblem>());
        } catch (IOException | BadInputException e) {
            throw new IllegalStateException("a stored row did not read as a " + p.name() + " row: " + e.getMessage(), e);
        }
        return b.build();
    }

    /**
     * Scores the evaluation days with both models, each from its own history (a retrained version's history runs to its
     * last training day; the stored rows after it are replayed, as the arrival scorer does), selects per site and day
     * at the site's capacity with the critical reserve and no exploration, and compares the figures.
     */
    Report compare(String profile, List<Row> rows, LocalDate evalFrom, LocalDate evalTo, ScreeningModels.Active champion,
            ScreeningModel challenger, LocalDate challengerThrough) {
        Profile prof = Profiles.byName(profile);
        List<Integer> eval = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).day() >= evalFrom.toEpochDay()) eval.add(i);
        if (eval.isEmpty()) {
            throw new FerretException(ErrorCode.CONFLICT, "no items arrived in the evaluation days " + evalFrom + " to " + evalTo
                    + ": nothing to compare the new model with the active one on");
        }
        int[] label = new int[eval.size()], severity = new int[eval.size()];
        boolean[] explored = new boolean[eval.size()];
        for (int j = 0; j < eval.size(); j++) {
            Row r = rows.get(eval.get(j));
            label[j] = r.label();
            severity[j] = r.severity();
            explored[j] = r.pickedBy() == PickedBy.EXPLORATION;
        }
        double[][] a = scores(prof, champion.model(), champion.historyThrough(), rows, eval);
        double[][] b = scores(prof, challenger, challengerThrough, rows, eval);
        boolean[] selA = select(rows, eval, a), selB = select(rows, eval, b);
        int selected = 0;
        for (boolean s : selA) selected += s ? 1 : 0;
        double tolerance = properties.getLearning().getTolerance();
        Map<String, ChampionChallenger.Figures> fa = ChampionChallenger.figures(selA, label, severity, explored);
        Map<String, ChampionChallenger.Figures> fb = ChampionChallenger.figures(selB, label, severity, explored);
        ChampionChallenger.Verdict v = ChampionChallenger.decide(fa, fb, tolerance);
        String championName = champion.versionId() == null ? "the bundled model " + champion.model().version()
                : "version " + versions.get(champion.versionId()).map(ModelVersions.Version::seq).orElse(0) + " (" + champion.model().version() + ")";
        return new Report(profile, evalFrom, evalTo, eval.size(), (double) selected / eval.size(), tolerance, championName, fa, fb,
                v.promote(), v.reasons());
    }

    /** Risk and critical risk of the evaluation rows, scoring every stored row after the model's history in order. */
    private static double[][] scores(Profile prof, ScreeningModel m, LocalDate through, List<Row> rows, List<Integer> eval) {
        int first = 0;
        if (through != null) {
            while (first < rows.size() && rows.get(first).day() <= through.toEpochDay()) first++;
        }
        first = Math.min(first, eval.get(0));
        List<String> csv = new ArrayList<>(rows.size() - first);
        for (int i = first; i < rows.size(); i++) csv.add(blankLabels(rows.get(i).csv()));
        Table t = table(prof, csv);
        Scorer.Scores s = Scorer.score(m, t, new Scorer.Options(m.history().copy(), false, false, true, 2));
        double[] risk = new double[eval.size()], crit = s.critical() == null ? null : new double[eval.size()];
        for (int j = 0; j < eval.size(); j++) {
            int r = eval.get(j) - first;
            risk[j] = s.risk()[r];
            if (crit != null) crit[j] = s.critical()[r];
        }
        return new double[][] {risk, crit};
    }

    /** The row as stored, labels blank again: scoring must not see outcomes. */
    private static String blankLabels(String csv) {
        int c2 = csv.lastIndexOf(','), c1 = csv.lastIndexOf(',', c2 - 1);
        return csv.substring(0, c1) + ",,";
    }

    /** Per site and day, the library's selection at the site's capacity (critical reserve, no exploration). */
    private boolean[] select(List<Row> rows, List<Integer> eval, double[][] scores) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int j = 0; j < eval.size(); j++) {
            Row r = rows.get(eval.get(j));
            groups.computeIfAbsent(r.site() + "/" + r.day(), k -> new ArrayList<>()).add(j);
        }
        boolean[] out = new boolean[eval.size()];
        for (var g : groups.entrySet()) {
            String site = g.getKey().substring(0, g.getKey().indexOf('/'));
            Integer capacity = properties.getSites().get(site);
            if (capacity == null || capacity <= 0) continue;
            List<Integer> idx = g.getValue();
            double[] risk = new double[idx.size()];
            double[] crit = scores[1] == null ? null : new double[idx.size()];
            for (int k = 0; k < idx.size(); k++) {
                risk[k] = scores[0][idx.get(k)];
                if (crit != null) crit[k] = scores[1][idx.get(k)];
            }
            var policy = new Selector.Policy(new Capacity(capacity, 0), 0, properties.getCriticalShare());
            for (Selector.Pick p : Selector.select(risk, crit, policy, new Random(0))) out[idx.get(p.row())] = true;
        }
        return out;
    }

    // ---- supervisor's actions ----

    /** Promotes a challenger or a held version to active; the active one is retired. */
    public ModelVersions.Version promote(UUID id, String reason) {
        return change(id, reason, "PROMOTED");
    }

    /** Rolls back to an earlier (retired) version; the active one is retired. */
    public ModelVersions.Version rollback(UUID id, String reason) {
        return change(id, reason, "ROLLED_BACK");
    }

    /** Holds a challenger: it is not promoted until a supervisor promotes it. */
    public ModelVersions.Version hold(UUID id, String reason) {
        return change(id, reason, "HELD");
    }

    private ModelVersions.Version change(UUID id, String reason, String action) {
        String why = requireReason(reason);
        return tx.execute(s -> {
            lockStates();
            ModelVersions.Version v = versions.get(id).orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "no model version " + id));
            ModelVersions.Version active = versions.active(v.profile()).orElse(null);
            Instant at = Instant.now(clock);
            String by = Actor.current().username();
            switch (action) {
                case "HELD" -> {
                    if (v.state() != ModelState.CHALLENGER) {
                        throw new FerretException(ErrorCode.ILLEGAL_TRANSITION, "only a challenger can be held; version " + v.seq() + " is " + v.state().name().toLowerCase(java.util.Locale.ROOT));
                    }
                    versions.setState(v.id(), "HELD", ModelState.CHALLENGER, ModelState.HELD, why, by, at);
                    audit.record("PARCEL_MODEL_HELD", "parcel_model", v.id().toString(), Map.of("state", v.state().name()),
                            Map.of("state", ModelState.HELD.name(), "seq", v.seq(), "reason", why));
                }
                case "PROMOTED" -> {
                    if (v.state() != ModelState.CHALLENGER && v.state() != ModelState.HELD) {
                        throw new FerretException(ErrorCode.ILLEGAL_TRANSITION, "only a challenger or a held version can be promoted; version " + v.seq()
                                + " is " + v.state().name().toLowerCase(java.util.Locale.ROOT) + (v.state() == ModelState.RETIRED ? " (roll back to it instead)" : ""));
                    }
                    activate(active, v, action, why, by, at);
                }
                default -> {
                    if (v.state() != ModelState.RETIRED || active == null || v.seq() >= active.seq()) {
                        throw new FerretException(ErrorCode.ILLEGAL_TRANSITION, "a rollback goes to an earlier, retired version; version " + v.seq()
                                + " is " + v.state().name().toLowerCase(java.util.Locale.ROOT));
                    }
                    activate(active, v, action, why, by, at);
                }
            }
            return versions.get(id).orElseThrow();
        });
    }

    private void activate(ModelVersions.Version active, ModelVersions.Version v, String action, String why, String by, Instant at) {
        if (active != null) {
            versions.setState(active.id(), "REPLACED", ModelState.ACTIVE, ModelState.RETIRED, "replaced by version " + v.seq() + ": " + why, by, at);
        }
        versions.setState(v.id(), action, v.state(), ModelState.ACTIVE, why, by, at);
        audit.record(action.equals("PROMOTED") ? "PARCEL_MODEL_PROMOTED" : "PARCEL_MODEL_ROLLED_BACK", "parcel_model", v.id().toString(),
                active == null ? null : Map.of("active", active.seq(), "version", active.version()),
                Map.of("active", v.seq(), "version", v.version(), "reason", why));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "reason: must be given",
                    List.of(new FieldProblem("reason", "say why (it is kept with the version and in the audit trail)")));
        }
        if (reason.length() > 2000) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "reason: at most 2000 characters",
                    List.of(new FieldProblem("reason", "at most 2000 characters")));
        }
        return reason.strip();
    }

    /** A stored report, read back. */
    public Optional<Report> report(ModelVersions.Version v) {
        if (v.reportJson() == null) return Optional.empty();
        return Optional.of(json.readValue(v.reportJson(), Report.class));
    }

    /** A header and rows as the characters of a CSV file, one line each, without building that file in memory. */
    static final class RowsReader extends java.io.Reader {
        private final java.util.Iterator<String> rows;
        private String current;
        private int pos;
        private boolean newline;

        RowsReader(String header, List<String> rows) {
            this.rows = rows.iterator();
            this.current = header;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (len == 0) return 0;
            int n = 0;
            while (n < len) {
                if (current == null) break;
                if (newline) {
                    buf[off + n++] = '\n';
                    newline = false;
                    current = rows.hasNext() ? rows.next() : null;
                    pos = 0;
                    continue;
                }
                int k = Math.min(len - n, current.length() - pos);
                current.getChars(pos, pos + k, buf, off + n);
                pos += k;
                n += k;
                if (pos == current.length()) newline = true;
            }
            return n == 0 ? -1 : n;
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
