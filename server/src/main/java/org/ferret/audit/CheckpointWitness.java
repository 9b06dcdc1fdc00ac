package org.ferret.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ferret.exchange.DocumentHandler;
import org.ferret.exchange.DocumentKind;
import org.ferret.exchange.IncomingDocument;
import org.ferret.exchange.NodeKeys;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * This node as a witness of other nodes' audit logs: receives their checkpoints (exchange kind
 * {@code AUDIT_CHECKPOINT}), checks the node's signature on each, and accepts it only if it extends the latest one held
 * from that node, by an RFC 6962 consistency proof (§2.1.2). A checkpoint that does not (a shorter log, another root
 * at the same size, a tree that does not extend the held one) is refused, and kept as refused, with the reason, as
 * evidence: a node's signature over two inconsistent trees proves its log was rewritten.
 */
@Component
class CheckpointWitness implements DocumentHandler {

    private final JdbcClient jdbc;
    private final NodeKeys keys;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate separate;

    CheckpointWitness(JdbcClient jdbc, NodeKeys keys, AuditLog audit, Clock clock, PlatformTransactionManager txm) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.separate = new TransactionTemplate(txm);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Where a witness serves the latest checkpoint it accepted from a node. */
    static String latestPath(String node) {
        return "/api/v1/audit/witness/" + node + "/latest";
    }

    static Map<String, Object> asJson(Checkpoint c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", c.node());
        m.put("size", c.size());
        m.put("root", c.root());
        m.put("signedAt", c.signedAt().toString());
        m.put("signature", c.signature());
        return m;
    }

    /** A checkpoint held from another node, accepted or refused (with why). */
    record Witnessed(Checkpoint checkpoint, String status, String reason, java.time.Instant receivedAt) {
    }

    @Override
    public Set<DocumentKind> kinds() {
        return Set.of(Checkpoints.KIND);
    }

    @Override
    public String accept(IncomingDocument d) {
        Checkpoint c;
        try {
            c = CheckpointFile.parse(d.body().get("checkpoint"));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw bad("checkpoint", e.getMessage());
        }
        if (!c.node().equals(d.sender())) {
            throw bad("checkpoint.node", "the checkpoint is of node '" + c.node() + "' but was sent by '" + d.sender() + "'");
        }
        if (!keys.verify(d.sender(), c.signedText(), c.signature())) {
            throw new FerretException(ErrorCode.SIGNATURE_INVALID, "the " + c.describe()
                    + " does not carry the signature of node '" + d.sender() + "'");
        }
        Optional<Checkpoint> held = latest(c.node());
        if (held.isPresent()) {
            String refusal = refusal(held.get(), c, d);
            if (refusal == CONSISTENT_SAME) {
                return reference(c);
            }
            if (refusal != null) {
                separate.executeWithoutResult(s -> {
                    store(c, "REFUSED", refusal);
                    audit.record("AUDIT_CHECKPOINT_REFUSED", "audit_checkpoint", reference(c), null,
                            Map.of("root", c.root(), "reason", refusal));
                });
                throw new FerretException(ErrorCode.CONFLICT, "checkpoint refused by witness '" + keys.nodeId() + "': " + refusal);
            }
        }
        store(c, "ACCEPTED", null);
        audit.record("AUDIT_CHECKPOINT_WITNESSED", "audit_checkpoint", reference(c), null,
                Map.of("root", c.root(), "signedAt", c.signedAt().toString()));
        return reference(c);
    }

    private static final String CONSISTENT_SAME = "same";

    /** Why {@code c} cannot follow {@code held}; {@link #CONSISTENT_SAME} for the same checkpoint again; null if it can. */
    private String refusal(Checkpoint held, Checkpoint c, IncomingDocument d) {
        if (c.size() < held.size()) {
            return "log is shorter than checkpoint: this witness holds the " + held.describe() + " of node '" + c.node()
                    + "', and the new checkpoint covers only " + c.size() + " entries";
        }
        if (c.size() == held.size()) {
            return c.root().equals(held.root()) ? CONSISTENT_SAME
                    : "the " + c.describe() + " does not match: root differs from the " + held.describe()
                            + " this witness holds";
        }
        JsonNode prev = d.body().get("previousSize");
        if (prev == null || !prev.isIntegralNumber() || prev.asLong() != held.size()) {
            return "the consistency proof starts at size " + (prev == null || prev.isNull() ? "none" : prev.asString())
                    + ", but this witness holds the " + held.describe() + "; cannot check that the new log extends it";
        }
        List<byte[]> proof = new ArrayList<>();
        JsonNode p = d.body().get("consistency");
        if (p == null || !p.isArray()) {
            throw bad("consistency", "must be a list of hashes");
        }
        for (JsonNode h : p) {
            try {
                proof.add(HexFormat.of().parseHex(h.asString()));
            } catch (IllegalArgumentException e) {
                throw bad("consistency", "'" + h.asString() + "' is not a hexadecimal hash");
            }
        }
        if (!MerkleTree.verifyConsistency(held.size(), c.size(), held.rootBytes(), c.rootBytes(), proof)) {
            return "the " + c.describe() + " is not consistent with the " + held.describe()
                    + " this witness holds: the new tree does not extend it (entries up to " + held.size()
                    + " were changed or removed)";
        }
        return null;
    }

    private static String reference(Checkpoint c) {
        return c.node() + ":" + c.size();
    }

    private void store(Checkpoint c, String status, String reason) {
        jdbc.sql("""
                insert into audit_witnessed_checkpoint (id, node, size, root, signed_at, signature, status, reason, received_at)
                values (:id, :node, :size, :root, :signed, :sig, :status, :reason, :at)""")
                .param("id", java.util.UUID.randomUUID()).param("node", c.node()).param("size", c.size())
                .param("root", c.root()).param("signed", c.signedAt().atOffset(ZoneOffset.UTC))
                .param("sig", c.signature()).param("status", status)
                .param("reason", reason == null ? null : reason.substring(0, Math.min(2000, reason.length())))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    /** The latest checkpoint accepted from a node. */
    Optional<Checkpoint> latest(String node) {
        return jdbc.sql("""
                select node, size, root, signed_at, signature from audit_witnessed_checkpoint
                where node = :node and status = 'ACCEPTED' order by size desc fetch first 1 rows only""")
                .param("node", node)
                .query((rs, n) -> new Checkpoint(rs.getString(1), rs.getLong(2), rs.getString(3).trim(),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                .optional();
    }

    /** Every checkpoint received from a node, newest first, with the refused ones. */
    List<Witnessed> all(String node) {
        return jdbc.sql("""
                select node, size, root, signed_at, signature, status, reason, received_at from audit_witnessed_checkpoint
                where node = :node order by received_at desc""")
                .param("node", node)
                .query((rs, n) -> new Witnessed(new Checkpoint(rs.getString(1), rs.getLong(2), rs.getString(3).trim(),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)), rs.getString(6),
                        rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant()))
                .list();
    }

    private static FerretException bad(String field, String message) {
        String f = "body." + field;
        return new FerretException(ErrorCode.VALIDATION_FAILED, f + ": " + message, List.of(new FieldProblem(f, message)));
    }
}
