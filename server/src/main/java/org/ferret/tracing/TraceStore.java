package org.ferret.tracing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.tracing.matching.PositionMatch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Trace requests and their candidates in SQL; the status is written only from a {@link TraceRequest} transition. */
@Repository
class TraceStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    private final org.ferret.audit.RecordCoverage coverage;

    TraceStore(JdbcClient jdbc, ObjectMapper json, org.ferret.audit.RecordCoverage coverage) {
        this.jdbc = jdbc;
        this.json = json;
        this.coverage = coverage;
    }

    void insert(TraceRequest t) {
        TraceRequestContent c = t.content();
        jdbc.sql("""
                insert into trace_request (id, direction, status, requesting_agency, requesting_country, case_reference,
                    legal_basis, illicit_context, recovery_circumstances, recovery_place, recovered_on, markings_json,
                    item_type, make, model, calibre, country_of_origin, urgency, intended_use, received_at,
                    acknowledge_due, answer_due, peer_node, peer_reference, created_by, version)
                values (:id, :direction, :status, :agency, :country, :caseRef, :legal, :context, :circ, :place, :recovered,
                    :markings, :type, :make, :model, :calibre, :origin, :urgency, :use, :received, :ackDue, :answerDue,
                    :peer, :peerRef, :by, 0)""")
                .param("id", t.id().value()).param("direction", t.direction().name()).param("status", t.status().name())
                .param("agency", c.requestingAgency()).param("country", c.requestingCountry())
                .param("caseRef", c.caseReference()).param("legal", c.legalBasis()).param("context", c.illicitContext())
                .param("circ", c.recoveryCircumstances()).param("place", c.recoveryPlace())
                .param("recovered", c.recoveredOn()).param("markings", json.writeValueAsString(c.markings()))
                .param("type", c.type()).param("make", c.make()).param("model", c.model()).param("calibre", c.calibre())
                .param("origin", c.countryOfOrigin()).param("urgency", c.urgency().name()).param("use", c.intendedUse())
                .param("received", ts(t.progress().receivedAt())).param("ackDue", ts(t.due().acknowledgeBy()))
                .param("answerDue", ts(t.due().answerBy())).param("peer", t.peer() == null ? null : t.peer().node())
                .param("peerRef", t.peer() == null ? null : t.peer().reference())
                .param("by", t.createdBy()).update();
        coverage.cover(TracingCoverage.TRACE_REQUEST, t.id().value());
    }

    /** Writes a transition; refuses when someone else changed the request meanwhile (optimistic lock). */
    void update(TraceRequest t) {
        int n = jdbc.sql("""
                update trace_request set status = :status, acknowledged_at = :ack, answered_at = :answered,
                    closed_at = :closed, confirmed_item = :item, answer_json = :answer, version = version + 1
                where id = :id and version = :version""")
                .param("status", t.status().name()).param("ack", ts(t.progress().acknowledgedAt()))
                .param("answered", ts(t.progress().answeredAt())).param("closed", ts(t.progress().closedAt()))
                .param("item", t.confirmedItem() == null ? null : t.confirmedItem().value())
                .param("answer", t.answer() == null ? null : json.writeValueAsString(t.answer()))
                .param("id", t.id().value()).param("version", t.version()).update();
        if (n != 1) {
            throw new FerretException(ErrorCode.CONFLICT, "the trace request " + t.content().caseReference() + " was changed meanwhile; reload and retry");
        }
        coverage.cover(TracingCoverage.TRACE_REQUEST, t.id().value());
    }

    void insertCandidate(TraceRequestId trace, TraceCandidate c) {
        jdbc.sql("""
                insert into trace_candidate (trace_request, item_id, serial, score, summary, explanation, decision)
                values (:trace, :item, :serial, :score, :summary, :explanation, :decision)""")
                .param("trace", trace.value()).param("item", c.itemId()).param("serial", c.serial())
                .param("score", java.math.BigDecimal.valueOf(c.score()))
                .param("summary", c.summary().length() > 400 ? c.summary().substring(0, 400) : c.summary())
                .param("explanation", json.writeValueAsString(c.explanation())).param("decision", c.decision().name())
                .update();
        coverage.cover(TracingCoverage.TRACE_CANDIDATE, trace.value(), c.itemId());
    }

    int decideCandidate(TraceRequestId trace, org.ferret.registry.ItemId item, TraceCandidate.Decision d, String by,
            Instant at) {
        int n = jdbc.sql("""
                update trace_candidate set decision = :d, decided_by = :by, decided_at = :at
                where trace_request = :trace and item_id = :item""")
                .param("d", d.name()).param("by", by).param("at", ts(at)).param("trace", trace.value())
                .param("item", item.value())
                .update();
        if (n > 0) {
            coverage.cover(TracingCoverage.TRACE_CANDIDATE, trace.value(), item.value());
        }
        return n;
    }

    Optional<TraceRequest> find(TraceRequestId id) {
        return jdbc.sql("select * from trace_request where id = :id").param("id", id.value()).query(this::row).optional();
    }

    Optional<TraceRequest> findByPeer(String peer, UUID peerRef, TraceRequest.Direction direction) {
        return jdbc.sql("select * from trace_request where peer_node = :p and peer_reference = :r and direction = :d")
                .param("p", peer).param("r", peerRef).param("d", direction.name()).query(this::row).optional();
    }

    List<TraceRequest> list(String where, Object... params) {
        var spec = jdbc.sql("select * from trace_request " + where + " order by answer_due, received_at");
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(this::row).list();
    }

    private List<TraceCandidate> candidates(UUID trace) {
        return jdbc.sql("""
                select item_id, serial, score, summary, explanation, decision, decided_by, decided_at
                from trace_candidate where trace_request = :t order by score desc, serial""")
                .param("t", trace)
                .query((rs, n) -> new TraceCandidate(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getBigDecimal(3).doubleValue(), rs.getString(4),
                        json.readValue(rs.getString(5), new TypeReference<List<PositionMatch>>() { }),
                        TraceCandidate.Decision.valueOf(rs.getString(6)), rs.getString(7), instant(rs, 8)))
                .list();
    }

    private TraceRequest row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        TraceRequestContent c = new TraceRequestContent(rs.getString("requesting_agency"),
                rs.getString("requesting_country"), rs.getString("case_reference"), rs.getString("legal_basis"),
                rs.getString("illicit_context"), rs.getString("recovery_circumstances"), rs.getString("recovery_place"),
                rs.getObject("recovered_on", java.time.LocalDate.class),
                json.readValue(rs.getString("markings_json"), new TypeReference<List<MarkingRead>>() { }),
                rs.getString("item_type"), rs.getString("make"), rs.getString("model"), rs.getString("calibre"),
                rs.getString("country_of_origin"), Urgency.valueOf(rs.getString("urgency")), rs.getString("intended_use"));
        String answer = rs.getString("answer_json");
        UUID confirmed = rs.getObject("confirmed_item", UUID.class);
        String peer = rs.getString("peer_node");
        return new TraceRequest(new TraceRequestId(id), TraceRequest.Direction.valueOf(rs.getString("direction")),
                TraceStatus.valueOf(rs.getString("status")), c,
                new TraceRequest.Progress(instant(rs, "received_at"), instant(rs, "acknowledged_at"),
                        instant(rs, "answered_at"), instant(rs, "closed_at")),
                new TraceRequest.Deadlines(instant(rs, "acknowledge_due"), instant(rs, "answer_due")),
                confirmed == null ? null : new org.ferret.registry.ItemId(confirmed),
                answer == null ? null : json.readValue(answer, TraceAnswer.class),
                peer == null ? null : new TraceRequest.Peer(peer, rs.getObject("peer_reference", UUID.class)),
                rs.getString("created_by"), rs.getInt("version"), candidates(id));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
