package org.ferret.tracing.web;

import java.util.List;
import java.util.UUID;

import org.ferret.tracing.NodeInbox;
import org.ferret.tracing.NodeDocument;
import org.ferret.tracing.NodeOutbox;
import org.ferret.tracing.TraceRequest;
import org.ferret.tracing.TraceRequestContent;
import org.ferret.tracing.TraceRequests;
import org.ferret.tracing.TraceStatus;
import org.ferret.shared.access.CanAdminister;
import org.ferret.shared.access.CanTrace;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Trace requests: receive, send to another node, decide candidates, answer, close; the overdue list; node exchange. */
@RestController
@RequestMapping("/api/v1/tracing")
class TraceRequestController {

    private final TraceRequests traces;
    private final NodeInbox inbox;
    private final NodeOutbox outbox;

    TraceRequestController(TraceRequests traces, NodeInbox inbox, NodeOutbox outbox) {
        this.traces = traces;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    @PostMapping("/requests")
    @CanTrace
    @ResponseStatus(HttpStatus.CREATED)
    TraceRequest receive(@RequestBody TraceRequestContent content) {
        return traces.receive(content);
    }

    /** The request to send: its content and the node that should answer it. */
    record Outgoing(String peer, TraceRequestContent content) {
    }

    @PostMapping("/requests/outgoing")
    @CanTrace
    @ResponseStatus(HttpStatus.CREATED)
    TraceRequest send(@RequestBody Outgoing o) {
        if (o.content() == null) {
            throw new org.ferret.shared.FerretException(org.ferret.shared.ErrorCode.VALIDATION_FAILED,
                    "content: the trace request must be given",
                    List.of(new org.ferret.shared.FerretException.FieldProblem("content", "must be given")));
        }
        return traces.send(o.content(), o.peer());
    }

    @GetMapping("/requests")
    @CanTrace
    List<TraceRequest> list(@RequestParam(required = false) TraceStatus status) {
        return traces.list(status);
    }

    @GetMapping("/requests/overdue")
    @CanTrace
    List<TraceRequest> overdue() {
        return traces.overdue();
    }

    @GetMapping("/requests/{id}")
    @CanTrace
    TraceRequest get(@PathVariable UUID id) {
        return traces.get(id);
    }

    @PostMapping("/requests/{id}/acknowledge")
    @CanTrace
    TraceRequest acknowledge(@PathVariable UUID id) {
        return traces.acknowledge(id);
    }

    /** An officer's decision on one candidate. */
    record CandidateDecision(String note) {
    }

    @PostMapping("/requests/{id}/candidates/{itemId}/confirm")
    @CanTrace
    TraceRequest confirm(@PathVariable UUID id, @PathVariable UUID itemId, @RequestBody(required = false) CandidateDecision d) {
        return traces.decide(id, itemId, true, d == null ? null : d.note());
    }

    @PostMapping("/requests/{id}/candidates/{itemId}/reject")
    @CanTrace
    TraceRequest reject(@PathVariable UUID id, @PathVariable UUID itemId, @RequestBody(required = false) CandidateDecision d) {
        return traces.decide(id, itemId, false, d == null ? null : d.note());
    }

    /** Remarks to add to the answer. */
    record AnswerRequest(String remarks) {
    }

    @PostMapping("/requests/{id}/answer")
    @CanTrace
    TraceRequest answer(@PathVariable UUID id, @RequestBody(required = false) AnswerRequest a) {
        return traces.answer(id, a == null ? null : a.remarks());
    }

    @PostMapping("/requests/{id}/close")
    @CanTrace
    TraceRequest close(@PathVariable UUID id) {
        return traces.close(id);
    }

    /** Signed documents from other Ferret nodes; authenticated by signature, not by user (see ExchangeSecurity). */
    @PostMapping("/exchange")
    NodeInbox.Receipt exchange(@RequestBody NodeDocument.Envelope envelope) {
        return inbox.receive(envelope);
    }

    @GetMapping("/exchange/outgoing")
    @CanAdminister
    List<NodeOutbox.Outgoing> outgoing() {
        return outbox.outgoing();
    }
}
