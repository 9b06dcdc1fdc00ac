package org.ferret.intelligence;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ferret.intelligence.internal.SeizureQueries;
import org.ferret.registry.Construction;
import org.ferret.registry.ItemKind;
import org.ferret.shared.Words;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Non-nominal aggregates of the seizures (no query here reads the persons): trends by month, item types, modus,
 * criminal contexts and legal grounds, concealment, routes as flows between countries, and SDG indicator 16.4.2.
 */
@Service
public class SeizureAnalytics {

    private final JdbcClient jdbc;
    private final org.ferret.parcels.ParcelOutcomes parcels;

    SeizureAnalytics(JdbcClient jdbc, org.ferret.parcels.ParcelOutcomes parcels) {
        this.jdbc = jdbc;
        this.parcels = parcels;
    }

    /** How many hold reasons {@link #heldAgainstFound} names before it sums the rest as "other reasons". */
    static final int TOP_REASONS = 10;

    /**
     * The top reasons parcels were held against what they contained (the flows of a Sankey: reason → finding), for
     * the items held on a screening day within the filter's dates (the other filters are about seizures and do not
     * apply). Reasons by the number of items held, the first {@value #TOP_REASONS} by name and the rest as "other
     * reasons"; an item held under two rules counts under both (parcels.ParcelOutcomes.heldReasons).
     */
    @Transactional(readOnly = true)
    public List<Flow> heldAgainstFound(SeizureFilter f) {
        SeizureFilter filter = f == null ? SeizureFilter.none() : f;
        Map<String, Map<String, Long>> byReason = new LinkedHashMap<>();
        for (org.ferret.parcels.ParcelOutcomes.HeldReason r : parcels.heldReasons(filter.from(), filter.to())) {
            String reason = r.rule() != null ? "rule " + r.rule() + (r.pickedBy() == org.ferret.parcels.PickedBy.RULE ? " (mandatory)" : "")
                    : "held " + Words.lower(r.pickedBy());
            String found = r.found() == null ? "Not inspected yet" : Words.of(r.found());
            byReason.computeIfAbsent(reason, k -> new LinkedHashMap<>()).merge(found, r.items(), Long::sum);
        }
        List<Map.Entry<String, Map<String, Long>>> reasons = new ArrayList<>(byReason.entrySet());
        reasons.sort((a, b) -> {
            int c = Long.compare(total(b.getValue()), total(a.getValue()));
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        Map<List<String>, Long> flows = new LinkedHashMap<>();
        for (int i = 0; i < reasons.size(); i++) {
            String reason = i < TOP_REASONS ? reasons.get(i).getKey() : "other reasons";
            reasons.get(i).getValue().forEach((found, n) -> flows.merge(List.of(reason, found), n, Long::sum));
        }
        List<Flow> out = new ArrayList<>();
        flows.forEach((k, v) -> out.add(new Flow(k.get(0), k.get(1), v)));
        return out;
    }

    private static long total(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One bar: a key (an enum name, a month), its words, and its count. */
    public record Count(String key, String label, long value) {
    }

    /** Seizures and items seized in a month ({@code 2026-03}). */
    public record Month(String month, long seizures, long items) {
    }

    /** Seizures that moved from one country to the next on their route ("DE (origin)" → "PL (transit)"). */
    public record Flow(String source, String target, long value) {
    }

    /**
     * SDG indicator 16.4.2 for a year: of the firearms seized, found or surrendered (made in 1900 or later, or of
     * unknown year), how many had their point of diversion (illicit origin) established, by tracing or by other
     * means; {@code percent} is null when none was seized. {@code noOutcome} counts arms with no tracing outcome recorded yet; they stay in the denominator.
     */
    public record Sdg(int year, long numerator, long denominator, long byTracing, long byOtherMeans,
            long notEstablished, long noOutcome, long excludedBefore1900, Double percent) {

        static Sdg of(int year, long byTracing, long byOtherMeans, long notEstablished, long noOutcome, long excluded) {
            long numerator = byTracing + byOtherMeans;
            long denominator = numerator + notEstablished + noOutcome;
            return new Sdg(year, numerator, denominator, byTracing, byOtherMeans, notEstablished, noOutcome, excluded,
                    denominator == 0 ? null : 100.0 * numerator / denominator);
        }
    }

    private SeizureQueries.Where where(SeizureFilter f) {
        return SeizureQueries.where(f == null ? SeizureFilter.none() : f, "s");
    }

    @Transactional(readOnly = true)
    public List<Month> byMonth(SeizureFilter f) {
        SeizureQueries.Where w = where(f);
        Map<String, long[]> months = new TreeMap<>();
        jdbc.sql("select s.id, s.seized_on, (select count(*) from intel_seizure_item i where i.seizure_id = s.id) from intel_seizure s where " + w.sql())
                .params(w.params()).query((ResultSet rs) -> {
                    String month = rs.getObject(2, java.time.LocalDate.class).toString().substring(0, 7);
                    long[] c = months.computeIfAbsent(month, k -> new long[2]);
                    c[0]++;
                    c[1] += rs.getLong(3);
                });
        List<Month> out = new ArrayList<>();
        months.forEach((m, c) -> out.add(new Month(m, c[0], c[1])));
        return out;
    }

    /** Items by what they are (firearm and component kinds; ammunition as lots, rounds in {@link #rounds}). */
    @Transactional(readOnly = true)
    public List<Count> byItemKind(SeizureFilter f) {
        SeizureQueries.Where w = where(f);
        Map<ItemKind, Long> counts = new EnumMap<>(ItemKind.class);
        jdbc.sql("select i.item_kind, count(*) from intel_seizure_item i join intel_seizure s on s.id = i.seizure_id where "
                        + w.sql() + " and i.item_kind is not null group by i.item_kind")
                .params(w.params()).query((ResultSet rs) -> {
                    counts.put(ItemKind.valueOf(rs.getString(1)), rs.getLong(2));
                });
        List<Count> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new Count(k.name(), Words.of(k), v)));
        return out;
    }

    /** Rounds of ammunition seized. */
    @Transactional(readOnly = true)
    public long rounds(SeizureFilter f) {
        SeizureQueries.Where w = where(f);
        return jdbc.sql("select coalesce(sum(i.quantity), 0) from intel_seizure_item i join intel_seizure s on s.id = i.seizure_id where "
                + w.sql() + " and i.item_type = 'AMMUNITION'").params(w.params()).query(Long.class).single();
    }

    /** Items by modus: sent by post or courier, and made by 3D printing, converted, reactivated or modular. */
    @Transactional(readOnly = true)
    public List<Count> byModus(SeizureFilter f) {
        SeizureQueries.Where w = where(f);
        Map<Modus, Long> counts = new EnumMap<>(Modus.class);
        for (Modus m : Modus.values()) counts.put(m, 0L);
        jdbc.sql("select s.conveyance, i.construction, count(*) from intel_seizure_item i join intel_seizure s on s.id = i.seizure_id where "
                        + w.sql() + " group by s.conveyance, i.construction")
                .params(w.params()).query((ResultSet rs) -> {
                    long n = rs.getLong(3);
                    String conveyance = rs.getString(1);
                    if (conveyance.equals(Conveyance.POSTAL.name()) || conveyance.equals(Conveyance.COURIER.name())) {
                        counts.merge(Modus.POSTAL, n, Long::sum);
                    }
                    String c = rs.getString(2);
                    if (c != null) {
                        Modus m = switch (Construction.valueOf(c)) {
                            case ADDITIVELY_MANUFACTURED -> Modus.ADDITIVELY_MANUFACTURED;
                            case CONVERTED_ALARM_OR_GAS -> Modus.CONVERTED;
                            case REACTIVATED -> Modus.REACTIVATED;
                            case MODULAR -> Modus.MODULAR;
                            default -> null;
                        };
                        if (m != null) counts.merge(m, n, Long::sum);
                    }
                });
        List<Count> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new Count(k.name(), Words.of(k), v)));
        return out;
    }

    @Transactional(readOnly = true)
    public List<Count> byContext(SeizureFilter f) {
        return seizuresBy(f, "criminal_context", CriminalContext.class);
    }

    @Transactional(readOnly = true)
    public List<Count> byLegalJustification(SeizureFilter f) {
        return seizuresBy(f, "legal_justification", LegalJustification.class);
    }

    @Transactional(readOnly = true)
    public List<Count> byConcealment(SeizureFilter f) {
        return seizuresBy(f, "concealment", Concealment.class);
    }

    @Transactional(readOnly = true)
    public List<Count> byKind(SeizureFilter f) {
        return seizuresBy(f, "kind", SeizureKind.class);
    }

    private <E extends Enum<E>> List<Count> seizuresBy(SeizureFilter f, String column, Class<E> type) {
        SeizureQueries.Where w = where(f);
        Map<E, Long> counts = new EnumMap<>(type);
        jdbc.sql("select s." + column + ", count(*) from intel_seizure s where " + w.sql() + " group by s." + column)
                .params(w.params()).query((ResultSet rs) -> {
                    counts.put(Enum.valueOf(type, rs.getString(1)), rs.getLong(2));
                });
        List<Count> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new Count(k.name(), Words.of(k), v)));
        out.sort((a, b) -> Long.compare(b.value(), a.value()));
        return out;
    }

    /**
     * Routes as flows: origin → first transit country, last transit → destination (origin → destination without
     * transit); a country is named with its role so that the flows form no cycle. Unknown ends are "unknown".
     */
    @Transactional(readOnly = true)
    public List<Flow> routes(SeizureFilter f) {
        SeizureQueries.Where w = where(f);
        Map<String, List<String>> transit = new LinkedHashMap<>();
        jdbc.sql("select t.seizure_id, t.country from intel_seizure_transit t join intel_seizure s on s.id = t.seizure_id where "
                        + w.sql() + " order by t.seizure_id, t.position")
                .params(w.params()).query((ResultSet rs) -> {
                    transit.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<List<String>, Long> flows = new LinkedHashMap<>();
        jdbc.sql("select s.id, s.origin, s.destination from intel_seizure s where " + w.sql()).params(w.params())
                .query((ResultSet rs) -> {
                    String origin = (rs.getString(2) == null ? "unknown" : rs.getString(2)) + " (origin)";
                    String destination = (rs.getString(3) == null ? "unknown" : rs.getString(3)) + " (destination)";
                    List<String> via = transit.getOrDefault(rs.getString(1), List.of());
                    if (rs.getString(2) == null && rs.getString(3) == null && via.isEmpty()) return;
                    if (via.isEmpty()) {
                        flows.merge(List.of(origin, destination), 1L, Long::sum);
                    } else {
                        flows.merge(List.of(origin, via.get(0) + " (transit)"), 1L, Long::sum);
                        flows.merge(List.of(via.get(via.size() - 1) + " (transit)", destination), 1L, Long::sum);
                    }
                });
        List<Flow> out = new ArrayList<>();
        flows.forEach((k, v) -> out.add(new Flow(k.get(0), k.get(1), v)));
        out.sort((a, b) -> Long.compare(b.value(), a.value()));
        return out;
    }

    /** SDG 16.4.2 for the seizures of a year (by date of seizure), all countries this node records. */
    @Transactional(readOnly = true)
    public Sdg sdg(int year) {
        SeizureQueries.Where w = where(SeizureFilter.year(year));
        long[] c = new long[5]; // by tracing, by other means, not established, no outcome, made before 1900
        jdbc.sql("""
                select i.year_of_manufacture,
                  (select t.finding from intel_tracing_outcome t where t.seizure_item_id = i.id
                    and t.seq = (select max(t2.seq) from intel_tracing_outcome t2 where t2.seizure_item_id = i.id))
                from intel_seizure_item i join intel_seizure s on s.id = i.seizure_id
                where i.item_type = 'FIREARM' and """ + " " + w.sql())
                .params(w.params()).query((ResultSet rs) -> {
                    Integer made = (Integer) rs.getObject(1);
                    if (made != null && made < 1900) {
                        c[4]++;
                        return;
                    }
                    String finding = rs.getString(2);
                    if (finding == null) c[3]++;
                    else switch (DiversionFinding.valueOf(finding)) {
                        case ESTABLISHED_BY_TRACING -> c[0]++;
                        case ESTABLISHED_BY_OTHER_MEANS -> c[1]++;
                        case NOT_ESTABLISHED -> c[2]++;
                    }
                });
        return Sdg.of(year, c[0], c[1], c[2], c[3], c[4]);
    }
}
