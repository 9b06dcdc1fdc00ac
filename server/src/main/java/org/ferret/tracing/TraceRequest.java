package org.ferret.tracing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;

/**
 * A trace request (Protocol art. 12(4), ITI section V) and where it stands. State changes are named, guarded
 * methods that return the changed request or refuse with {@code ILLEGAL_TRANSITION}; nothing sets a status directly.
 */
public record TraceRequest(
        UUID id,
        Direction direction,
        TraceStatus status,
        TraceRequestContent content,
        Instant receivedAt,
        Instant acknowledgeDue,
        Instant answerDue,
        Instant acknowledgedAt,
        Instant answeredAt,
        Instant closedAt,
        UUID confirmedItem,
        TraceAnswer answer,
        String peerNode,
        UUID peerReference,
        String createdBy,
        int version,
        List<TraceCandidate> candidates) {

    /** INCOMING: answered here; OUTGOING: sent to another node, which answers. */
    public enum Direction {
        INCOMING, OUTGOING
    }

    public TraceRequest {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public TraceRequest acknowledge(Instant now) {
        require(direction == Direction.INCOMING && status == TraceStatus.RECEIVED, "acknowledge");
        return with(TraceStatus.ACKNOWLEDGED, now, answeredAt, closedAt, confirmedItem, answer);
    }

    /** An officer confirmed a candidate against the item: the request is identified (acknowledged on the way). */
    public TraceRequest identify(UUID item, Instant now) {
        require(direction == Direction.INCOMING
                && (status == TraceStatus.RECEIVED || status == TraceStatus.ACKNOWLEDGED), "identify an item for");
        return with(TraceStatus.IDENTIFIED, acknowledgedAt == null ? now : acknowledgedAt, answeredAt, closedAt, item, answer);
    }

    /** Answers: TRACED needs a confirmed item; NOT_TRACED needs every candidate rejected. */
    public TraceRequest answer(TraceAnswer a, Instant now) {
        require(direction == Direction.INCOMING && status != TraceStatus.RECEIVED && status.open(), "answer");
        if (a.outcome() == TraceAnswer.Outcome.TRACED && status != TraceStatus.IDENTIFIED) {
            throw refused("answer as traced: no candidate has been confirmed");
        }
        if (a.outcome() == TraceAnswer.Outcome.NOT_TRACED && (status == TraceStatus.IDENTIFIED
                || candidates.stream().anyMatch(c -> c.decision() == TraceCandidate.Decision.PROPOSED))) {
            throw refused("answer as not traced while a candidate is confirmed or still undecided");
        }
        return with(TraceStatus.ANSWERED, acknowledgedAt, now, closedAt, confirmedItem, a);
    }

    /** The other node acknowledged receipt of an outgoing request. */
    public TraceRequest acknowledgedByPeer(Instant now) {
        require(direction == Direction.OUTGOING && status == TraceStatus.SENT, "record an acknowledgement for");
        return with(TraceStatus.ACKNOWLEDGED, now, answeredAt, closedAt, confirmedItem, answer);
    }

    /** The answer to an outgoing request arrived from the other node. */
    public TraceRequest answerReceived(TraceAnswer a, Instant now) {
        require(direction == Direction.OUTGOING
                && (status == TraceStatus.SENT || status == TraceStatus.ACKNOWLEDGED), "record an answer for");
        return with(TraceStatus.ANSWERED, acknowledgedAt, now, closedAt, a.itemId(), a);
    }

    public TraceRequest close(Instant now) {
        require(status == TraceStatus.ANSWERED, "close");
        return with(TraceStatus.CLOSED, acknowledgedAt, answeredAt, now, confirmedItem, answer);
    }

    /** Overdue: still unanswered after its answer deadline, or unacknowledged after its acknowledgement deadline. */
    public boolean overdue(Instant now) {
        if (direction != Direction.INCOMING || !status.open()) {
            return false;
        }
        return now.isAfter(answerDue) || (status == TraceStatus.RECEIVED && now.isAfter(acknowledgeDue));
    }

    private TraceRequest with(TraceStatus s, Instant ack, Instant answered, Instant closed, UUID item, TraceAnswer a) {
        return new TraceRequest(id, direction, s, content, receivedAt, acknowledgeDue, answerDue, ack, answered, closed,
                item, a, peerNode, peerReference, createdBy, version, candidates);
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw refused(what + " it");
        }
    }

    private FerretException refused(String what) {
        return new FerretException(ErrorCode.ILLEGAL_TRANSITION, "trace request " + id + " is " + status
                + " (" + direction.name().toLowerCase() + "): cannot " + what);
    }
}
