package org.ferret.licensing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ferret.licensing.ImportAuthorisation;
import org.ferret.licensing.ImportAuthorisationStatus;
import org.ferret.registry.ItemKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The import authorisations' tables (V144): authorisation rows, goods lines, drawdowns, unauthorised imports. */
@Repository
public class ImportAuthorisationStore {

    public static final String AUTHORISATION = "licensing_import_authorisation";
    public static final String LINE = "licensing_import_line";
    public static final String DRAWDOWN = "licensing_import_drawdown";
    public static final String UNAUTHORISED = "licensing_unauthorised_import";

    private final JdbcClient jdbc;

    ImportAuthorisationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The authorisation row as stored (lines and uses read separately). */
    public record Row(UUID id, String number, ImportAuthorisationStatus status, UUID importer, String countryOfExport,
            LocalDate validFrom, LocalDate validUntil, Instant issuedAt, String issuedBy, String revokedReason) {
    }

    public void insert(Row r) {
        jdbc.sql("insert into " + AUTHORISATION + " (id, number, status, importer, country_of_export, valid_from, "
                + "valid_until, issued_at, issued_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.number(), r.status().name(), r.importer(), r.countryOfExport(), r.validFrom(),
                        r.validUntil(), ts(r.issuedAt()), r.issuedBy())
                .update();
    }

    public void insertLine(UUID authorisation, int line, ItemKind kind, String description, int quantity) {
        jdbc.sql("insert into " + LINE + " (authorisation_id, line_no, kind, description, quantity, used) "
                + "values (?, ?, ?, ?, ?, 0)").params(authorisation, line, kind.name(), description, quantity).update();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql("select * from " + AUTHORISATION + " where id = ?").param(id).query(ImportAuthorisationStore::row)
                .optional();
    }

    public Optional<Row> findByNumber(String number) {
        return jdbc.sql("select * from " + AUTHORISATION + " where upper(number) = upper(?)").param(number)
                .query(ImportAuthorisationStore::row).optional();
    }

    /** The row, locked for the rest of the transaction (drawdowns and revocations serialise on it). */
    public Optional<Row> lockByNumber(String number) {
        return jdbc.sql("select * from " + AUTHORISATION + " where upper(number) = upper(?) for update").param(number)
                .query(ImportAuthorisationStore::row).optional();
    }

    public Optional<Row> lock(UUID id) {
        return jdbc.sql("select * from " + AUTHORISATION + " where id = ? for update").param(id)
                .query(ImportAuthorisationStore::row).optional();
    }

    public boolean numberTaken(String number) {
        return jdbc.sql("select count(*) from " + AUTHORISATION + " where number = ?").param(number).query(Long.class)
                .single() > 0;
    }

    /** Newest first; text matches the number, status and country filter when given. */
    public List<Row> search(String text, ImportAuthorisationStatus status, String country, UUID importer, int limit) {
        StringBuilder sql = new StringBuilder("select * from " + AUTHORISATION + " where 1 = 1");
        java.util.List<Object> params = new java.util.ArrayList<>();
        if (text != null && !text.isBlank()) {
            sql.append(" and upper(number) like ?");
            params.add("%" + text.strip().toUpperCase(java.util.Locale.ROOT).replace("%", "") + "%");
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (country != null) {
            sql.append(" and country_of_export = ?");
            params.add(country);
        }
        if (importer != null) {
            sql.append(" and importer = ?");
            params.add(importer);
        }
        sql.append(" order by issued_at desc, number limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(ImportAuthorisationStore::row).list();
    }

    public ImportAuthorisation load(Row r) {
        List<ImportAuthorisation.Line> lines = jdbc.sql("select * from " + LINE + " where authorisation_id = ? "
                + "order by line_no").param(r.id()).query((rs, i) -> new ImportAuthorisation.Line(rs.getInt("line_no"),
                        ItemKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getInt("quantity"),
                        rs.getInt("used"))).list();
        List<ImportAuthorisation.Use> uses = jdbc.sql("select * from " + DRAWDOWN + " where authorisation_id = ? "
                + "order by occurred_on, recorded_at").param(r.id()).query((rs, i) -> new ImportAuthorisation.Use(
                        rs.getObject("event_id", UUID.class), rs.getObject("item_id", UUID.class), rs.getInt("line_no"),
                        rs.getObject("occurred_on", LocalDate.class), instant(rs, "recorded_at"),
                        rs.getString("recorded_by"))).list();
        return new ImportAuthorisation(r.id(), r.number(), r.status(), r.importer(), r.countryOfExport(), r.validFrom(),
                r.validUntil(), lines, uses, r.issuedAt(), r.issuedBy(), r.revokedReason());
    }

    /** Draws one off a goods line for an import event; the check constraint keeps it from going above the quantity. */
    public void draw(UUID authorisation, int line, UUID event, UUID item, LocalDate on, Instant at, String by) {
        jdbc.sql("insert into " + DRAWDOWN + " (event_id, authorisation_id, line_no, item_id, occurred_on, recorded_at, "
                + "recorded_by) values (?, ?, ?, ?, ?, ?, ?)").params(event, authorisation, line, item, on, ts(at), by)
                .update();
        jdbc.sql("update " + LINE + " set used = used + 1 where authorisation_id = ? and line_no = ?")
                .params(authorisation, line).update();
    }

    public void setStatus(UUID id, ImportAuthorisationStatus status, String reason) {
        jdbc.sql("update " + AUTHORISATION + " set status = ?, revoked_reason = coalesce(?, revoked_reason) where id = ?")
                .params(status.name(), reason, id).update();
    }

    public void flagUnauthorised(UUID event, UUID item, String country, LocalDate on, String reference, Instant at) {
        jdbc.sql("insert into " + UNAUTHORISED + " (event_id, item_id, country, occurred_on, reference, recorded_at) "
                + "values (?, ?, ?, ?, ?, ?)").params(event, item, country, on, reference, ts(at)).update();
    }

    /** Imports recorded without naming an authorisation: event, item, country, date, reference, when; newest first. */
    public List<org.ferret.licensing.UnauthorisedImport> unauthorised(int limit) {
        return jdbc.sql("select * from " + UNAUTHORISED + " order by recorded_at desc limit ?").param(limit)
                .query((rs, i) -> new org.ferret.licensing.UnauthorisedImport(rs.getObject("event_id", UUID.class),
                        rs.getObject("item_id", UUID.class), rs.getString("country"),
                        rs.getObject("occurred_on", LocalDate.class), rs.getString("reference"),
                        instant(rs, "recorded_at"))).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("number"),
                ImportAuthorisationStatus.valueOf(rs.getString("status")), rs.getObject("importer", UUID.class),
                rs.getString("country_of_export"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), instant(rs, "issued_at"), rs.getString("issued_by"),
                rs.getString("revoked_reason"));
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
