package org.ferret.tracing;

import java.util.Set;
import java.util.UUID;

import org.ferret.exchange.DocumentHandler;
import org.ferret.exchange.DocumentKind;
import org.ferret.exchange.IncomingDocument;
import org.springframework.stereotype.Component;

/** Receives the tracing documents from other nodes (through the exchange module) and hands them to the workflow. */
@Component
class TraceDocuments implements DocumentHandler {

    static final DocumentKind REQUEST = DocumentKind.of("TRACE_REQUEST");
    static final DocumentKind ACKNOWLEDGED = DocumentKind.of("TRACE_ACKNOWLEDGED");
    static final DocumentKind ANSWER = DocumentKind.of("TRACE_ANSWER");

    private final TraceRequests traces;

    TraceDocuments(TraceRequests traces) {
        this.traces = traces;
    }

    @Override
    public Set<DocumentKind> kinds() {
        return Set.of(REQUEST, ACKNOWLEDGED, ANSWER);
    }

    @Override
    public String accept(IncomingDocument d) {
        UUID ref = d.uuid("requestId");
        if (d.kind().equals(REQUEST)) {
            TraceRequestContent content = d.object("content", TraceRequestContent.class);
            return traces.receiveFromPeer(content, d.sender(), ref).id().toString();
        }
        if (d.kind().equals(ACKNOWLEDGED)) {
            traces.acknowledgementReceived(ref, d.sender());
        } else {
            traces.answerReceived(ref, d.object("answer", TraceAnswer.class), d.sender());
        }
        return ref.toString();
    }
}
