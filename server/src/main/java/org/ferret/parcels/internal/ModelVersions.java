package org.ferret.parcels.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ferret.audit.RecordCoverage;
import org.ferret.parcels.ModelState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The model versions of the learning loop ({@code parcel_model}) with their bytes, and the append-only history of
 * their state changes ({@code parcel_model_change}); both covered by the audit chain.
 */
@Component
public class ModelVersions {
    public static final String MODEL = "parcel_model";
    public static final String CHANGE = "parcel_model_change";

    private final JdbcClient jdbc;
    private final RecordCoverage coverage;

    ModelVersions(JdbcClient jdbc, RecordCoverage coverage) {
        this.jdbc = jdbc;
        this.coverage = coverage;
    }

    /** Where a version came from: the model the server had before the loop ran, or a retraining. */
    public enum Origin { BUNDLED, RETRAINED }

    /** One version without its bytes. */
    public record Version(UUID id, String profile, int seq, String version, ModelState state, Origin origin, LocalDate trainedFrom,
            LocalDate trainedTo, LocalDate evaluatedFrom, LocalDate evaluatedTo, int rows, int labelled, int positives, int exploration,
            int features, String featureNames, String rulePack, String reportJson, String trainedBy, Instant trainedAt, String stateBy,
            Instant stateAt, String stateReason) {}

    /** A state change. */
    public record Change(UUID id, UUID model, int seq, String action, ModelState from, ModelState to, String reason, String by, Instant at) {}

    /** What a new version is stored with. */
    public record NewVersion(String profile, String version, ModelState state, Origin origin, LocalDate trainedFrom, LocalDate trainedTo,
            LocalDate evaluatedFrom, LocalDate evaluatedTo, int rows, int labelled, int positives, int exploration, int features,
            String featureNames, String rulePack, String reportJson, byte[] bytes) {}

    private static final String COLUMNS = "id, profile, seq, version, state, origin, trained_from, trained_to, evaluated_from, evaluated_to, "
            + "rows_total, labelled, positives, exploration, features, feature_names, rule_pack, report_json, trained_by, trained_at, state_by, "
            + "state_at, state_reason";

    public UUID insert(NewVersion v, String by, Instant at, String reason) {
        UUID id = UUID.randomUUID();
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from parcel_model where profile = ?").param(v.profile()).query(Integer.class).single();
        jdbc.sql("insert into parcel_model (" + COLUMNS + ", model_bytes) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(id, v.profile(), seq, v.version(), v.state().name(), v.origin().name(), v.trainedFrom(), v.trainedTo(), v.evaluatedFrom(),
                        v.evaluatedTo(), v.rows(), v.labelled(), v.positives(), v.exploration(), v.features(), v.featureNames(), v.rulePack(),
                        v.reportJson(), by, Timestamp.from(at), by, Timestamp.from(at), reason, v.bytes())
                .update();
        coverage.cover(MODEL, id);
        change(id, v.origin() == Origin.BUNDLED ? "REGISTERED" : "TRAINED", null, v.state(), reason, by, at);
        return id;
    }

    /** Sets a version's state and records the change. */
    public void setState(UUID id, String action, ModelState from, ModelState to, String reason, String by, Instant at) {
        jdbc.sql("update parcel_model set state = ?, state_by = ?, state_at = ?, state_reason = ? where id = ?")
                .params(to.name(), by, Timestamp.from(at), reason, id).update();
        coverage.cover(MODEL, id);
        change(id, action, from, to, reason, by, at);
    }

    private void change(UUID model, String action, ModelState from, ModelState to, String reason, String by, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into parcel_model_change (id, model_id, action, from_state, to_state, reason, changed_by, changed_at) values (?,?,?,?,?,?,?,?)")
                .params(id, model, action, from == null ? null : from.name(), to.name(), reason, by, Timestamp.from(at)).update();
        coverage.cover(CHANGE, id);
    }

    public List<Version> list(String profile) {
        return jdbc.sql("select " + COLUMNS + " from parcel_model where profile = ? order by seq desc").param(profile)
                .query((rs, n) -> version(rs)).list();
    }

    public Optional<Version> get(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from parcel_model where id = ?").param(id).query((rs, n) -> version(rs)).optional();
    }

    /** The active version of a profile, if the loop has one; read with a row lock when {@code forUpdate}. */
    public Optional<Version> active(String profile) {
        return jdbc.sql("select " + COLUMNS + " from parcel_model where profile = ? and state = 'ACTIVE'").param(profile)
                .query((rs, n) -> version(rs)).optional();
    }

    /** The id and version hash of the active version, the cheap read each scored batch makes. */
    public record ActiveRef(UUID id, String version, LocalDate trainedTo, Origin origin) {}

    public Optional<ActiveRef> activeRef(String profile) {
        return jdbc.sql("select id, version, trained_to, origin from parcel_model where profile = ? and state = 'ACTIVE'").param(profile)
                .query((rs, n) -> new ActiveRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        Origin.valueOf(rs.getString(4))))
                .optional();
    }

    public byte[] bytes(UUID id) {
        return jdbc.sql("select model_bytes from parcel_model where id = ?").param(id).query((rs, n) -> rs.getBytes(1)).single();
    }

    public List<Change> changes(String profile) {
        return jdbc.sql("""
                select c.id, c.model_id, m.seq, c.action, c.from_state, c.to_state, c.reason, c.changed_by, c.changed_at
                from parcel_model_change c join parcel_model m on m.id = c.model_id where m.profile = ? order by c.changed_at desc, m.seq desc
                """).param(profile).query((rs, n) -> new Change(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                rs.getString(4), rs.getString(5) == null ? null : ModelState.valueOf(rs.getString(5)), ModelState.valueOf(rs.getString(6)),
                rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant())).list();
    }

    /**
     * Claims a job for {@code minutes} unless another instance holds it; true when this caller has it. The
     * conditional update is atomic on both databases, so of two instances at most one wins.
     */
    public boolean claim(String job, String by, Instant now, int minutes) {
        return jdbc.sql("update parcel_learning_claim set claimed_by = ?, claimed_until = ? where job = ? and (claimed_until is null or claimed_until < ?)")
                .params(by, Timestamp.from(now.plusSeconds(60L * minutes)), job, Timestamp.from(now)).update() == 1;
    }

    public void release(String job, String by) {
        jdbc.sql("update parcel_learning_claim set claimed_until = null where job = ? and claimed_by = ?").params(job, by).update();
    }

    private static Version version(ResultSet rs) throws SQLException {
        return new Version(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4), ModelState.valueOf(rs.getString(5)),
                Origin.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getString(16),
                rs.getString(17), rs.getString(18), rs.getString(19), rs.getTimestamp(20).toInstant(), rs.getString(21),
                rs.getTimestamp(22).toInstant(), rs.getString(23));
    }
}
