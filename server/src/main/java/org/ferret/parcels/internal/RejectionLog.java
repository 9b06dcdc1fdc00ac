package org.ferret.parcels.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the rejected items of each batch (item, field, reason, time) for the operator's submissions screen
 * (V110). A refused all-or-nothing batch stores no declaration; its rejections are written in a transaction of
 * their own so that the operator still sees why.
 */
@Component
public class RejectionLog {
    private final JdbcClient jdbc;

    RejectionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One rejected item's problem: its index in the batch, its item id if it had a readable one, field, reason. */
    public record Problem(int index, String itemId, String field, String reason) {}

    /** In the batch's own transaction (the good items of the batch are stored beside it). */
    @Transactional
    public void record(String operator, List<Problem> problems, boolean wholeBatch, Instant at, String by) {
        write(operator, problems, wholeBatch, at, by);
    }

    /** In a transaction of its own, for a batch whose own transaction rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(String operator, List<Problem> problems, Instant at, String by) {
        write(operator, problems, true, at, by);
    }

    private void write(String operator, List<Problem> problems, boolean wholeBatch, Instant at, String by) {
        if (problems.isEmpty()) return;
        UUID batch = UUID.randomUUID();
        for (Problem p : problems) {
            jdbc.sql("""
                    insert into parcel_rejection (id, batch_id, operator, item_index, item_id, field, reason, whole_batch, rejected_at,
                      submitted_by) values (?,?,?,?,?,?,?,?,?,?)""")
                    .params(UUID.randomUUID(), batch, operator, p.index(), cut(p.itemId(), 40), cut(p.field(), 200),
                            cut(p.reason(), 2000), wholeBatch, at.atOffset(ZoneOffset.UTC), by)
                    .update();
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
