package org.ferret.tracing.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ferret.tracing.TraceAnswer;
import org.ferret.tracing.TraceCandidate;
import org.ferret.tracing.TraceRequest;
import org.ferret.tracing.TraceRequestContent;
import org.ferret.tracing.TraceStatus;

/** A trace request as the API shows it: the domain record flattened to the fields clients read. */
record TraceRequestJson(UUID id, TraceRequest.Direction direction, TraceStatus status, TraceRequestContent content,
        Instant receivedAt, Instant acknowledgeDue, Instant answerDue, Instant acknowledgedAt, Instant answeredAt,
        Instant closedAt, UUID confirmedItem, TraceAnswer answer, String peerNode, UUID peerReference, String createdBy,
        int version, List<TraceCandidate> candidates) {

    static TraceRequestJson of(TraceRequest t) {
        var p = t.progress();
        return new TraceRequestJson(t.id().value(), t.direction(), t.status(), t.content(), p.receivedAt(),
                t.due().acknowledgeBy(), t.due().answerBy(), p.acknowledgedAt(), p.answeredAt(), p.closedAt(),
                t.confirmedItem() == null ? null : t.confirmedItem().value(), t.answer(),
                t.peer() == null ? null : t.peer().node(), t.peer() == null ? null : t.peer().reference(), t.createdBy(),
                t.version(), t.candidates());
    }

    static List<TraceRequestJson> of(List<TraceRequest> all) {
        return all.stream().map(TraceRequestJson::of).toList();
    }
}
