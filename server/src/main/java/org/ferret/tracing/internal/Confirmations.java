package org.ferret.tracing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemView;
import org.ferret.registry.Registry;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.tracing.Confirmation;
import org.ferret.tracing.matching.Confusion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Decisions that a search candidate is, or is not, the item in hand, stored in {@code tracing_confirmation}. */
@Component
public class Confirmations {

    private final JdbcClient jdbc;
    private org.ferret.audit.RecordCoverage coverage;

    @org.springframework.beans.factory.annotation.Autowired
    void setCoverage(org.ferret.audit.RecordCoverage coverage) {
        this.coverage = coverage;
    }
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;

    Confirmations(JdbcClient jdbc, Registry registry, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a decision; the serial must be one the item carries. */
    @Transactional
    public Confirmation decide(UUID itemId, String pattern, String serial, Confirmation.Decision decision,
            UUID traceRequest, String note) {
        List<FieldProblem> problems = new ArrayList<>();
        if (itemId == null) {
            problems.add(new FieldProblem("itemId", "must be given"));
        }
        if (pattern == null || pattern.isBlank() || pattern.length() > 100) {
            problems.add(new FieldProblem("pattern", "the marking as read must be given (at most 100 characters)"));
        }
        if (serial == null || serial.isBlank()) {
            problems.add(new FieldProblem("serial", "the recorded serial that was matched must be given"));
        }
        if (decision == null) {
            problems.add(new FieldProblem("decision", "must be CONFIRMED or REJECTED"));
        }
        if (note != null && note.length() > 2000) {
            problems.add(new FieldProblem("note", "at most 2000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "the confirmation is incomplete", problems);
        }
        ItemView item = registry.find(new ItemId(itemId)).orElseThrow(() ->
                new FerretException(ErrorCode.NOT_FOUND, "item " + itemId + " not found",
                        List.of(new FieldProblem("itemId", "no such item"))));
        String normal = Confusion.normaliseSerial(serial);
        boolean carries = item.markings().stream().map(m -> m.marking().elements().serialNumber())
                .filter(s -> s != null).anyMatch(s -> Confusion.normaliseSerial(s.value()).equals(normal));
        if (!carries) {
            throw SearchFilter.invalid("serial", "item " + itemId + " carries no serial " + serial);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Confirmation c = new Confirmation(UUID.randomUUID(), itemId, pattern.strip(), normal, decision, traceRequest,
                note == null || note.isBlank() ? null : note.strip(), Actor.current().username(), Actor.current().agency(), now);
        jdbc.sql("""
                insert into tracing_confirmation (id, item_id, pattern, serial, decision, trace_request, note,
                    decided_by, agency, decided_at)
                values (:id, :item, :pattern, :serial, :decision, :trace, :note, :by, :agency, :at)""")
                .param("id", c.id()).param("item", itemId).param("pattern", c.pattern()).param("serial", normal)
                .param("decision", decision.name()).param("trace", traceRequest).param("note", c.note())
                .param("by", c.decidedBy()).param("agency", c.agency())
                .param("at", now.atOffset(ZoneOffset.UTC)).update();
        coverage.cover("tracing_confirmation", c.id());
        audit.record("CANDIDATE_" + decision.name(), "item", itemId.toString(), null, c);
        return c;
    }

    /** Every recorded decision about an item, newest first. */
    public List<Confirmation> decisions(UUID itemId) {
        return jdbc.sql("""
                select id, item_id, pattern, serial, decision, trace_request, note, decided_by, agency, decided_at
                from tracing_confirmation where item_id = :item order by decided_at desc""")
                .param("item", itemId)
                .query((rs, n) -> new Confirmation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), Confirmation.Decision.valueOf(rs.getString(5)),
                        rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class).toInstant()))
                .list();
    }
}
