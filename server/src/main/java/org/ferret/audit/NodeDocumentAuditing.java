package org.ferret.audit;

import java.util.Map;

import org.ferret.exchange.DocumentAccepted;
import org.ferret.exchange.DocumentQueued;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audits the documents that leave for and arrive from other nodes. The exchange module publishes its events inside
 * the transaction that stores the document, and this synchronous listener records them in that same transaction.
 */
@Component
class NodeDocumentAuditing {

    private final AuditLog audit;

    NodeDocumentAuditing(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void queued(DocumentQueued e) {
        audit.record("NODE_DOCUMENT_QUEUED", "node_document", e.documentId().toString(), null,
                Map.of("peer", e.peer(), "kind", e.kind().value(), "reference", String.valueOf(e.reference())));
    }

    @EventListener
    void accepted(DocumentAccepted e) {
        audit.record("NODE_DOCUMENT_ACCEPTED", "node_document", e.documentId().toString(), null,
                Map.of("from", e.sender(), "kind", e.kind().value(), "reference", String.valueOf(e.reference())));
    }
}
