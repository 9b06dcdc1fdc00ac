package org.ferret.parcels.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.ferret.parcels.Inspections;
import org.ferret.parcels.ItemAnswer;
import org.ferret.parcels.Outcome;
import org.ferret.parcels.OutcomeKind;
import org.ferret.parcels.ParcelScreening;
import org.ferret.parcels.ParcelsProperties;
import org.ferret.parcels.PickedBy;
import org.ferret.screening.data.Csv;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learning loop replayed on the KCS benchmark's declarations (issue 12): day by day on a moved clock, each
 * day's declarations go through {@link ParcelScreening#submit} with the {@code kcs} profile (the API's path), the
 * inspector records an outcome for every held item only (the file's true label, as {@link Inspections} records it:
 * a fraud as MISDECLARED, a critical fraud as a seizure, else NOTHING_FOUND), and, when retraining is on, the
 * scheduled retraining ({@link ModelLearning#scheduled}) runs at the start of every week after the first. Optionally
 * the first weeks are the agency's initial fully inspected history: every declaration of those days is inspected and
 * gets its outcome, so that retraining trains on it. What each week held, and how many of those were frauds, is
 * counted from the service's own answers.
 */
public final class LearningReplay {
    /** The benchmark's fields in the order of the file's columns 2..20, as the kcs item's JSON names them. */
    static final String[] KEYS = {"date", "officeId", "processType", "importType", "importUse", "paymentType", "modeOfTransport",
            "declarantId", "importerId", "sellerId", "courierId", "hs6Code", "countryOfDeparture", "countryOfOrigin", "taxRate",
            "taxType", "countryOfOriginIndicator", "netMass", "itemPrice"};

    /** One row of a KCS benchmark file: the CSV line as in the file, its date, and its true labels. */
    public record KcsRow(String line, String id, LocalDate date, int fraud, int critical, List<String> fields) {}

    /**
     * What a replay does: the site and operator it sends as, whether the scheduled retraining runs, and the day
     * (exclusive) until which every declaration is inspected (the agency's initial fully inspected history; null: none).
     */
    public record Options(String site, String operator, boolean retrain, LocalDate inspectedUntil) {
        public Options(String site, String operator, boolean retrain) {
            this(site, operator, retrain, null);
        }
    }

    /** The queue note and the outcome's note of an item inspected because its day belongs to the initial inspected history. */
    public static final String INITIAL = "replay: initial inspected month, every declaration inspected";

    /**
     * One replayed week: arrivals, holds (and those picked by the model: score or critical reserve; by exploration),
     * frauds and critical frauds found among them and arrived, the declarations the service rejected (e.g. a country
     * code the benchmark's synthesis made up: they are not decided, so not counted as arrivals), the top-{@code holds} of the week by score (ranking
     * precision), the model versions that scored it, and the retraining run at its start (null: none ran). A week of
     * the initial inspected history ({@code initial}) is numbered 0 or below (the last one 0), the replayed weeks after
     * it from 1; its {@code held} counts what the selection held, {@code inspected} every item (all were inspected).
     */
    public record Week(int week, LocalDate from, boolean initial, int arrivals, int rejected, int held, int heldFraud, int modelPicks,
            int modelFraud, int explored, int exploredFraud, int frauds, int critical, int criticalHeld, double rankingPrecision,
            int inspected, String models, Retraining retraining) {
        public double precision() {
            return held == 0 ? Double.NaN : (double) heldFraud / held;
        }

        public double modelPrecision() {
            return modelPicks == 0 ? Double.NaN : (double) modelFraud / modelPicks;
        }

        public double criticalRecall() {
            return critical == 0 ? Double.NaN : (double) criticalHeld / critical;
        }
    }

    /**
     * A scheduled retraining run: the version it stored (seq, state, training window, rows and labelled rows trained
     * on, the champion/challenger's reasons) or why it stored none.
     */
    public record Retraining(LocalDate on, Integer seq, String state, LocalDate trainedFrom, LocalDate trainedTo, int rows, int labelled,
            String reasons, String problem) {}

    /** A clock the replay moves (the bench registers it as the primary clock of its server context). */
    public static final class MovedClock extends Clock {
        private volatile Instant now = Instant.now();

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ParcelScreening screening;
    private final Inspections inspections;
    private final ModelLearning learning;
    private final ModelVersions versions;
    private final ParcelsProperties properties;
    private final ParcelStore store;
    private final Consumer<Instant> clock;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

    public LearningReplay(ApplicationContext ctx, Consumer<Instant> clock) {
        this.screening = ctx.getBean(ParcelScreening.class);
        this.inspections = ctx.getBean(Inspections.class);
        this.learning = ctx.getBean(ModelLearning.class);
        this.versions = ctx.getBean(ModelVersions.class);
        this.properties = ctx.getBean(ParcelsProperties.class);
        this.store = ctx.getBean(ParcelStore.class);
        this.clock = clock;
    }

    /** The rows of KCS benchmark files, in date order (files in the order given, rows of one date in file order). */
    public static List<KcsRow> read(List<Path> files) throws IOException {
        List<KcsRow> out = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) continue;
                List<String> v;
                try {
                    v = Csv.split(line);
                } catch (Csv.MalformedRecord e) {
                    throw new IOException(f + " line " + (i + 1) + ": " + e.getMessage(), e);
                }
                out.add(new KcsRow(line, v.get(0), LocalDate.parse(v.get(1)), Integer.parseInt(v.get(20)), Integer.parseInt(v.get(21)), v));
            }
        }
        out.sort(Comparator.comparing(KcsRow::date));
        return out;
    }

    /** A row as the kcs item the API takes (the declaration id prefixed with this replay's run, so runs do not collide). */
    Map<String, Object> item(KcsRow r, String site) {
        Map<String, Object> kcs = new LinkedHashMap<>();
        for (int c = 0; c < KEYS.length; c++) {
            String v = r.fields().get(c + 1);
            if (KEYS[c].equals("taxRate") || KEYS[c].equals("netMass") || KEYS[c].equals("itemPrice")) {
                kcs.put(KEYS[c], Double.parseDouble(v));
            } else if (!v.isEmpty()) {
                kcs.put(KEYS[c], v);
            }
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("itemId", itemId(r));
        item.put("profile", "kcs");
        item.put("site", site);
        item.put("direction", "INBOUND");
        item.put("kcs", kcs);
        return item;
    }

    /** The item id a row is sent with in this replay. */
    public String itemId(KcsRow r) {
        return ("K" + run + "-" + r.id()).toUpperCase(Locale.ROOT);
    }

    /** What the inspector records for an inspected row: its true label (noted as of the initial inspected history when it is). */
    static Outcome outcome(KcsRow r, boolean initial) {
        String of = initial ? "; " + INITIAL : "";
        if (r.critical() == 2) {
            return new Outcome(OutcomeKind.AMMUNITION, null, null, null, "replay: critical fraud (Critical Fraud = 2) as the file has it" + of);
        }
        if (r.fraud() == 1) {
            return new Outcome(OutcomeKind.MISDECLARED, null, null, null, "replay: fraud as the file has it" + of);
        }
        return new Outcome(OutcomeKind.NOTHING_FOUND, null, null, null, initial ? INITIAL : null);
    }

    /**
     * Replays the rows (date order) from the first row's date, week by week. Days before {@code o.inspectedUntil()}
     * are the agency's initial fully inspected history: their declarations are decided as any other, then every item
     * the selection released is added to the queue by hand ({@link Inspections#addToQueue}, note {@link #INITIAL})
     * and every item gets its outcome, so that retraining ("every labelled outcome so far") includes them. The weeks
     * after are the loop: outcomes for held items only; with retraining on, the scheduled job runs at the start of
     * every such week after the first. The caller runs this as an authenticated actor if it wants one in the audit
     * trail; the scheduled retraining runs as the schedule does.
     */
    public List<Week> replay(List<KcsRow> rows, Options o, Consumer<Week> progress) {
        if (rows.isEmpty()) return List.of();
        LocalDate start = rows.get(0).date();
        Map<LocalDate, List<KcsRow>> byDay = new LinkedHashMap<>();
        for (KcsRow r : rows) byDay.computeIfAbsent(r.date(), k -> new ArrayList<>()).add(r);
        LocalDate last = rows.get(rows.size() - 1).date();
        int weeks = (int) (ChronoUnit.DAYS.between(start, last) / 7) + 1;
        int initialWeeks = 0;
        if (o.inspectedUntil() != null) {
            long days = ChronoUnit.DAYS.between(start, o.inspectedUntil());
            if (days < 0 || days % 7 != 0) {
                throw new IllegalArgumentException("the initial inspected history must be whole weeks from " + start + ", not until " + o.inspectedUntil());
            }
            initialWeeks = (int) (days / 7);
        }
        List<Week> out = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            LocalDate from = start.plusDays(7L * w);
            boolean initial = w < initialWeeks;
            Retraining retraining = null;
            if (o.retrain() && w > initialWeeks) {
                retraining = retrain(from);
            }
            int arrivals = 0, rejected = 0, held = 0, heldFraud = 0, modelPicks = 0, modelFraud = 0, explored = 0, exploredFraud = 0, frauds = 0,
                    critical = 0, criticalHeld = 0, inspected = 0;
            List<double[]> scored = new ArrayList<>(); // score, fraud
            java.util.Set<String> models = new java.util.TreeSet<>();
            for (int d = 0; d < 7; d++) {
                LocalDate day = from.plusDays(d);
                List<KcsRow> today = byDay.getOrDefault(day, List.of());
                if (today.isEmpty()) continue;
                clock.accept(day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(8, ChronoUnit.HOURS));
                Map<String, KcsRow> truth = new HashMap<>();
                List<ItemAnswer> answers = new ArrayList<>();
                for (int i = 0; i < today.size(); i += properties.getMaxBatch()) {
                    List<JsonNode> batch = new ArrayList<>();
                    for (KcsRow r : today.subList(i, Math.min(today.size(), i + properties.getMaxBatch()))) {
                        batch.add(json.valueToTree(item(r, o.site())));
                        truth.put(itemId(r), r);
                    }
                    answers.addAll(screening.submit(o.operator(), batch, false).items());
                }
                // the declaration each accepted item was stored as, in one look-up for the day (not one per inspected item)
                Map<String, UUID> declarations = new HashMap<>();
                List<String> accepted = answers.stream().filter(a -> a.status() == ItemAnswer.Status.ACCEPTED).map(ItemAnswer::itemId).toList();
                if (!accepted.isEmpty()) store.latestOf(o.operator(), accepted).forEach((id, l) -> declarations.put(id, l.id()));
                for (ItemAnswer a : answers) {
                    KcsRow r = truth.get(a.itemId());
                    if (a.status() == ItemAnswer.Status.REJECTED) {
                        rejected++;
                        continue;
                    }
                    if (a.status() != ItemAnswer.Status.ACCEPTED) {
                        throw new IllegalStateException("declaration " + r.id() + " was not accepted: " + a.status());
                    }
                    arrivals++;
                    frauds += r.fraud();
                    critical += r.critical() == 2 ? 1 : 0;
                    scored.add(new double[] {a.score(), r.fraud()});
                    if (a.decision() != ItemAnswer.Decision.HOLD) {
                        if (initial) {
                            // the initial inspected history: the released item is inspected too, put in the queue by hand
                            UUID declaration = declarations.get(a.itemId());
                            inspections.addToQueue(declaration, INITIAL);
                            inspections.recordOutcome(declaration, outcome(r, true));
                            inspected++;
                        }
                        continue;
                    }
                    held++;
                    inspected++;
                    heldFraud += r.fraud();
                    criticalHeld += r.critical() == 2 ? 1 : 0;
                    if (a.pickedBy() == PickedBy.SCORE || a.pickedBy() == PickedBy.CRITICAL) {
                        modelPicks++;
                        modelFraud += r.fraud();
                    } else if (a.pickedBy() == PickedBy.EXPLORATION) {
                        explored++;
                        exploredFraud += r.fraud();
                    }
                    // the inspector: only held items are inspected, so only they get an outcome
                    UUID declaration = declarations.get(a.itemId());
                    inspections.recordOutcome(declaration, outcome(r, initial));
                }
                // the model that scored the day (the first item's decision; a day is scored by one model)
                if (!accepted.isEmpty()) {
                    screening.decision(declarations.get(accepted.get(0))).ifPresent(dr -> models.add(dr.modelVersion()));
                }
            }
            scored.sort((a, b) -> Double.compare(b[0], a[0]));
            int top = Math.min(held, scored.size());
            int topFraud = 0;
            for (int i = 0; i < top; i++) topFraud += (int) scored.get(i)[1];
            Week week = new Week(w + 1 - initialWeeks, from, initial, arrivals, rejected, held, heldFraud, modelPicks, modelFraud, explored,
                    exploredFraud, frauds, critical, criticalHeld, top == 0 ? Double.NaN : (double) topFraud / top, inspected,
                    String.join(", ", models), retraining);
            out.add(week);
            if (progress != null) progress.accept(week);
        }
        return out;
    }

    /** The scheduled job at 03:00 of {@code day}, before the day's arrivals; what it stored, read back. */
    private Retraining retrain(LocalDate day) {
        clock.accept(day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(3, ChronoUnit.HOURS));
        int before = versions.list("kcs").stream().mapToInt(ModelVersions.Version::seq).max().orElse(0);
        learning.scheduled();
        var latest = versions.list("kcs").stream().filter(v -> v.seq() > before && v.origin() == ModelVersions.Origin.RETRAINED).findFirst();
        if (latest.isEmpty()) {
            return new Retraining(day, null, null, null, null, 0, 0, null, "no version stored (too few outcomes, or training failed: see the log)");
        }
        ModelVersions.Version v = latest.get();
        String reasons = learning.report(v).map(r -> String.join("; ", r.reasons())).orElse(null);
        return new Retraining(day, v.seq(), v.state().name(), v.trainedFrom(), v.trainedTo(), v.rows(), v.labelled(), reasons, null);
    }
}
