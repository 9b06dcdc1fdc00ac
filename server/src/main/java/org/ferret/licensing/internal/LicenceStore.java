package org.ferret.licensing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ferret.licensing.AuthorisationKind;
import org.ferret.licensing.Licence;
import org.ferret.licensing.LicenceId;
import org.ferret.licensing.LicenceStatus;
import org.ferret.licensing.TemporaryPurpose;
import org.ferret.licensing.TransportMode;
import org.ferret.licensing.Transition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The licensing tables (V140–V142); only {@code org.ferret.licensing} uses it. Every row it writes is put under the
 * audit chain's record coverage in the writing transaction ({@link LicensingCoverage}).
 */
@Repository
public class LicenceStore {

    private final JdbcClient jdbc;
    private final org.ferret.audit.RecordCoverage coverage;

    LicenceStore(JdbcClient jdbc, org.ferret.audit.RecordCoverage coverage) {
        this.jdbc = jdbc;
        this.coverage = coverage;
    }

    /** The licence row, without its children. */
    public record Row(UUID id, String number, LicenceStatus status, UUID exporter, String placeOfIssue,
            String countryOfExport, String countryOfImport, String finalRecipient, String endUserCertificate,
            TransportMode transport, boolean transhipment, TemporaryPurpose temporaryPurpose, LocalDate appliedOn,
            LocalDate issuedOn, LocalDate expiresOn, String verificationCode, String document, String signature,
            String signedBy, Instant createdAt, String createdBy) {
    }

    private static final String COLUMNS = "id, number, status, exporter, place_of_issue, country_of_export, "
            + "country_of_import, final_recipient, end_user_certificate, transport, transhipment, temporary_purpose, "
            + "applied_on, issued_on, expires_on, verification_code, document, signature, signed_by, created_at, created_by";

    public void insert(Row r) {
        jdbc.sql("insert into licensing_licence (" + COLUMNS + ") values (:id, :number, :status, :exporter, :place, "
                + ":cexp, :cimp, :recipient, :euc, :transport, :tranship, :purpose, :applied, null, :expires, null, null, "
                + "null, null, :at, :by)")
                .param("id", r.id()).param("number", r.number()).param("status", r.status().name())
                .param("exporter", r.exporter()).param("place", r.placeOfIssue()).param("cexp", r.countryOfExport())
                .param("cimp", r.countryOfImport()).param("recipient", r.finalRecipient())
                .param("euc", r.endUserCertificate()).param("transport", r.transport().name())
                .param("tranship", r.transhipment())
                .param("purpose", r.temporaryPurpose() == null ? null : r.temporaryPurpose().name())
                .param("applied", r.appliedOn()).param("expires", r.expiresOn()).param("at", ts(r.createdAt()))
                .param("by", r.createdBy()).update();
        coverage.cover(LicensingCoverage.LICENCE, r.id());
    }

    public void insertTransit(UUID licence, int position, String country) {
        jdbc.sql("insert into licensing_transit (licence_id, position, country) values (?, ?, ?)")
                .params(licence, position, country).update();
        coverage.cover(LicensingCoverage.TRANSIT, licence, position);
    }

    public void insertLine(UUID licence, int line, UUID item, String description, int quantity) {
        jdbc.sql("insert into licensing_goods_line (licence_id, line_no, item_id, description, quantity, used) "
                + "values (?, ?, ?, ?, ?, 0)").params(licence, line, item, description, quantity).update();
        coverage.cover(LicensingCoverage.GOODS_LINE, licence, line);
    }

    public void insertAuthorisation(UUID licence, Licence.Authorisation a) {
        jdbc.sql("insert into licensing_authorisation (id, licence_id, kind, country, reference, given_on, valid_until, "
                + "source, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), licence, a.kind().name(), a.country(), a.reference(), a.givenOn(), a.validUntil(),
                        a.source(), ts(a.recordedAt()), a.recordedBy()).update();
        coverage.cover(LicensingCoverage.AUTHORISATION, a.id());
    }

