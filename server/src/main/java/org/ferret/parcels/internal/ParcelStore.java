package org.ferret.parcels.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.parcels.Declaration;
import org.ferret.parcels.ItemAnswer;
import org.ferret.parcels.PickedBy;
import org.ferret.audit.RecordCoverage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The parcels module's tables (V100); nobody else reads them. */
@Repository
public class ParcelStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RecordCoverage coverage;

    ParcelStore(JdbcClient jdbc, JdbcTemplate batch, RecordCoverage coverage) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.coverage = coverage;
    }

    /** Item ids asked for in one statement at most (the {@code in} list of {@link #latestOf}). */
    static final int IN_CHUNK = 500;

    /** A stored profile row and the day it was received (epoch day, UTC). */
    public record StoredRow(String row, int epochDay) {}

    /** Latest version of an item from an operator: id, version, fingerprint. */
    public record Latest(UUID id, int version, String fingerprint) {}

    public Optional<Latest> latest(String operator, String itemId) {
        return jdbc.sql("select id, version, fingerprint from parcel_declaration where operator = ? and item_id = ? order by version desc limit 1")
                .params(operator, itemId)
                .query((rs, n) -> new Latest(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3))).optional();
    }

    /**
     * The latest version of each of {@code itemIds} from an operator that has one: one statement per
     * {@value #IN_CHUNK} ids instead of one per item (a batch's look-up before it is stored). On PostgreSQL each id is
     * looked up through the {@code (operator, item_id, version)} index (a lateral {@code limit 1} per id of an array):
     * an {@code item_id in (…)} of 500 ids was planned, on a table without statistics (a fresh or never analysed
     * database), as a scan of the operator's every row through the {@code (operator, received_at)} index, a cost that
     * grew with the table (docs/benchmarks.md, "Kafka ingest").
     */
    public Map<String, Latest> latestOf(String operator, Collection<String> itemIds) {
        Map<String, Latest> out = new HashMap<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(itemIds));
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            org.springframework.jdbc.core.RowCallbackHandler row = rs -> {
                Latest l = new Latest(rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4));
                out.merge(rs.getString(1), l, (a, b) -> a.version() >= b.version() ? a : b);
            };
            if (postgres()) {
                batch.query(con -> {
                    PreparedStatement ps = con.prepareStatement(LATEST_OF_POSTGRES);
                    // planned anew each time, never a server-side prepared statement: a generic plan made while the
                    // table was small (no statistics yet) walked the (operator, received_at) index and filtered on
                    // item_id, a cost that grows with the table (docs/benchmarks.md, Kafka, "a plan cached while small")
                    ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
                    ps.setArray(1, con.createArrayOf("varchar", chunk.toArray()));
                    ps.setString(2, operator);
                    return ps;
                }, row);
                continue;
            }
            // H2: pairs, so that the (operator, item_id) index is used on both columns; with "operator = ? and item_id
            // in (...)" H2 seeks on the operator alone and filters every row of it, a cost that grows with the table
            List<Object> args = new ArrayList<>(2 * chunk.size());
            for (String id : chunk) {
                args.add(operator);
                args.add(id);
            }
            jdbc.sql("select item_id, id, version, fingerprint from parcel_declaration where (operator, item_id) in ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "(?, ?)")) + ")")
                    .params(args)
                    .query(row);
        }
        return out;
    }

    private static final String LATEST_OF_POSTGRES = """
            select k.item_id, d.id, d.version, d.fingerprint from unnest(?::varchar[]) as k(item_id)
            cross join lateral (select id, version, fingerprint from parcel_declaration
              where operator = ? and item_id = k.item_id order by version desc limit 1) d""";

    private Boolean postgres;

    private boolean postgres() {
        if (postgres == null) {
            postgres = Boolean.TRUE.equals(batch.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) con ->
                    con.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
        }
        return postgres;
    }

    /** A declaration version to store (with its parties) by {@link #insertAll}. */
    public record NewDeclaration(UUID id, String operator, int version, Declaration d, String senderHash, String addresseeHash,
            String contentsJson, String row, String fingerprint, Instant receivedAt, String by) {}

    /** The decision of a declaration version to store by {@link #insertAll}. */
    public record NewDecision(UUID declaration, String site, LocalDate day, ArrivalScorer.Scored s, double threshold, boolean hold,
            PickedBy why, String rulesHit, Instant at) {}

    /**
     * Stores a batch's declaration versions, their parties and their decisions: one statement (PostgreSQL) or one JDBC
     * batch per table (a few round trips for the whole batch, not six per item), each row covered by the audit chain.
     */
    public void insertAll(List<NewDeclaration> declarations, List<NewDecision> decisions) {
        insertDeclarations(declarations);
        insertDecisions(decisions);
    }

    /** Stores a batch's declaration versions and their parties (before their decisions: {@link #insertDecisions}). */
    public void insertDeclarations(List<NewDeclaration> declarations) {
        if (declarations.isEmpty()) return;
        if (postgres()) {
            insertDeclarationsPostgres(declarations);
            return;
        }
        batch.batchUpdate(INSERT_DECLARATION, declarations, declarations.size(), (ps, n) -> {
            Declaration d = n.d();
            set(ps, n.id(), n.operator(), d.itemId(), n.version(), d.profile(), d.site(), d.direction().name(),
                    d.mailClass() == null ? null : d.mailClass().name(), d.postingOffice(), d.postedOn(), d.origin(),
                    d.destination(), d.category() == null ? null : d.category().name(), d.categoryExplanation(),
                    d.addresseeType() == null ? null : d.addresseeType().name(), d.grossWeightKg(), d.totalValue(), d.currency(),
                    d.licenceNumber(), d.certificateNumber(), d.invoiceNumber(), n.senderHash(), n.addresseeHash(), n.contentsJson(),
                    n.row(), n.fingerprint(), ts(n.receivedAt()), n.by());
        });
        List<Object[]> parties = new ArrayList<>();
        for (NewDeclaration n : declarations) {
            if (n.d().sender() != null) parties.add(party(n.id(), "SENDER", n.d().sender()));
            if (n.d().addressee() != null) parties.add(party(n.id(), "ADDRESSEE", n.d().addressee()));
        }
        if (!parties.isEmpty()) batch.batchUpdate(INSERT_PARTY, parties, parties.size(), ParcelStore::set);
        for (NewDeclaration n : declarations) coverage.cover(ParcelsCoverage.DECLARATION, n.id());
        for (Object[] p : parties) coverage.cover(ParcelsCoverage.PARTY, p[0], p[1]);
    }

    /** Stores the decisions of a batch's declaration versions (stored by {@link #insertDeclarations} first). */
    public void insertDecisions(List<NewDecision> decisions) {
        if (decisions.isEmpty()) return;
        if (postgres()) {
            insertDecisionsPostgres(decisions);
            return;
        }
        batch.batchUpdate(INSERT_DECISION, decisions, decisions.size(), (ps, n) -> set(ps, decisionValues(n.declaration(), n.site(),
                n.day(), n.s(), n.threshold(), n.hold(), n.why(), n.rulesHit(), n.at())));
        for (NewDecision n : decisions) coverage.cover(ParcelsCoverage.DECISION, n.declaration());
    }

    /**
     * PostgreSQL: a batch's declarations and their parties, one statement per table whatever the batch's size (the
     * rows as one array per column, {@code unnest}ed), each covered from the row the insert returns: no read-back of
     * the rows at the commit, and no statement of thousands of parameters to bind and parse (docs/benchmarks.md,
     * Kafka, "cost per decision").
     */
    private void insertDeclarationsPostgres(List<NewDeclaration> declarations) {
        if (declarations.isEmpty()) return;
        Columns c = new Columns(declarations.size(), 28);
        for (NewDeclaration n : declarations) {
            Declaration d = n.d();
            c.row(n.id(), n.operator(), d.itemId(), n.version(), d.profile(), d.site(), d.direction().name(),
                    d.mailClass() == null ? null : d.mailClass().name(), d.postingOffice(), d.postedOn(), d.origin(),
                    d.destination(), d.category() == null ? null : d.category().name(), d.categoryExplanation(),
                    d.addresseeType() == null ? null : d.addresseeType().name(), d.grossWeightKg(), d.totalValue(), d.currency(),
                    d.licenceNumber(), d.certificateNumber(), d.invoiceNumber(), n.senderHash(), n.addresseeHash(), n.contentsJson(),
                    n.row(), n.fingerprint(), ts(n.receivedAt()), n.by());
        }
        insertReturning(UNNEST_DECLARATION, ParcelsCoverage.DECLARATION, c);
        Columns parties = new Columns(declarations.size() * 2, 8);
        for (NewDeclaration n : declarations) {
            if (n.d().sender() != null) parties.row(party(n.id(), "SENDER", n.d().sender()));
            if (n.d().addressee() != null) parties.row(party(n.id(), "ADDRESSEE", n.d().addressee()));
        }
        if (parties.size() > 0) insertReturning(UNNEST_PARTY, ParcelsCoverage.PARTY, parties);
    }

    /** PostgreSQL: a batch's decisions in one statement, covered from the rows it returns (as {@link #insertDeclarationsPostgres}). */
    private void insertDecisionsPostgres(List<NewDecision> decisions) {
        if (decisions.isEmpty()) return;
        Columns c = new Columns(decisions.size(), 14);
        for (NewDecision n : decisions) {
            c.row(decisionValues(n.declaration(), n.site(), n.day(), n.s(), n.threshold(), n.hold(), n.why(), n.rulesHit(), n.at()));
        }
        insertReturning(UNNEST_DECISION, ParcelsCoverage.DECISION, c);
    }

    /** Rows as one text array per column (SQL null as a null element), for an {@code insert … select … from unnest(…)}. */
    static final class Columns {
        final List<String[]> columns = new ArrayList<>();
        private final int capacity;
        private int rows;

        Columns(int capacity, int width) {
            this.capacity = capacity;
            for (int i = 0; i < width; i++) columns.add(new String[capacity]);
        }

        void row(Object... values) {
            if (values.length != columns.size()) throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
            if (rows == capacity) throw new IllegalStateException("more than " + capacity + " rows");
            for (int i = 0; i < values.length; i++) columns.get(i)[rows] = text(values[i]);
            rows++;
        }

        int size() {
            return rows;
        }

        private OffsetDateTime lastTime;
        private String lastTimeText;

        /**
         * A value as PostgreSQL's input of its column type reads it back exactly (a double's shortest round-trip
         * digits). A batch's rows share their times (received, decided): the last one's text is reused, not formatted
         * again for every row.
         */
        String text(Object v) {
            if (v == null) return null;
            if (v instanceof OffsetDateTime t) {
                if (!t.equals(lastTime)) {
                    lastTime = t;
                    lastTimeText = t.toInstant().toString();
                }
                return lastTimeText;
            }
            return v.toString();
        }
    }

    /** Runs one {@code insert … returning *} of {@code c}'s rows and covers each returned row in the audit chain. */
    private void insertReturning(String sql, String table, Columns c) {
        batch.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            // never a server-side prepared statement: a "returning *" whose table gains a column (another instance's
            // migration, a test) would fail with "cached plan must not change result type"
            ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
            for (int i = 0; i < c.columns.size(); i++) {
                ps.setObject(i + 1, org.ferret.audit.RecordCoverage.textArray(c.columns.get(i), c.size()), Types.OTHER);
            }
            return ps;
        }, (org.springframework.jdbc.core.ResultSetExtractor<Void>) rs -> {
            int n = coverage.coverResult(table, rs);
            if (n != c.size()) throw new IllegalStateException(table + ": " + c.size() + " rows inserted, " + n + " returned");
            return null;
        });
    }

    private static String unnest(String table, String columns, String types) {
        String[] t = types.split(",");
        StringBuilder args = new StringBuilder(), select = new StringBuilder();
        for (int i = 0; i < t.length; i++) {
            args.append(i == 0 ? "" : ", ").append("?::text[]");
            // text columns by assignment (a value too long for its varchar fails, as a plain insert does), others cast
            select.append(i == 0 ? "" : ", ").append("c").append(i).append(t[i].equals("text") ? "" : "::" + t[i]);
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < t.length; i++) names.append(i == 0 ? "" : ", ").append("c").append(i);
        return "insert into " + table + " (" + columns + ") select " + select + " from unnest(" + args + ") as r(" + names + ") returning *";
    }

    private static final String UNNEST_DECLARATION = unnest("parcel_declaration", """
            id, operator, item_id, version, profile, site, direction, mail_class, posting_office, posted_on, origin, destination,
            category, category_explanation, addressee_type, gross_weight_kg, total_value, currency, licence_number,
            certificate_number, invoice_number, sender_hash, addressee_hash, contents_json, profile_row, fingerprint,
            received_at, submitted_by""",
            "uuid,text,text,int,text,text,text,text,text,date,text,text,text,text,text,float8,float8,text,text,text,text,text,text,text,text,text,timestamptz,text");
    private static final String UNNEST_PARTY = unnest("parcel_party",
            "declaration_id, party_role, name, address, postcode, country, phone, email", "uuid,text,text,text,text,text,text,text");
    private static final String UNNEST_DECISION = unnest("parcel_decision", """
            declaration_id, site, screening_day, score, critical_score, reasons, rules_hit, model_version, rule_pack, threshold,
            decision, picked_by, in_queue, decided_at""", "uuid,text,date,float8,float8,text,text,text,text,float8,text,text,boolean,timestamptz");

    private static Object[] party(UUID declaration, String role, Declaration.Party p) {
        return new Object[] {declaration, role, p.name(), p.address(), p.postcode(), p.country(), p.phone(), p.email()};
    }

    private static Object[] decisionValues(UUID declaration, String site, LocalDate day, ArrivalScorer.Scored s, double threshold,
            boolean hold, PickedBy why, String rulesHit, Instant at) {
        return new Object[] {declaration, site, day, s.risk(), s.critical(), truncate(s.reasons(), 4000), truncate(rulesHit, 2000),
                s.modelVersion(), s.rulePack(), Double.isFinite(threshold) ? threshold : null, hold ? "HOLD" : "RELEASE",
                why == null ? null : why.name(), hold, ts(at)};
    }

    /** Binds one row: a null as a typeless null (the column's type decides, on H2 and PostgreSQL alike). */
    private static void set(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) ps.setNull(i + 1, Types.NULL);
            else ps.setObject(i + 1, values[i]);
        }
    }

    private static final String INSERT_DECLARATION = """
            insert into parcel_declaration (id, operator, item_id, version, profile, site, direction, mail_class, posting_office,
              posted_on, origin, destination, category, category_explanation, addressee_type, gross_weight_kg, total_value,
              currency, licence_number, certificate_number, invoice_number, sender_hash, addressee_hash, contents_json,
              profile_row, fingerprint, received_at, submitted_by)
            values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""";
    private static final String INSERT_PARTY =
            "insert into parcel_party (declaration_id, party_role, name, address, postcode, country, phone, email) values (?,?,?,?,?,?,?,?)";
    private static final String INSERT_DECISION = """
            insert into parcel_decision (declaration_id, site, screening_day, score, critical_score, reasons, rules_hit, model_version,
              rule_pack, threshold, decision, picked_by, in_queue, decided_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""";

    /** The kinds of queue change: by hand, or a detector's hold. */
    public enum QueueChange { ADDED, REMOVED, DETECTION }

    /**
     * Changes a decision's queue state and records the change (append-only {@code parcel_queue_change}); both rows
     * covered by the audit chain. A removal leaves the decision and how the item was picked as they were.
     */
    public void changeQueue(UUID declaration, QueueChange kind, boolean inQueue, PickedBy pickedBy, String note, String by, Instant at) {
        if (kind == QueueChange.REMOVED) {
            jdbc.sql("update parcel_decision set in_queue = false, queue_note = ? where declaration_id = ?").params(note, declaration).update();
        } else {
            jdbc.sql("update parcel_decision set decision = 'HOLD', in_queue = ?, picked_by = ?, queue_note = ? where declaration_id = ?")
                    .params(inQueue, pickedBy.name(), note, declaration).update();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into parcel_queue_change (id, declaration_id, change_kind, reason, changed_by, changed_at) values (?,?,?,?,?,?)")
                .params(id, declaration, kind.name(), note, by, ts(at)).update();
        coverage.cover(ParcelsCoverage.DECISION, declaration);
        coverage.cover(ParcelsCoverage.QUEUE_CHANGE, id);
    }

    /** Covers a row written elsewhere in this module (detections, outcomes). */
    public void covered(String table, UUID id) {
        coverage.cover(table, id);
    }

    /** A stored decision and the queue state of one declaration version. */
    public record DecisionRow(UUID declaration, String site, LocalDate day, double score, Double critical, String reasons,
            List<String> rulesHit, String modelVersion, String rulePack, ItemAnswer.Decision decision, PickedBy pickedBy,
            boolean inQueue, String queueNote) {}

    private static final String DECISION = "select declaration_id, site, screening_day, score, critical_score, reasons, rules_hit, model_version, rule_pack, decision, picked_by, in_queue, queue_note from parcel_decision";

    static DecisionRow decisionRow(ResultSet rs) throws SQLException {
        String rules = rs.getString(7);
        Object crit = rs.getObject(5);
        String why = rs.getString(11);
        return new DecisionRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getDouble(4),
                crit == null ? null : ((Number) crit).doubleValue(), rs.getString(6),
                rules == null || rules.isEmpty() ? List.of() : List.of(rules.split(",")), rs.getString(8), rs.getString(9),
                ItemAnswer.Decision.valueOf(rs.getString(10)), why == null ? null : PickedBy.valueOf(why), rs.getBoolean(12),
                rs.getString(13));
    }

    public Optional<DecisionRow> decision(UUID declaration) {
        return jdbc.sql(DECISION + " where declaration_id = ?").param(declaration).query((rs, n) -> decisionRow(rs)).optional();
    }

    /** Why a declaration version is held, if it is. */
    public record Held(PickedBy pickedBy) {}

    public Optional<Held> held(UUID declaration) {
        return decision(declaration).filter(DecisionRow::inQueue).map(d -> new Held(d.pickedBy() == null ? PickedBy.HAND : d.pickedBy()));
    }

    public List<StoredRow> profileRows(String profile) {
        return jdbc.sql("select profile_row, received_at from parcel_declaration where profile = ? order by received_at, id")
                .param(profile)
                .query((rs, n) -> new StoredRow(rs.getString(1), (int) Math.floorDiv(instant(rs, 2).getEpochSecond(), 86_400L))).list();
    }

    /** The profile rows received on days {@code fromDay} (inclusive) to {@code toDay} (exclusive), epoch days UTC, in arrival order. */
    public List<String> profileRowsOfDays(String profile, int fromDay, int toDay) {
        return jdbc.sql("select profile_row from parcel_declaration where profile = ? and received_at >= ? and received_at < ? order by received_at, id")
                .params(profile, ts(Instant.ofEpochSecond(fromDay * 86_400L)), ts(Instant.ofEpochSecond(toDay * 86_400L)))
                .query(String.class).list();
    }

    /** The profile rows in arrival order (what {@code ./ferret screen score} would be given). */
    public List<String> rowsInArrivalOrder(String profile) {
        return profileRows(profile).stream().map(StoredRow::row).toList();
    }

    public OnlineSelection.DayCounts dayCounts(String site, LocalDate day) {
        return jdbc.sql("""
                select count(*),
                  sum(case when picked_by = 'SCORE' then 1 else 0 end), sum(case when picked_by = 'CRITICAL' then 1 else 0 end),
                  sum(case when picked_by = 'EXPLORATION' then 1 else 0 end), sum(case when picked_by = 'RULE' then 1 else 0 end)
                from parcel_decision where site = ? and screening_day = ?""").params(site, day)
                .query((rs, n) -> new OnlineSelection.DayCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .single();
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    static LocalDate utcDay(Instant i) {
        return i.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
