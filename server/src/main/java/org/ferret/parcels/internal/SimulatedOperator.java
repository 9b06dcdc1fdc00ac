package org.ferret.parcels.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.ferret.parcels.BatchAnswer;
import org.ferret.parcels.Inspections;
import org.ferret.parcels.ItemAnswer;
import org.ferret.parcels.ParcelScreening;
import org.ferret.parcels.ParcelsProperties;
import org.ferret.screening.data.Csv;
import org.ferret.screening.synth.PostalGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ferret.parcels.Outcome;
import org.ferret.parcels.OutcomeKind;
import org.ferret.parcels.QueueEntry;
import org.ferret.registry.Construction;
import org.ferret.registry.ItemKind;
import org.ferret.shared.AdjustableClock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Demo only ({@code ferret.parcels.simulate=true}): an in-process postal operator that feeds the library's generated
 * postal items (SYNTHETIC, with its planted trafficking patterns) into the configured sites a few at a time, and a
 * simulated X-ray detector that posts verdicts on them (most planted weapon items get a high-confidence weapon
 * verdict, some ordinary ones a "none"). No broker: it calls the same service the REST API calls.
 *
 * <p>On the demo's first start (no decision before today) it first writes {@code ferret.parcels.simulate-history-days}
 * (28) days of history ({@code …-per-day}, 400 items a day), so
 * that the supervisor, customs and intelligence screens have weeks to show: it sets the demo's {@link AdjustableClock}
 * to each past day in turn, sends that day's generated items, and records an inspector's outcome for every item held
 * (what the generator planted: a firearm or a slide for the critical ones, ammunition or misdeclared goods for the other
 * seized ones, nothing found otherwise; a parcels outcome that is a firearm, part or ammunition becomes a registry item
 * and a seizure, as in service), then sets the clock back to now and retrains the postal model once, as a supervisor
 * would. The live feed waits until it is done.
 */
