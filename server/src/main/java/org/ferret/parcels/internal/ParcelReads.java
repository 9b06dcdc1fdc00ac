package org.ferret.parcels.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.parcels.Declaration;
import org.ferret.parcels.ItemAnswer;
import org.ferret.parcels.OutcomeKind;
import org.ferret.parcels.PickedBy;
import org.ferret.registry.Construction;
import org.ferret.registry.ItemKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Read models of the parcels screens: an operator's submissions and rejections, one declaration with its versions,
 * decision, detections, outcome and the history behind it (earlier items of the same keyed hashes), and the
 * dashboard's counts. Nothing here returns a sender's or addressee's name or address: those stay in
 * {@code parcel_party}, read only through {@code ParcelScreening.parties} (audited).
 */
@Repository
@Transactional(readOnly = true)
public class ParcelReads {
    /** Rows per page of the submissions screen. */
    public static final int PAGE_SIZE = 25;
    /** Most earlier items shown per keyed hash on an item page. */
    public static final int HISTORY_ROWS = 20;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ParcelReads(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One page of rows and how many there are in all. */
    public record Page<T>(List<T> rows, int page, long total) {
        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages();
        }
    }

    /** Filters of the submissions screen; null is any. {@code itemId} matches the start of the item id. */
    public record SubmissionFilter(String itemId, ItemAnswer.Decision decision, String site, LocalDate from, LocalDate to) {}

    /** One declaration version an operator sent, with the decision it has now. */
    public record Submission(UUID declaration, String itemId, int version, Instant receivedAt, String site,
            ItemAnswer.Decision decision, PickedBy pickedBy) {}

    /** One problem of a rejected item. */
    public record Rejection(Instant at, int index, String itemId, String field, String reason, boolean wholeBatch) {}

