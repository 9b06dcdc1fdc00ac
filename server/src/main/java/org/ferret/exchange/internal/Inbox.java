package org.ferret.exchange.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.exchange.DocumentAccepted;
import org.ferret.exchange.DocumentHandler;
import org.ferret.exchange.DocumentKind;
import org.ferret.exchange.IncomingDocument;
import org.ferret.exchange.NodeDocument;
import org.ferret.exchange.NodeKeys;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
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
 * that does not verify, a document for another node, a kind no module here handles, a stale document, and a
 * document id or nonce already seen (replay). Recording the document and the owning module's handling of it share
 * one transaction, so a refusal by the handler leaves nothing behind.
 */
@Component
public class Inbox {

    static final Duration MAX_AGE = Duration.ofDays(7);
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final NodeKeys keys;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Map<DocumentKind, DocumentHandler> handlers = new HashMap<>();

    Inbox(JdbcClient jdbc, NodeKeys keys, ObjectMapper json, Clock clock, TransactionTemplate tx,
            ApplicationEventPublisher events, ObjectProvider<DocumentHandler> handlers) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.tx = tx;
        this.events = events;
        for (DocumentHandler h : handlers.orderedStream().toList()) {
            for (DocumentKind k : h.kinds()) {
                DocumentHandler other = this.handlers.putIfAbsent(k, h);
                if (other != null) {
                    throw new IllegalStateException("document kind " + k + " is claimed by both "
                            + other.getClass().getName() + " and " + h.getClass().getName());
                }
            }
        }
    }

    /** What the receiving node did with a document. */
    public record Receipt(UUID documentId, String kind, String from, String reference) {
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
        try {
            id = UUID.fromString(text(doc, "id"));
            created = Instant.parse(text(doc, "createdAt"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw bad("document", "id or createdAt is malformed: " + e.getMessage());
        }
        DocumentKind kind = new DocumentKind(text(doc, "kind"));
        DocumentHandler handler = handlers.get(kind);
        if (handler == null) {
            throw bad("kind", "no module on node '" + keys.nodeId() + "' receives documents of kind " + kind);
        }
        String nonce = text(doc, "nonce");
        if (nonce.length() < 16 || nonce.length() > 64) {
            throw bad("nonce", "must have 16 to 64 characters");
        }
        Instant now = clock.instant();
        if (created.isBefore(now.minus(MAX_AGE)) || created.isAfter(now.plus(MAX_SKEW))) {
            throw bad("createdAt", "the document was created at " + created + ", outside the accepted window");
        }
        if (seen("document_id = :v", id, null) || seen("nonce = :v and peer_node = :peer", nonce, sender)) {
            throw replayed(id);
        }
        JsonNode body = doc.get("body");
        if (body == null || !body.isObject()) {
            throw bad("body", "must be an object");
        }
        IncomingDocument incoming = new IncomingDocument(id, kind, sender, created, body, json);
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
                        .param("id", id).param("peer", sender).param("kind", kind.value()).param("nonce", nonce)
                        .param("body", envelope.document()).param("sig", envelope.signature())
                        .param("created", ts(created)).param("at", ts(now)).update();
                String reference = handler.accept(incoming);
                if (reference != null) {
                    jdbc.sql("update tracing_node_document set reference = :r where document_id = :id")
                            .param("r", reference).param("id", id).update();
                }
                events.publishEvent(new DocumentAccepted(id, sender, kind, reference));
                return new Receipt(id, kind.value(), sender, reference);
            });
        } catch (DuplicateKeyException race) {
            throw replayed(id);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private boolean seen(String where, Object v, String peer) {
        var q = jdbc.sql("select count(*) from tracing_node_document where direction = 'IN' and " + where).param("v", v);
        if (peer != null) {
            q = q.param("peer", peer);
        }
        return q.query(Long.class).single() > 0;
    }

    static java.time.OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
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
