package org.ferret.tracing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ferret.registry.ItemId;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;

/**
 * A trace request (Protocol art. 12(4), ITI section V) and where it stands. It is created by {@link #incoming} or
 * {@link #outgoing}; every change is a named, guarded transition that returns the changed request together with the
 * event it publishes, or refuses with {@code ILLEGAL_TRANSITION}. Nothing sets a status directly.
 */
public record TraceRequest(
        TraceRequestId id,
        Direction direction,
        TraceStatus status,
        TraceRequestContent content,
        Progress progress,
        Deadlines due,
        ItemId confirmedItem,
        TraceAnswer answer,
        Peer peer,
        String createdBy,
        int version,
        List<TraceCandidate> candidates) {

    /** INCOMING: answered here; OUTGOING: sent to another node, which answers. */
    public enum Direction {
        INCOMING, OUTGOING
    }

    /** When the request arrived and when each later step was taken (null until taken). */
    public record Progress(Instant receivedAt, Instant acknowledgedAt, Instant answeredAt, Instant closedAt) {
        public Progress {
            if (receivedAt == null) {
                throw new FerretException(ErrorCode.VALIDATION_FAILED, "a trace request has a time of receipt");
            }
        }

        static Progress receivedAt(Instant at) {
            return new Progress(at, null, null, null);
        }

        Progress acknowledged(Instant at) {
            return new Progress(receivedAt, at, answeredAt, closedAt);
        }

        Progress answered(Instant at) {
            return new Progress(receivedAt, acknowledgedAt, at, closedAt);
        }

        Progress closed(Instant at) {
            return new Progress(receivedAt, acknowledgedAt, answeredAt, at);
        }
    }

    /** ITI deadlines: acknowledge receipt by, answer by (set from the urgency when the request arrives). */
    public record Deadlines(Instant acknowledgeBy, Instant answerBy) {
        public Deadlines {
            if (acknowledgeBy == null || answerBy == null) {
                throw new FerretException(ErrorCode.VALIDATION_FAILED, "a trace request has both deadlines");
            }
        }
    }

    /** The other Ferret node of a request that crosses nodes, and that node's own id for it (if it has told us). */
    public record Peer(String node, UUID reference) {
        public Peer {
            if (node == null || node.isBlank()) {
                throw new FerretException(ErrorCode.VALIDATION_FAILED, "a peer node is named");
            }
        }
    }

    /** A transition's result: the request as it now stands and the event that says what happened. */
    public record Changed(TraceRequest request, TraceRequestEvent event) {
    }

    public TraceRequest {
        if (id == null || direction == null || status == null || content == null || progress == null || due == null) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "a trace request has an id, direction, status, content,"
                    + " time of receipt and deadlines");
        }
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** A request received here, from a user of this node ({@code from} null) or from another node. */
    public static Changed incoming(TraceRequestId id, TraceRequestContent content, Instant now, Deadlines due, Peer from,
            String by) {
        TraceRequest t = new TraceRequest(id, Direction.INCOMING, TraceStatus.RECEIVED, content, Progress.receivedAt(now), due,
                null, null, from, by, 0, List.of());
        return new Changed(t, new TraceRequestEvent.Received(id, from == null ? null : from.node(), now));
    }

    /** A request this node sends to another node, which will answer it. */
    public static Changed outgoing(TraceRequestId id, TraceRequestContent content, Instant now, Deadlines due, Peer to,
            String by) {
        if (to == null) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "an outgoing trace request names the node it goes to");
        }
        TraceRequest t = new TraceRequest(id, Direction.OUTGOING, TraceStatus.SENT, content, Progress.receivedAt(now), due,
                null, null, to, by, 0, List.of());
        return new Changed(t, new TraceRequestEvent.Sent(id, to.node(), now));
    }

    public Changed acknowledge(Instant now) {
        require(direction == Direction.INCOMING && status == TraceStatus.RECEIVED, "acknowledge");
        return changed(TraceStatus.ACKNOWLEDGED, progress.acknowledged(now), confirmedItem, answer,
                new TraceRequestEvent.Acknowledged(id, now));
    }

    /** An officer confirmed a candidate against the item in hand: the request is identified (acknowledged on the way). */
    public Changed confirm(ItemId item, Instant now) {
        require(direction == Direction.INCOMING
                && (status == TraceStatus.RECEIVED || status == TraceStatus.ACKNOWLEDGED), "confirm a candidate of");
        TraceCandidate c = proposed(item);
        Progress p = progress.acknowledgedAt() == null ? progress.acknowledged(now) : progress;
        return changed(TraceStatus.IDENTIFIED, p, item, answer,
                new TraceRequestEvent.CandidateConfirmed(id, item, c.serial(), now));
    }

    /** An officer checked a candidate and it is not the item in hand; the request stays where it is. */
    public Changed reject(ItemId item, Instant now) {
        require(direction == Direction.INCOMING && status.open() && status != TraceStatus.IDENTIFIED,
                "reject a candidate of");
        TraceCandidate c = proposed(item);
        return new Changed(this, new TraceRequestEvent.CandidateRejected(id, item, c.serial(), now));
    }

    /** Answers: TRACED needs a confirmed item; NOT_TRACED needs every candidate rejected. */
    public Changed answer(TraceAnswer a, Instant now) {
        require(direction == Direction.INCOMING && status != TraceStatus.RECEIVED && status.open(), "answer");
        if (a.outcome() == TraceAnswer.Outcome.TRACED && status != TraceStatus.IDENTIFIED) {
            throw refused("answer as traced: no candidate has been confirmed");
        }
        if (a.outcome() == TraceAnswer.Outcome.NOT_TRACED && (status == TraceStatus.IDENTIFIED
                || candidates.stream().anyMatch(c -> c.decision() == TraceCandidate.Decision.PROPOSED))) {
            throw refused("answer as not traced while a candidate is confirmed or still undecided");
        }
        return changed(TraceStatus.ANSWERED, progress.answered(now), confirmedItem, a,
                new TraceRequestEvent.Answered(id, a.outcome(), confirmedItem, now));
    }

    /** The other node acknowledged receipt of an outgoing request. */
    public Changed acknowledgedByPeer(Instant now) {
        require(direction == Direction.OUTGOING && status == TraceStatus.SENT, "record an acknowledgement for");
        return changed(TraceStatus.ACKNOWLEDGED, progress.acknowledged(now), confirmedItem, answer,
                new TraceRequestEvent.AcknowledgedByPeer(id, peer.node(), now));
    }

    /** The answer to an outgoing request arrived from the other node. */
    public Changed answerReceived(TraceAnswer a, Instant now) {
        require(direction == Direction.OUTGOING
                && (status == TraceStatus.SENT || status == TraceStatus.ACKNOWLEDGED), "record an answer for");
        ItemId item = a.itemId() == null ? null : new ItemId(a.itemId());
        return changed(TraceStatus.ANSWERED, progress.answered(now), item, a,
                new TraceRequestEvent.AnswerReceived(id, peer.node(), a.outcome(), now));
    }

    public Changed close(Instant now) {
        require(status == TraceStatus.ANSWERED, "close");
        return changed(TraceStatus.CLOSED, progress.closed(now), confirmedItem, answer, new TraceRequestEvent.Closed(id, now));
    }

    /** Overdue: still unanswered after its answer deadline, or unacknowledged after its acknowledgement deadline. */
    public boolean overdue(Instant now) {
        if (direction != Direction.INCOMING || !status.open()) {
            return false;
        }
        return now.isAfter(due.answerBy()) || (status == TraceStatus.RECEIVED && now.isAfter(due.acknowledgeBy()));
    }

    /** The candidate for this item, which must still await a decision. */
    private TraceCandidate proposed(ItemId item) {
        TraceCandidate c = candidates.stream().filter(x -> x.itemId().equals(item.value())).findFirst()
                .orElseThrow(() -> new FerretException(ErrorCode.VALIDATION_FAILED, "item " + item
                        + " is not a candidate of trace request " + id,
                        List.of(new FerretException.FieldProblem("itemId", "not a candidate of this request"))));
        if (c.decision() != TraceCandidate.Decision.PROPOSED) {
            throw new FerretException(ErrorCode.ILLEGAL_TRANSITION, "the candidate with serial " + c.serial()
                    + " was already " + org.ferret.shared.Words.lower(c.decision()));
        }
        return c;
    }

    private Changed changed(TraceStatus s, Progress p, ItemId item, TraceAnswer a, TraceRequestEvent event) {
        return new Changed(new TraceRequest(id, direction, s, content, p, due, item, a, peer, createdBy, version, candidates),
                event);
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw refused(what + " it");
        }
    }

    private FerretException refused(String what) {
        return new FerretException(ErrorCode.ILLEGAL_TRANSITION, "the trace request " + content.caseReference() + " is "
                + status.words() + " (" + (direction == Direction.INCOMING ? "received here" : "sent to another node")
                + "): cannot " + what);
    }
}
