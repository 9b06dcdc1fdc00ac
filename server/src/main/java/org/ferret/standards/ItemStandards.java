package org.ferret.standards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the standards hold about registry items: assessed imports and the reviews opened for seized items. */
@Service
@Transactional(readOnly = true)
public class ItemStandards {

    /** Most rows one list returns. */
    public static final int LIMIT = 500;

    private final JdbcClient jdbc;

    ItemStandards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The assessment an import event was recorded on, if it was assessed. */
    public Optional<AssessedImport> importOf(UUID event) {
        return jdbc.sql("select * from standards_import where event_id = ?").param(event).query(ItemStandards::assessedImport)
                .optional();
    }

    /** Assessed imports, newest first; {@code outcome} PASSED or FLAGGED, or null for both. */
    public List<AssessedImport> imports(String outcome) {
        return outcome == null
                ? jdbc.sql("select * from standards_import order by recorded_at desc, event_id limit " + LIMIT)
                        .query(ItemStandards::assessedImport).list()
                : jdbc.sql("select * from standards_import where outcome = ? order by recorded_at desc, event_id limit " + LIMIT)
                        .param(outcome).query(ItemStandards::assessedImport).list();
    }

    /** The item's assessed imports, newest first. */
    public List<AssessedImport> importsOf(UUID item) {
        return jdbc.sql("select * from standards_import where item_id = ? order by recorded_at desc, event_id").param(item)
                .query(ItemStandards::assessedImport).list();
    }

    /** Reviews awaiting a person's decision, oldest first. */
    public List<Review> openReviews() {
        return jdbc.sql("select * from standards_review where completed_assessment is null order by opened_at, event_id limit "
                + LIMIT).query(ItemStandards::review).list();
    }

    /** The item's reviews, newest first. */
    public List<Review> reviewsOf(UUID item) {
        return jdbc.sql("select * from standards_review where item_id = ? order by opened_at desc, event_id").param(item)
                .query(ItemStandards::review).list();
    }

    private static AssessedImport assessedImport(ResultSet rs, int n) throws SQLException {
        return new AssessedImport(rs.getObject("event_id", UUID.class), rs.getObject("item_id", UUID.class),
                rs.getString("concern"), rs.getObject("assessment_id", UUID.class),
                rs.getString("pack_id") + "@" + rs.getString("pack_version"), rs.getString("outcome"),
                instant(rs, "recorded_at"));
    }

    private static Review review(ResultSet rs, int n) throws SQLException {
        return new Review(rs.getObject("event_id", UUID.class), rs.getObject("item_id", UUID.class),
                rs.getString("pack_id") + "@" + rs.getString("pack_version"), rs.getObject("opened_assessment", UUID.class),
                instant(rs, "opened_at"), rs.getObject("completed_assessment", UUID.class), instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