    public void insertDrawdown(UUID licence, Licence.Drawdown d) {
        jdbc.sql("insert into licensing_drawdown (id, licence_id, line_no, quantity, item_id, event_id, report_id, "
                + "occurred_on, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), licence, d.line(), d.quantity(), d.itemId(), d.eventId(), d.reportId(), d.occurredOn(),
                        ts(d.recordedAt()), d.recordedBy()).update();
        int n = jdbc.sql("update licensing_goods_line set used = used + ? where licence_id = ? and line_no = ? "
                + "and used + ? <= quantity").params(d.quantity(), licence, d.line(), d.quantity()).update();
        if (n != 1) {
            throw new IllegalStateException("goods line " + d.line() + " of licence " + licence
                    + " would be drawn below zero; the caller checks this under the licence's lock");
        }
        coverage.cover(LicensingCoverage.DRAWDOWN, d.id());
        coverage.cover(LicensingCoverage.GOODS_LINE, licence, d.line());
    }

    public void insertHistory(UUID licence, Transition t, LicenceStatus after, String reason, String actor, Instant at) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from licensing_history where licence_id = ?")
                .param(licence).query(Integer.class).single();
        jdbc.sql("insert into licensing_history (licence_id, seq, transition, status_after, reason, actor, at) "
                + "values (?, ?, ?, ?, ?, ?, ?)").params(licence, seq, t.name(), after.name(), reason, actor, ts(at)).update();
        coverage.cover(LicensingCoverage.HISTORY, licence, seq);
    }

    public void setStatus(UUID licence, LicenceStatus status) {
        jdbc.sql("update licensing_licence set status = ? where id = ?").params(status.name(), licence).update();
        coverage.cover(LicensingCoverage.LICENCE, licence);
    }

    public void issue(UUID licence, LocalDate issuedOn, String code, String document, String signature, String signedBy) {
        jdbc.sql("update licensing_licence set status = 'ISSUED', issued_on = ?, verification_code = ?, document = ?, "
                + "signature = ?, signed_by = ? where id = ?")
                .params(issuedOn, code, document, signature, signedBy, licence).update();
        coverage.cover(LicensingCoverage.LICENCE, licence);
    }

    public void flagUnlicensed(UUID event, UUID item, String country, LocalDate on, String reference, String reason,
            Instant at) {
        jdbc.sql("insert into licensing_unlicensed_export (event_id, item_id, country, occurred_on, reference, reason, "
                + "recorded_at) values (?, ?, ?, ?, ?, ?, ?)").params(event, item, country, on, reference, reason, ts(at))
                .update();
        coverage.cover(LicensingCoverage.UNLICENSED_EXPORT, event);
    }

    public List<org.ferret.licensing.UnlicensedExport> unlicensed(int limit) {
        return jdbc.sql("select * from licensing_unlicensed_export order by recorded_at desc limit ?").param(limit)
                .query((rs, i) -> new org.ferret.licensing.UnlicensedExport(rs.getObject("event_id", UUID.class), rs.getObject("item_id", UUID.class),
                        rs.getString("country"), rs.getObject("occurred_on", LocalDate.class), rs.getString("reference"),
                        rs.getString("reason"), instant(rs, "recorded_at"))).list();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from licensing_licence where id = ?").param(id).query(LicenceStore::row)
                .optional();
    }

    /** The row, locked for the rest of the transaction (drawdowns and transitions serialise on it). */
    public Optional<Row> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from licensing_licence where id = ? for update").param(id)
                .query(LicenceStore::row).optional();
    }

    public Optional<UUID> idByNumber(String number) {
        return jdbc.sql("select id from licensing_licence where upper(number) = upper(?)").param(number.strip())
                .query(UUID.class).optional();
    }

    public Optional<UUID> idByCode(String code) {
        return jdbc.sql("select id from licensing_licence where verification_code = ?").param(code.strip())
                .query(UUID.class).optional();
    }

    public boolean eucUsed(String euc) {
        return jdbc.sql("select count(*) from licensing_licence where upper(end_user_certificate) = upper(?)")
                .param(euc.strip()).query(Long.class).single() > 0;
    }

    public Optional<Licence.Drawdown> drawdownByReport(String reportId) {
        return jdbc.sql("select * from licensing_drawdown where report_id = ?").param(reportId)
                .query(LicenceStore::drawdown).optional();
    }

    public Optional<UUID> licenceOfReport(String reportId) {
        return jdbc.sql("select licence_id from licensing_drawdown where report_id = ?").param(reportId)
                .query(UUID.class).optional();
    }

    /** Licences matching the search, newest first: text in number, recipient, EUC; status; country of import. */
    public List<Row> search(String text, LicenceStatus status, String country, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from licensing_licence where 1 = 1");
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        if (text != null && !text.isBlank()) {
            sql.append(" and (upper(number) like :t or upper(final_recipient) like :t or upper(end_user_certificate) like :t)");
            p.put("t", "%" + text.strip().toUpperCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        if (status != null) {
            sql.append(" and status = :s");
            p.put("s", status.name());
        }
        if (country != null) {
            sql.append(" and country_of_import = :c");
            p.put("c", country);
        }
        sql.append(" order by created_at desc limit :limit");
        p.put("limit", limit);
        return jdbc.sql(sql.toString()).params(p).query(LicenceStore::row).list();
    }

    /** Issued or suspended licences whose expiry date is before {@code today}. */
    public List<UUID> expiredBy(LocalDate today) {
        return jdbc.sql("select id from licensing_licence where status in ('ISSUED', 'SUSPENDED') and expires_on < ?")
                .param(today).query(UUID.class).list();
    }

    public Licence load(Row r) {
        UUID id = r.id();
        List<String> transit = jdbc.sql("select country from licensing_transit where licence_id = ? order by position")
                .param(id).query(String.class).list();
        List<Licence.GoodsLine> goods = jdbc.sql("select * from licensing_goods_line where licence_id = ? order by line_no")
                .param(id).query((rs, i) -> new Licence.GoodsLine(rs.getInt("line_no"), rs.getObject("item_id", UUID.class),
                        rs.getString("description"), rs.getInt("quantity"), rs.getInt("used"))).list();
        List<Licence.Authorisation> auths = jdbc.sql("select * from licensing_authorisation where licence_id = ? "
                + "order by recorded_at, id").param(id).query((rs, i) -> new Licence.Authorisation(
                        rs.getObject("id", UUID.class), AuthorisationKind.valueOf(rs.getString("kind")),
                        rs.getString("country"), rs.getString("reference"), rs.getObject("given_on", LocalDate.class),
                        rs.getObject("valid_until", LocalDate.class), rs.getString("source"), instant(rs, "recorded_at"),
                        rs.getString("recorded_by"))).list();
        List<Licence.HistoryEntry> history = jdbc.sql("select * from licensing_history where licence_id = ? order by seq")
                .param(id).query((rs, i) -> new Licence.HistoryEntry(rs.getInt("seq"),
                        Transition.valueOf(rs.getString("transition")), LicenceStatus.valueOf(rs.getString("status_after")),
                        rs.getString("reason"), rs.getString("actor"), instant(rs, "at"))).list();
        List<Licence.Drawdown> drawdowns = jdbc.sql("select * from licensing_drawdown where licence_id = ? "
                + "order by recorded_at, id").param(id).query(LicenceStore::drawdown).list();
        return new Licence(new LicenceId(id), r.number(), r.status(), r.exporter(), r.placeOfIssue(), r.countryOfExport(),
                r.countryOfImport(), r.finalRecipient(), r.endUserCertificate(), r.transport(), r.transhipment(),
                r.temporaryPurpose(), r.appliedOn(), r.issuedOn(), r.expiresOn(), transit, goods, auths, history,
                drawdowns, r.verificationCode(), r.document(), r.signature(), r.signedBy(), r.createdAt());
    }

    private static Licence.Drawdown drawdown(ResultSet rs, int i) throws SQLException {
        return new Licence.Drawdown(rs.getObject("id", UUID.class), rs.getInt("line_no"), rs.getInt("quantity"),
                rs.getObject("item_id", UUID.class), rs.getObject("event_id", UUID.class), rs.getString("report_id"),
                rs.getObject("occurred_on", LocalDate.class), instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        String purpose = rs.getString("temporary_purpose");
        return new Row(rs.getObject("id", UUID.class), rs.getString("number"), LicenceStatus.valueOf(rs.getString("status")),
                rs.getObject("exporter", UUID.class), rs.getString("place_of_issue"), rs.getString("country_of_export"),
                rs.getString("country_of_import"), rs.getString("final_recipient"), rs.getString("end_user_certificate"),
                TransportMode.valueOf(rs.getString("transport")), rs.getBoolean("transhipment"),
                purpose == null ? null : TemporaryPurpose.valueOf(purpose), rs.getObject("applied_on", LocalDate.class),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class),
                rs.getString("verification_code"), rs.getString("document"), rs.getString("signature"),
                rs.getString("signed_by"), instant(rs, "created_at"), rs.getString("created_by"));
    }

    private static java.time.OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        java.time.OffsetDateTime t = rs.getObject(col, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    // ---- requests between nodes --------------------------------------------------------------------

    public void insertNodeRequest(org.ferret.licensing.NodeRequest r) {
        jdbc.sql("insert into licensing_node_request (id, direction, peer, licence_id, licence_number, kind, country, "
                + "summary, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.direction().name(), r.peer(), r.licenceId(), r.licenceNumber(), r.kind().name(),
                        r.country(), r.summary(), r.status().name(), ts(r.createdAt())).update();
        coverage.cover(LicensingCoverage.NODE_REQUEST, r.id());
    }

    public void answerNodeRequest(UUID id, AuthorisationKind kind, String reference, Instant at) {
        jdbc.sql("update licensing_node_request set status = 'ANSWERED', answer_kind = ?, answer_reference = ?, "
                + "answered_at = ? where id = ?").params(kind.name(), reference, ts(at), id).update();
        coverage.cover(LicensingCoverage.NODE_REQUEST, id);
    }

    public Optional<org.ferret.licensing.NodeRequest> nodeRequest(UUID id) {
        return jdbc.sql("select * from licensing_node_request where id = ? for update").param(id)
                .query(LicenceStore::nodeRequest).optional();
    }

    public List<org.ferret.licensing.NodeRequest> nodeRequests(String direction, UUID licence, int limit) {
        return jdbc.sql("select * from licensing_node_request where (cast(? as varchar(3)) is null or direction = ?) "
                + "and (cast(? as uuid) is null or licence_id = ?) order by created_at desc limit ?")
                .params(direction, direction, licence, licence, limit).query(LicenceStore::nodeRequest).list();
    }

    private static org.ferret.licensing.NodeRequest nodeRequest(ResultSet rs, int i) throws SQLException {
        String answer = rs.getString("answer_kind");
        return new org.ferret.licensing.NodeRequest(rs.getObject("id", UUID.class),
                org.ferret.licensing.NodeRequest.Direction.valueOf(rs.getString("direction")), rs.getString("peer"),
                rs.getObject("licence_id", UUID.class), rs.getString("licence_number"),
                AuthorisationKind.valueOf(rs.getString("kind")), rs.getString("country"), rs.getString("summary"),
                org.ferret.licensing.NodeRequest.Status.valueOf(rs.getString("status")),
                answer == null ? null : AuthorisationKind.valueOf(answer), rs.getString("answer_reference"),
                instant(rs, "created_at"), instant(rs, "answered_at"));
    }

    // ---- proof of receipt (art. 10(4)) -------------------------------------------------------------

    /** A shipment (drawdown) with its licence's number and country, and its receipt when one is recorded. */
    public record Shipment(UUID drawdownId, UUID licenceId, String number, String countryOfImport, int line,
            int quantity, LocalDate occurredOn, Instant recordedAt, LocalDate receivedOn, String reference,
            String source) {
    }

    private static final String SHIPMENTS = "select d.id, d.licence_id, l.number, l.country_of_import, d.line_no, "
            + "d.quantity, d.occurred_on, d.recorded_at, r.received_on, r.reference, r.source from licensing_drawdown d "
            + "join licensing_licence l on l.id = d.licence_id left join licensing_receipt r on r.drawdown_id = d.id ";

    private static Shipment shipment(ResultSet rs, int i) throws SQLException {
        return new Shipment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getInt(5), rs.getInt(6), rs.getObject(7, LocalDate.class), instant(rs, "recorded_at"),
                rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11));
    }

    public List<Shipment> shipments(UUID licence) {
        return jdbc.sql(SHIPMENTS + "where d.licence_id = ? order by d.occurred_on, d.recorded_at, d.id").param(licence)
                .query(LicenceStore::shipment).list();
    }

    /** Shipments with no receipt that left on or before {@code shippedBy}, oldest first. */
    public List<Shipment> unconfirmed(LocalDate shippedBy, int limit) {
        return jdbc.sql(SHIPMENTS + "where r.drawdown_id is null and d.occurred_on <= ? "
                + "order by d.occurred_on, d.recorded_at, d.id limit ?").params(shippedBy, limit)
                .query(LicenceStore::shipment).list();
    }

    public void insertReceipt(UUID drawdown, UUID licence, LocalDate receivedOn, String reference, String source,
            Instant at, String by) {
        jdbc.sql("insert into licensing_receipt (drawdown_id, licence_id, received_on, reference, source, recorded_at, "
                + "recorded_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(drawdown, licence, receivedOn, reference, source, ts(at), by).update();
        coverage.cover(LicensingCoverage.RECEIPT, drawdown);
    }
}
