package org.ferret.tracing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.audit.AuditLog;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Accepts signed documents from other nodes. Refuses, before anything is written: an unknown sender, a signature
 * that does not verify, a document for another node, a stale document, and a document id or nonce already seen
 * (replay). Recording the document and acting on it share one transaction, so a failure leaves nothing behind.
 */
@Component
public class NodeInbox {

    static final Duration MAX_AGE = Duration.ofDays(7);
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final NodeKeys keys;
    private final ObjectMapper json;
    private final Clock clock;
    private final TraceRequests traces;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    NodeInbox(JdbcClient jdbc, NodeKeys keys, ObjectMapper json, Clock clock, TraceRequests traces, AuditLog audit,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.traces = traces;
        this.audit = audit;
        this.tx = tx;
    }

    /** What the receiving node did with a document. */
    public record Receipt(UUID documentId, String kind, String from, UUID traceRequest) {
    }

    public Receipt receive(NodeDocument.Envelope envelope) {
        if (envelope == null || envelope.document() == null || envelope.signature() == null) {
            throw bad("document", "a signed envelope {document, signature} is required");
        }
        JsonNode doc;
        try {
            doc = json.readTree(envelope.document());
        } catch (JacksonException e) {
            throw new FerretException(ErrorCode.MALFORMED_REQUEST, "the document is not valid JSON: " + e.getOriginalMessage());
        }
        String sender = text(doc, "sender");
        if (keys.peer(sender).isEmpty()) {
            throw new FerretException(ErrorCode.UNKNOWN_NODE, "documents from node '" + sender + "' are not accepted here");
        }
        if (!keys.verify(sender, envelope.document(), envelope.signature())) {
            throw new FerretException(ErrorCode.SIGNATURE_INVALID,
                    "the signature does not verify with the key of node '" + sender + "'; the document was not accepted");
        }
        String recipient = text(doc, "recipient");
        if (!keys.nodeId().equals(recipient)) {
            throw bad("recipient", "the document is addressed to '" + recipient + "', this node is '" + keys.nodeId() + "'");
        }
        UUID id;
        Instant created;
        NodeDocument.Kind kind;
        try {
            id = UUID.fromString(text(doc, "id"));
            created = Instant.parse(text(doc, "createdAt"));
            kind = NodeDocument.Kind.valueOf(text(doc, "kind"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw bad("document", "id, createdAt or kind is malformed: " + e.getMessage());
        }
        String nonce = text(doc, "nonce");
        if (nonce.length() < 16 || nonce.length() > 64) {
            throw bad("nonce", "must have 16 to 64 characters");
        }
        Instant now = clock.instant();
        if (created.isBefore(now.minus(MAX_AGE)) || created.isAfter(now.plus(MAX_SKEW))) {
            throw bad("createdAt", "the document was created at " + created + ", outside the accepted window");
        }
        if (seen("document_id = :v", id) || seen("nonce = :v and peer_node = '" + sender.replace("'", "") + "'", nonce)) {
            throw replayed(id);
        }
        JsonNode body = doc.get("body");
        if (body == null || !body.isObject()) {
            throw bad("body", "must be an object");
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("node:" + sender, null, List.of()));
        SecurityContextHolder.setContext(ctx);
        try {
            return tx.execute(s -> {
                jdbc.sql("""
                        insert into tracing_node_document (document_id, direction, peer_node, kind, nonce, body, signature,
                            status, attempts, created_at, delivered_at)
                        values (:id, 'IN', :peer, :kind, :nonce, :body, :sig, 'ACCEPTED', 1, :created, :at)""")
                        .param("id", id).param("peer", sender).param("kind", kind.name()).param("nonce", nonce)
                        .param("body", envelope.document()).param("sig", envelope.signature())
                        .param("created", TraceStore.ts(created)).param("at", TraceStore.ts(now)).update();
                UUID trace = switch (kind) {
                    case TRACE_REQUEST -> {
                        UUID ref = uuid(body, "requestId");
                        TraceRequestContent content = content(body.get("content"), TraceRequestContent.class, "content");
                        yield traces.receiveFromPeer(content, sender, ref).id().value();
                    }
                    case TRACE_ACKNOWLEDGED -> {
                        UUID ref = uuid(body, "requestId");
                        traces.acknowledgementReceived(ref, sender);
                        yield ref;
                    }
                    case TRACE_ANSWER -> {
                        UUID ref = uuid(body, "requestId");
                        TraceAnswer answer = content(body.get("answer"), TraceAnswer.class, "answer");
                        traces.answerReceived(ref, answer, sender);
                        yield ref;
                    }
                };
                jdbc.sql("update tracing_node_document set trace_request = :t where document_id = :id")
                        .param("t", trace).param("id", id).update();
                audit.record("NODE_DOCUMENT_ACCEPTED", "node_document", id.toString(), null,
                        Map.of("from", sender, "kind", kind, "traceRequest", trace));
                return new Receipt(id, kind.name(), sender, trace);
            });
        } catch (DuplicateKeyException race) {
            throw replayed(id);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private boolean seen(String where, Object v) {
        return jdbc.sql("select count(*) from tracing_node_document where direction = 'IN' and " + where)
                .param("v", v).query(Long.class).single() > 0;
    }

    private <T> T content(JsonNode node, Class<T> type, String field) {
        if (node == null || !node.isObject()) {
            throw bad("body." + field, "must be an object");
        }
        try {
            return json.treeToValue(node, type);
        } catch (JacksonException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof FerretException fe) {
                    throw fe;
                }
            }
            throw bad("body." + field, e.getOriginalMessage());
        }
    }

    private static UUID uuid(JsonNode body, String field) {
        try {
            return UUID.fromString(text(body, field));
        } catch (IllegalArgumentException e) {
            throw bad("body." + field, "must be a UUID");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            throw bad(field, "must be given");
        }
        return v.asString();
    }

    private static FerretException bad(String field, String message) {
        return new FerretException(ErrorCode.VALIDATION_FAILED, field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    private static FerretException replayed(UUID id) {
        return new FerretException(ErrorCode.DOCUMENT_REPLAYED,
                "document " + id + " (or its nonce) was already received; a document is accepted once");
    }
}
