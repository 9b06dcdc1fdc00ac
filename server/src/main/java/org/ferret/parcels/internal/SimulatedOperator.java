package org.ferret.parcels.internal;

import java.io.IOException;
import java.io.StringWriter;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Demo only ({@code ferret.parcels.simulate=true}): an in-process postal operator that feeds the library's generated
 * postal items (SYNTHETIC, with its planted trafficking patterns) into the configured sites a few at a time, and a
 * simulated X-ray detector that posts verdicts on them (most planted weapon items get a high-confidence weapon
 * verdict, some ordinary ones a "none"). No broker: it calls the same service the REST API calls.
 */
@Component
@ConditionalOnProperty(name = "ferret.parcels.simulate", havingValue = "true")
class SimulatedOperator {
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

    SimulatedOperator(ParcelScreening screening, Inspections inspections, ParcelsProperties properties, ObjectMapper json,
            @org.springframework.beans.factory.annotation.Value("${ferret.parcels.simulate-per-tick:25}") int perTick) {
        this.screening = screening;
        this.inspections = inspections;
        this.properties = properties;
        this.json = json;
        this.perTick = perTick;
        this.serial = (int) (System.currentTimeMillis() / 1000 % 40_000_000);
    }

    @Scheduled(initialDelayString = "${ferret.parcels.simulate-every-ms:5000}", fixedDelayString = "${ferret.parcels.simulate-every-ms:5000}")
    void tick() {
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