    public Page<Submission> submissions(String operator, SubmissionFilter f, int page) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where p.operator = ?");
        params.add(operator);
        if (f.itemId() != null) { where.append(" and p.item_id like ?"); params.add(likePrefix(f.itemId())); }
        if (f.decision() == ItemAnswer.Decision.HOLD) where.append(" and d.in_queue = true");
        if (f.decision() == ItemAnswer.Decision.RELEASE) where.append(" and d.in_queue = false");
        if (f.site() != null) { where.append(" and p.site = ?"); params.add(f.site()); }
        if (f.from() != null) { where.append(" and d.screening_day >= ?"); params.add(f.from()); }
        if (f.to() != null) { where.append(" and d.screening_day <= ?"); params.add(f.to()); }
        String from = " from parcel_declaration p join parcel_decision d on d.declaration_id = p.id";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(PAGE_SIZE);
        paged.add((long) (page - 1) * PAGE_SIZE);
        List<Submission> rows = jdbc.sql("select p.id, p.item_id, p.version, p.received_at, p.site, d.in_queue, d.picked_by" + from + where
                        + " order by p.received_at desc, p.item_id, p.version desc limit ? offset ?")
                .params(paged)
                .query((rs, n) -> new Submission(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), instant(rs, 4), rs.getString(5),
                        rs.getBoolean(6) ? ItemAnswer.Decision.HOLD : ItemAnswer.Decision.RELEASE,
                        rs.getBoolean(6) ? pickedBy(rs.getString(7)) : null))
                .list();
        return new Page<>(rows, page, total);
    }

    public Page<Rejection> rejections(String operator, SubmissionFilter f, int page) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where operator = ?");
        params.add(operator);
        if (f.itemId() != null) { where.append(" and item_id like ?"); params.add(likePrefix(f.itemId())); }
        if (f.from() != null) { where.append(" and rejected_at >= ?"); params.add(f.from().atStartOfDay().atOffset(java.time.ZoneOffset.UTC)); }
        if (f.to() != null) { where.append(" and rejected_at < ?"); params.add(f.to().plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC)); }
        long total = jdbc.sql("select count(*) from parcel_rejection" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(PAGE_SIZE);
        paged.add((long) (page - 1) * PAGE_SIZE);
        List<Rejection> rows = jdbc.sql("select rejected_at, item_index, item_id, field, reason, whole_batch from parcel_rejection" + where
                        + " order by rejected_at desc, batch_id, item_index, field limit ? offset ?")
                .params(paged)
                .query((rs, n) -> new Rejection(instant(rs, 1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)))
                .list();
        return new Page<>(rows, page, total);
    }

    /** An operator's figures for one day: versions accepted, held now, released, problems of rejected items. */
    public record DayFigures(LocalDate day, long accepted, long held, long released, long rejectedItems) {}

    public DayFigures dayFigures(String operator, LocalDate day) {
        Map<String, Object> r = jdbc.sql("""
                select count(*) as n, coalesce(sum(case when d.in_queue then 1 else 0 end), 0) as held
                from parcel_declaration p join parcel_decision d on d.declaration_id = p.id
                where p.operator = ? and d.screening_day = ?""").params(operator, day).query().singleRow();
        long n = ((Number) r.get("n")).longValue(), held = ((Number) r.get("held")).longValue();
        long rejected = jdbc.sql("""
                select count(*) from (select distinct batch_id, item_index from parcel_rejection
                  where operator = ? and rejected_at >= ? and rejected_at < ?) x""")
                .params(operator, day.atStartOfDay().atOffset(java.time.ZoneOffset.UTC), day.plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
                .query(Long.class).single();
        return new DayFigures(day, n, held, n - held, rejected);
    }

    /** A declaration version as stored (no personal data: the parties are hashes here). */
    public record DeclarationView(UUID id, String operator, String itemId, int version, String site, Declaration.Direction direction,
            Declaration.MailClass mailClass, String postingOffice, LocalDate postedOn, String origin, String destination,
            Declaration.Category category, String categoryExplanation, Declaration.AddresseeType addresseeType, Double grossWeightKg,
            Double totalValue, String currency, String licenceNumber, String certificateNumber, String invoiceNumber, String senderHash,
            String addresseeHash, List<Declaration.ContentLine> contents, Instant receivedAt, String submittedBy) {}

    public Optional<DeclarationView> declaration(UUID id) {
        return jdbc.sql("""
                select id, operator, item_id, version, site, direction, mail_class, posting_office, posted_on, origin, destination, category,
                  category_explanation, addressee_type, gross_weight_kg, total_value, currency, licence_number, certificate_number,
                  invoice_number, sender_hash, addressee_hash, contents_json, received_at, submitted_by
                from parcel_declaration where id = ?""").param(id)
                .query((rs, n) -> new DeclarationView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), Declaration.Direction.valueOf(rs.getString(6)), named(Declaration.MailClass.class, rs.getString(7)),
                        rs.getString(8), rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11),
                        named(Declaration.Category.class, rs.getString(12)), rs.getString(13),
                        named(Declaration.AddresseeType.class, rs.getString(14)), dbl(rs, 15), dbl(rs, 16), rs.getString(17), rs.getString(18),
                        rs.getString(19), rs.getString(20), rs.getString(21), rs.getString(22), contents(rs.getString(23)), instant(rs, 24),
                        rs.getString(25)))
                .optional();
    }

    /** One version of an item, with the decision it has now. */
    public record Version(UUID id, int version, Instant receivedAt, ItemAnswer.Decision decision, PickedBy pickedBy) {}

    public List<Version> versions(String operator, String itemId) {
        return jdbc.sql("""
                select p.id, p.version, p.received_at, d.in_queue, d.picked_by from parcel_declaration p
                join parcel_decision d on d.declaration_id = p.id where p.operator = ? and p.item_id = ? order by p.version desc""")
                .params(operator, itemId)
                .query((rs, n) -> new Version(rs.getObject(1, UUID.class), rs.getInt(2), instant(rs, 3),
                        rs.getBoolean(4) ? ItemAnswer.Decision.HOLD : ItemAnswer.Decision.RELEASE, rs.getBoolean(4) ? pickedBy(rs.getString(5)) : null))
                .list();
    }

    /** The decision of a version as it was taken on arrival, and the queue state now. */
    public record DecisionView(LocalDate day, double score, Double critical, String reasons, List<String> rulesHit, String modelVersion,
            String rulePack, Double threshold, ItemAnswer.Decision decisionOnArrival, PickedBy pickedBy, boolean inQueue, String queueNote,
            Instant decidedAt) {}

    public Optional<DecisionView> decision(UUID declaration) {
        return jdbc.sql("""
                select screening_day, score, critical_score, reasons, rules_hit, model_version, rule_pack, threshold, decision, picked_by,
                  in_queue, queue_note, decided_at from parcel_decision where declaration_id = ?""").param(declaration)
                .query((rs, n) -> {
                    String rules = rs.getString(5);
                    return new DecisionView(rs.getObject(1, LocalDate.class), rs.getDouble(2), dbl(rs, 3), rs.getString(4),
                            rules == null || rules.isEmpty() ? List.of() : List.of(rules.split(",")), rs.getString(6), rs.getString(7), dbl(rs, 8),
                            ItemAnswer.Decision.valueOf(rs.getString(9)), pickedBy(rs.getString(10)), rs.getBoolean(11), rs.getString(12),
                            instant(rs, 13));
                })
                .optional();
    }

    /** A detector verdict with when it came and whether it held the item. */
    public record DetectionView(String detectedClass, double confidence, String imageRef, String box, boolean held, Instant receivedAt) {}

    public List<DetectionView> detections(UUID declaration) {
        return jdbc.sql("select detected_class, confidence, image_ref, box, held, received_at from parcel_detection where declaration_id = ? order by received_at")
                .param(declaration)
                .query((rs, n) -> new DetectionView(rs.getString(1), rs.getDouble(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), instant(rs, 6)))
                .list();
    }

    /** The recorded outcome of an inspection. */
    public record OutcomeView(OutcomeKind kind, ItemKind component, Construction construction, Boolean marked, String notes,
            PickedBy pickedBy, UUID registryItem, String recordedBy, Instant recordedAt) {}

    public Optional<OutcomeView> outcome(UUID declaration) {
        return jdbc.sql("select kind, component, construction, marked, notes, picked_by, registry_item, recorded_by, recorded_at from parcel_outcome where declaration_id = ?")
                .param(declaration)
                .query((rs, n) -> new OutcomeView(OutcomeKind.valueOf(rs.getString(1)), named(ItemKind.class, rs.getString(2)),
                        named(Construction.class, rs.getString(3)), (Boolean) rs.getObject(4), rs.getString(5), pickedBy(rs.getString(6)),
                        rs.getObject(7, UUID.class), rs.getString(8), instant(rs, 9)))
                .optional();
    }

    /** An earlier item of the same keyed hash. */
    public record Earlier(UUID id, String operator, String itemId, int version, Instant receivedAt, String site, boolean inQueue,
            OutcomeKind outcome) {}

    /** The history behind an item for one keyed hash: how many earlier items, held, found with something, and the latest few. */
    public record History(String hash, long earlier, long held, long inspected, long weaponOutcomes, Map<OutcomeKind, Long> outcomes,
            List<Earlier> latest) {}

    /**
     * Earlier declarations (received before {@code before}, other items than {@code itemId} of {@code operator}) whose sender
     * ({@code sender = true}) or addressee has the keyed hash {@code hash}.
     */
    public History history(boolean sender, String hash, String operator, String itemId, Instant before) {
        String col = sender ? "p.sender_hash" : "p.addressee_hash";
        String from = " from parcel_declaration p join parcel_decision d on d.declaration_id = p.id left join parcel_outcome o on o.declaration_id = p.id"
                + " where " + col + " = ? and p.received_at < ? and not (p.operator = ? and p.item_id = ?)";
        Object[] params = {hash, OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC), operator, itemId};
        Map<String, Object> c = jdbc.sql("select count(*) as n, coalesce(sum(case when d.in_queue then 1 else 0 end), 0) as held,"
                + " count(o.kind) as inspected" + from).params(params).query().singleRow();
        Map<OutcomeKind, Long> outcomes = new LinkedHashMap<>();
        jdbc.sql("select o.kind, count(*)" + from + " and o.kind is not null group by o.kind order by o.kind").params(params)
                .query(rs -> {
                    outcomes.put(OutcomeKind.valueOf(rs.getString(1)), rs.getLong(2));
                });
        long weapons = outcomes.entrySet().stream().filter(e -> e.getKey().registersSeizure()).mapToLong(Map.Entry::getValue).sum();
        List<Object> paged = new ArrayList<>(List.of(params));
        paged.add(HISTORY_ROWS);
        List<Earlier> latest = jdbc.sql("select p.id, p.operator, p.item_id, p.version, p.received_at, p.site, d.in_queue, o.kind" + from
                        + " order by p.received_at desc, p.id limit ?").params(paged)
                .query((rs, n) -> new Earlier(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), instant(rs, 5),
                        rs.getString(6), rs.getBoolean(7), named(OutcomeKind.class, rs.getString(8))))
                .list();
        return new History(hash, ((Number) c.get("n")).longValue(), ((Number) c.get("held")).longValue(),
                ((Number) c.get("inspected")).longValue(), weapons, outcomes, latest);
    }

    /** The latest declaration version of an item id (any operator, the latest received first). */
    public Optional<UUID> latestOfItem(String itemId) {
        return jdbc.sql("select id from parcel_declaration where item_id = ? order by received_at desc, version desc limit 1")
                .param(itemId).query(UUID.class).optional();
    }

    /** The operators that sent declarations (for the queue's filter). */
    public List<String> operators() {
        return jdbc.sql("select distinct operator from parcel_declaration order by operator").query(String.class).list();
    }

    // --- dashboard ---

    /** Items decided on a day, and how many of them are in the queue now. */
    public record DayCount(LocalDate day, long items, long held) {}

    public List<DayCount> perDay(String site, LocalDate from, LocalDate to) {
        return jdbc.sql("select screening_day, count(*), coalesce(sum(case when in_queue then 1 else 0 end), 0) from parcel_decision"
                        + " where screening_day between ? and ?" + (site == null ? "" : " and site = ?")
                        + " group by screening_day order by screening_day")
                .params(site == null ? List.of(from, to) : List.of(from, to, site))
                .query((rs, n) -> new DayCount(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3))).list();
    }

    /** A site's items, holds and the days it had arrivals on, over a period. */
    public record SiteCount(String site, long items, long held, long days) {}

    public List<SiteCount> perSite(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select site, count(*), coalesce(sum(case when in_queue then 1 else 0 end), 0), count(distinct screening_day)
                from parcel_decision where screening_day between ? and ? group by site order by site""")
                .params(from, to)
                .query((rs, n) -> new SiteCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }

    /** Outcomes recorded for items of the period (by their screening day), by kind. */
    public Map<OutcomeKind, Long> outcomesByKind(String site, LocalDate from, LocalDate to) {
        Map<OutcomeKind, Long> out = new LinkedHashMap<>();
        jdbc.sql("select o.kind, count(*) from parcel_outcome o join parcel_decision d on d.declaration_id = o.declaration_id"
                        + " where d.screening_day between ? and ?" + (site == null ? "" : " and d.site = ?") + " group by o.kind")
                .params(site == null ? List.of(from, to) : List.of(from, to, site))
                .query(rs -> {
                    out.put(OutcomeKind.valueOf(rs.getString(1)), rs.getLong(2));
                });
        Map<OutcomeKind, Long> ordered = new LinkedHashMap<>();
        for (OutcomeKind k : OutcomeKind.values()) if (out.containsKey(k)) ordered.put(k, out.get(k));
        return ordered;
    }

    private List<Declaration.ContentLine> contents(String s) {
        return json.readValue(s, new TypeReference<List<Declaration.ContentLine>>() {});
    }

    private static String likePrefix(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static PickedBy pickedBy(String s) {
        return s == null ? null : PickedBy.valueOf(s);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String s) {
        return s == null ? null : Enum.valueOf(type, s);
    }

    private static Double dbl(ResultSet rs, int col) throws SQLException {
        Object o = rs.getObject(col);
        return o == null ? null : ((Number) o).doubleValue();
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