@Component
@ConditionalOnProperty(name = "ferret.parcels.simulate", havingValue = "true")
@Order(25) // after the demo's registry items (DemoData, 20): the seized items the history registers are not the first
class SimulatedOperator implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(SimulatedOperator.class);
    static final String OPERATOR = "POST";

    private final ParcelScreening screening;
    private final Inspections inspections;
    private final ParcelsProperties properties;
    private final ObjectMapper json;
    private final int perTick;
    private final SplittableRandom random = new SplittableRandom(42);
    private List<List<String>> rows = List.of();
    private int next;
    private int serial;
    private final int historyDays;
    private final int historyPerDay;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final ModelLearning learning;
    private volatile boolean writingHistory;

    SimulatedOperator(ParcelScreening screening, Inspections inspections, ParcelsProperties properties, ObjectMapper json,
            @org.springframework.beans.factory.annotation.Value("${ferret.parcels.simulate-per-tick:25}") int perTick,
            Clock clock, JdbcClient jdbc, ModelLearning learning,
            @org.springframework.beans.factory.annotation.Value("${ferret.parcels.simulate-history-days:28}") int historyDays,
            @org.springframework.beans.factory.annotation.Value("${ferret.parcels.simulate-history-per-day:400}") int historyPerDay) {
        this.historyDays = historyDays;
        // the live feed waits for the first start's history (run below), so no live item is scored on a day set back
        this.writingHistory = clock instanceof AdjustableClock && historyDays > 0;
        this.historyPerDay = historyPerDay;
        this.clock = clock;
        this.jdbc = jdbc;
        this.learning = learning;
        this.screening = screening;
        this.inspections = inspections;
        this.properties = properties;
        this.json = json;
        this.perTick = perTick;
        this.serial = (int) (System.currentTimeMillis() / 1000 % 40_000_000);
    }

    @Scheduled(initialDelayString = "${ferret.parcels.simulate-every-ms:5000}", fixedDelayString = "${ferret.parcels.simulate-every-ms:5000}")
    void tick() {
        if (writingHistory) return;
        try {
            if (next >= rows.size()) {
                rows = generate();
                next = 0;
            }
            List<String> sites = new ArrayList<>(properties.getSites().keySet());
            if (sites.isEmpty()) return;
            List<JsonNode> items = new ArrayList<>();
            List<Integer> severity = new ArrayList<>();
            for (int k = 0; k < perTick && next < rows.size(); k++, next++) {
                List<String> r = rows.get(next);
                items.add(json.valueToTree(item(r, sites.get(next % sites.size()), S10.of("CP", serial++ % 100_000_000, "US"))));
                severity.add(r.get(17).isEmpty() ? 0 : Integer.parseInt(r.get(17)));
            }
            BatchAnswer answer = screening.submit(OPERATOR, items, false);
            for (int k = 0; k < answer.items().size(); k++) {
                ItemAnswer a = answer.items().get(k);
                if (a.status() != ItemAnswer.Status.ACCEPTED) continue;
                if (severity.get(k) == 2 && random.nextDouble() < 0.7) {
                    inspections.detect(OPERATOR, a.itemId(), random.nextBoolean() ? "FIREARM" : "ESSENTIAL_COMPONENT",
                            0.90 + 0.09 * random.nextDouble(), "sim-xray://" + a.itemId() + ".png", null);
                } else if (random.nextDouble() < 0.05) {
                    inspections.detect(OPERATOR, a.itemId(), "NONE", 0.5 + 0.5 * random.nextDouble(), "sim-xray://" + a.itemId() + ".png", null);
                }
            }
            log.debug("simulated operator: {} accepted, {} rejected, {} held", answer.accepted(), answer.rejected(), answer.held());
        } catch (RuntimeException e) {
            log.warn("simulated operator: {}", e.getMessage());
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!(clock instanceof AdjustableClock adjustable) || properties.getSites().isEmpty() || historyDays <= 0) {
            writingHistory = false;
            return;
        }
        LocalDate today = LocalDate.now(clock);
        if (jdbc.sql("select count(*) from parcel_decision where screening_day < ?").param(today).query(Long.class).single() > 0) {
            writingHistory = false;
            return;
        }
        var previous = SecurityContextHolder.getContext().getAuthentication();
        long start = System.nanoTime();
        int sent = 0, inspected = 0;
        try {
            log.info("Writing {} days of synthetic parcel history (first start only)…", historyDays);
            List<String> sites = new ArrayList<>(properties.getSites().keySet());
            List<List<String>> rows = generate(7, historyDays * historyPerDay, today.minusDays(historyDays), historyDays);
            SplittableRandom pick = new SplittableRandom(11);
            for (int day = 0; day < historyDays; day++) {
                LocalDate date = today.minusDays(historyDays - day);
                adjustable.set(date.atTime(9, 0).toInstant(ZoneOffset.UTC));
                as("postal");
                Map<String, Integer> severity = new LinkedHashMap<>();
                List<JsonNode> items = new ArrayList<>();
                for (int k = 0; k < historyPerDay; k++) {
                    List<String> r = rows.get(day * historyPerDay + k);
                    String id = S10.of("CH", serial++ % 100_000_000, "US");
                    items.add(json.valueToTree(item(r, sites.get(k % sites.size()), id)));
                    severity.put(id, "1".equals(r.get(16)) ? (r.get(17).isEmpty() ? 1 : Math.max(1, Integer.parseInt(r.get(17)))) : 0);
                }
                sent += screening.submit(OPERATOR, items, false).accepted();
                adjustable.set(date.atTime(15, 0).toInstant(ZoneOffset.UTC));
                as("inspector");
                for (QueueEntry e : inspections.queue(new Inspections.Filter(null, date, null, null, null))) {
                    Integer sev = severity.get(e.itemId());
                    if (sev == null || e.outcome() != null) continue;
                    inspections.recordOutcome(e.declaration(), switch (sev) {
                        case 2 -> pick.nextBoolean()
                                ? new Outcome(OutcomeKind.FIREARM, ItemKind.PISTOL, Construction.POLYMER, false, "found in the X-ray image (synthetic)")
                                : new Outcome(OutcomeKind.ESSENTIAL_COMPONENT, ItemKind.SLIDE, Construction.METAL, false, "declared as a model-kit part (synthetic)");
                        case 1 -> pick.nextBoolean()
                                ? new Outcome(OutcomeKind.AMMUNITION, null, null, null, "loose cartridges in a toy box (synthetic)")
                                : new Outcome(OutcomeKind.MISDECLARED, null, null, null, "undervalued, goods as described otherwise (synthetic)");
                        default -> new Outcome(OutcomeKind.NOTHING_FOUND, null, null, null, null);
                    });
                    inspected++;
                }
            }
            adjustable.reset();
            log.info("Wrote {} parcel declarations and {} inspection outcomes over {} days in {} s", sent, inspected, historyDays,
                    (System.nanoTime() - start) / 1_000_000_000);
            as("supervisor");
            try {
                ModelLearning.Run r = learning.retrainNow("postal");
                log.info("Retrained the postal model on that history: version {} is {}", r.seq(), r.state());
            } catch (RuntimeException e) {
                log.warn("demo retraining on the parcel history did not run: {}", e.getMessage());
            }
        } finally {
            adjustable.reset();
            writingHistory = false;
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static void as(String user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }

    private List<List<String>> generate() {
        return generate(random.nextLong(), 4000, LocalDate.now(ZoneOffset.UTC), 1);
    }

    /** The generator's rows (fields as its header), one day or more. */
    static List<List<String>> generate(long seed, int count, LocalDate start, int days) {
        StringWriter w = new StringWriter();
        try {
            new PostalGenerator(seed, count, start, days).write(w);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a StringWriter", e);
        }
        List<List<String>> out = new ArrayList<>();
        String[] lines = w.toString().split("\n");
        for (int i = 1; i < lines.length; i++) {
            try {
                out.add(Csv.split(lines[i]));
            } catch (Csv.MalformedRecord e) {
                // the generator writes one record a line; a description with a line break would be split: skip it
            }
        }
        return out;
    }

    /** A generated postal row as a CN23 item of the API (names and addresses made from the pseudonymised ids). */
    static Map<String, Object> item(List<String> r, String site, String itemId) {
        String origin = r.get(3), dest = r.get(4);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemId", itemId);
        m.put("site", site);
        m.put("direction", "INBOUND");
        m.put("mailClass", "PARCEL");
        m.put("origin", origin);
        m.put("destination", dest);
        m.put("sender", Map.of("name", "Sender " + r.get(5), "address", "1 Export Road", "country", origin));
        m.put("addressee", Map.of("name", "Addressee " + r.get(6), "address", "2 Import Street", "country", dest,
                "type", r.get(7).toUpperCase(java.util.Locale.ROOT)));
        m.put("category", r.get(9).toUpperCase(java.util.Locale.ROOT));
        if (r.get(9).equals("other")) m.put("categoryExplanation", "simulated");
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("description", r.get(8));
        line.put("quantity", (int) Double.parseDouble(r.get(11)));
        if (!r.get(12).isEmpty()) line.put("netWeightKg", Double.parseDouble(r.get(12)));
        line.put("value", Double.parseDouble(r.get(14)));
        line.put("currency", r.get(15));
        if (r.get(10).length() >= 6) line.put("hsCode", r.get(10));
        m.put("contents", List.of(line));
        if (!r.get(13).isEmpty()) m.put("grossWeightKg", Double.parseDouble(r.get(13)));
        m.put("totalValue", Double.parseDouble(r.get(14)));
        m.put("currency", r.get(15));
        return m;
    }
}
