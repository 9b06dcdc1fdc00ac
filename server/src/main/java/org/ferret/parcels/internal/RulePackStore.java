package org.ferret.parcels.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.ferret.audit.RecordCoverage;
import org.ferret.screening.data.BadInputException;
import org.ferret.screening.rules.RulePack;
import org.ferret.screening.rules.RulePackParser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rule pack versions (V155): rows, their state changes (each covered again) and the parsed ACTIVE pack scoring uses. */
@Repository
public class RulePackStore {
    /** The bundled pack each profile starts with as version 1 (profiles without one have no versions). */
    public static final Map<String, String> BUNDLED = Map.of("postal", "/org/ferret/screening/rules/postal-firearms.rules");
    public static final String TABLE = "parcel_rule_pack";

    private final JdbcClient jdbc;
    private final RecordCoverage coverage;
    /** Parsed packs by "profile version": a stored version's text never changes once it can be ACTIVE. */
    private final Map<String, RulePack> parsed = new ConcurrentHashMap<>();

    RulePackStore(JdbcClient jdbc, RecordCoverage coverage) {
        this.jdbc = jdbc;
        this.coverage = coverage;
    }

    /** One stored version. */
    public record Row(String profile, int version, String label, String state, Integer basedOn, String text, String author,
            Instant createdAt, Instant updatedAt, Instant submittedAt, String approver, Instant decidedAt, String reason,
            Instant supersededAt) {}

    /** The ACTIVE pack of a profile as scoring uses it. */
    public record Active(int version, String label, RulePack pack) {}

    private static final String COLUMNS = "profile, version, label, state, based_on, pack_text, author, created_at, updated_at, "
            + "submitted_at, approver, decided_at, decision_reason, superseded_at";

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), (Integer) rs.getObject(5), rs.getString(6),
                rs.getString(7), at(rs, 8), at(rs, 9), at(rs, 10), rs.getString(11), at(rs, 12), rs.getString(13), at(rs, 14));
    }

    private static Instant at(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    public List<Row> all(String profile) {
        return jdbc.sql("select " + COLUMNS + " from parcel_rule_pack where profile = ? order by version desc").param(profile).query(RulePackStore::row).list();
    }

    public Optional<Row> find(String profile, int version) {
        return jdbc.sql("select " + COLUMNS + " from parcel_rule_pack where profile = ? and version = ?").params(profile, version)
                .query(RulePackStore::row).optional();
    }

    /** The version row locked for a state change (one approval at a time per profile, across instances). */
    public Optional<Row> lock(String profile, int version) {
        return jdbc.sql("select " + COLUMNS + " from parcel_rule_pack where profile = ? and version = ? for update").params(profile, version)
                .query(RulePackStore::row).optional();
    }

    public Optional<Row> activeRow(String profile) {
        return jdbc.sql("select " + COLUMNS + " from parcel_rule_pack where profile = ? and state = 'ACTIVE'").param(profile)
                .query(RulePackStore::row).optional();
    }

    /** The ACTIVE pack of a profile, parsed once per version; empty for a profile without versions. */
    public Optional<Active> active(String profile) {
        return jdbc.sql("select version, label, pack_text from parcel_rule_pack where profile = ? and state = 'ACTIVE'").param(profile)
                .query((rs, n) -> {
                    int v = rs.getInt(1);
                    String text = rs.getString(3);
                    RulePack p = parsed.computeIfAbsent(profile + " " + v, k -> parse(profile + " rule pack version " + v, text));
                    return new Active(v, rs.getString(2), p);
                }).optional();
    }

    /** The version whose label a decision recorded (the item page explains rules by the pack of the decision). */
    public Optional<RulePack> byLabel(String profile, String label) {
        return jdbc.sql("select version, pack_text from parcel_rule_pack where profile = ? and label = ?").params(profile, label)
                .query((rs, n) -> parse(profile + " rule pack version " + rs.getInt(1), rs.getString(2))).optional();
    }

    public int nextVersion(String profile) {
        Integer max = jdbc.sql("select max(version) from parcel_rule_pack where profile = ?").param(profile).query(Integer.class).single();
        return max == null ? 1 : max + 1;
    }

    public void insert(Row r) {
        jdbc.sql("insert into parcel_rule_pack (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.profile(), r.version(), r.label(), r.state(), r.basedOn(), r.text(), r.author(), ts(r.createdAt()),
                        ts(r.updatedAt()), ts(r.submittedAt()), r.approver(), ts(r.decidedAt()), r.reason(), ts(r.supersededAt()))
                .update();
        coverage.cover(TABLE, r.profile(), r.version());
    }

    public void updateDraft(String profile, int version, String label, String text, Instant at) {
        jdbc.sql("update parcel_rule_pack set label = ?, pack_text = ?, updated_at = ? where profile = ? and version = ? and state = 'DRAFT'")
                .params(label, text, ts(at), profile, version).update();
        coverage.cover(TABLE, profile, version);
    }

    public void submitted(String profile, int version, Instant at) {
        jdbc.sql("update parcel_rule_pack set state = 'AWAITING_APPROVAL', submitted_at = ?, updated_at = ? where profile = ? and version = ?")
                .params(ts(at), ts(at), profile, version).update();
        coverage.cover(TABLE, profile, version);
    }

    public void decided(String profile, int version, String state, String approver, String reason, Instant at) {
        jdbc.sql("update parcel_rule_pack set state = ?, approver = ?, decision_reason = ?, decided_at = ? where profile = ? and version = ?")
                .params(state, approver, reason, ts(at), profile, version).update();
        coverage.cover(TABLE, profile, version);
    }

    public void superseded(String profile, int version, Instant at) {
        jdbc.sql("update parcel_rule_pack set state = 'SUPERSEDED', superseded_at = ? where profile = ? and version = ?")
                .params(ts(at), profile, version).update();
        coverage.cover(TABLE, profile, version);
    }

    /** The bundled text of a profile's first version. */
    public static Optional<String> bundled(String profile) {
        String res = BUNDLED.get(profile);
        if (res == null) return Optional.empty();
        try (InputStream in = RulePackStore.class.getResourceAsStream(res)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the bundled rule pack " + res + " cannot be read", e);
        }
    }

    static RulePack parse(String source, String text) {
        try {
            return RulePackParser.parse(source, text);
        } catch (BadInputException e) {
            // stored versions were checked before they were stored: one the library refuses is a bug or a direct edit
            throw new IllegalStateException("stored " + source + " does not parse: " + e.problems(), e);
        }
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
