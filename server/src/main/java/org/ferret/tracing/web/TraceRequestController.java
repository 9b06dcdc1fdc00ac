package org.ferret.tracing.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;

import org.ferret.registry.ItemId;
import org.ferret.tracing.TraceRequestId;
import org.ferret.tracing.TraceRequestContent;
import org.ferret.tracing.TraceRequests;
import org.ferret.tracing.TraceStatus;
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

/** Trace requests: receive, send to another node, decide candidates, answer, close; the overdue list. Node documents arrive through the exchange module. */
@Tag(name = "Tracing: trace requests", description = "Trace requests under the International Tracing Instrument")
@RestController
@RequestMapping("/api/v1/tracing")
class TraceRequestController {

    private final TraceRequests traces;

    TraceRequestController(TraceRequests traces) {
        this.traces = traces;
    }

    @PostMapping("/requests")
    @CanTrace
    @ResponseStatus(HttpStatus.CREATED)
    TraceRequestJson receive(@RequestBody TraceRequestContent content) {
        return TraceRequestJson.of(traces.receive(content));
    }

    /** The request to send: its content and the node that should answer it. */
    record Outgoing(String peer, TraceRequestContent content) {
    }

    @PostMapping("/requests/outgoing")
    @CanTrace
    @ResponseStatus(HttpStatus.CREATED)
    TraceRequestJson send(@RequestBody Outgoing o) {
        if (o.content() == null) {
            throw new org.ferret.shared.FerretException(org.ferret.shared.ErrorCode.VALIDATION_FAILED,
                    "content: the trace request must be given",
                    List.of(new org.ferret.shared.FerretException.FieldProblem("content", "must be given")));
        }
        return TraceRequestJson.of(traces.send(o.content(), o.peer()));
    }

    @GetMapping("/requests")
    @CanTrace
    List<TraceRequestJson> list(@RequestParam(required = false) TraceStatus status) {
        return TraceRequestJson.of(traces.list(status));
    }

    @GetMapping("/requests/overdue")
    @CanTrace
    List<TraceRequestJson> overdue() {
        return TraceRequestJson.of(traces.overdue());
    }

    @GetMapping("/requests/{id}")
    @CanTrace
    TraceRequestJson get(@PathVariable UUID id) {
        return TraceRequestJson.of(traces.get(new TraceRequestId(id)));
    }

    @PostMapping("/requests/{id}/acknowledge")
    @CanTrace
    TraceRequestJson acknowledge(@PathVariable UUID id) {
        return TraceRequestJson.of(traces.acknowledge(new TraceRequestId(id)));
    }

    /** An officer's decision on one candidate. */
    record CandidateDecision(String note) {
    }

    @PostMapping("/requests/{id}/candidates/{itemId}/confirm")
    @CanTrace
    TraceRequestJson confirm(@PathVariable UUID id, @PathVariable UUID itemId,
            @RequestBody(required = false) CandidateDecision d) {
        return TraceRequestJson.of(traces.confirm(new TraceRequestId(id), new ItemId(itemId), d == null ? null : d.note()));
    }

    @PostMapping("/requests/{id}/candidates/{itemId}/reject")
    @CanTrace
    TraceRequestJson reject(@PathVariable UUID id, @PathVariable UUID itemId,
            @RequestBody(required = false) CandidateDecision d) {
        return TraceRequestJson.of(traces.reject(new TraceRequestId(id), new ItemId(itemId), d == null ? null : d.note()));
    }

    /** Remarks to add to the answer. */
    record AnswerRequest(String remarks) {
    }

    @PostMapping("/requests/{id}/answer")
    @CanTrace
    TraceRequestJson answer(@PathVariable UUID id, @RequestBody(required = false) AnswerRequest a) {
        return TraceRequestJson.of(traces.answer(new TraceRequestId(id), a == null ? null : a.remarks()));
    }

    @PostMapping("/requests/{id}/close")
    @CanTrace
    TraceRequestJson close(@PathVariable UUID id) {
        return TraceRequestJson.of(traces.close(new TraceRequestId(id)));
    }
}
