package org.ferret.tracing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemView;
import org.ferret.registry.Registry;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tracing workflow: receive a trace request (from a user here or from another node), propose candidates from
 * the marking search, let a tracing officer confirm or reject them, answer with the chain of custody, close; send
 * requests to other nodes and record their answers. Every change is audited in its transaction.
 */
@Service
public class TraceRequests {

    private final TraceStore store;
    private final MarkingSearch search;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;
    private final TracingProperties props;
    private final NodeOutbox outbox;

    TraceRequests(TraceStore store, MarkingSearch search, Registry registry, AuditLog audit, Clock clock,
            TracingProperties props, NodeOutbox outbox) {
        this.store = store;
        this.search = search;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.props = props;
        this.outbox = outbox;
    }

    /** Records a request received here and proposes candidates for its markings. */
    @Transactional
    public TraceRequest receive(TraceRequestContent content) {
        return receive(content, null, null);
    }

    /** A request that arrived from another node; a second delivery of the same request changes nothing. */
    @Transactional
    TraceRequest receiveFromPeer(TraceRequestContent content, String peer, UUID peerReference) {
        return store.findByPeer(peer, peerReference, TraceRequest.Direction.INCOMING)
                .orElseGet(() -> receive(content, peer, peerReference));
    }

    private TraceRequest receive(TraceRequestContent content, String peer, UUID peerReference) {
        Instant now = now();
        TraceRequest t = new TraceRequest(UUID.randomUUID(), TraceRequest.Direction.INCOMING, TraceStatus.RECEIVED, content,
                now, now.plus(props.acknowledgeWithin(content.urgency())), now.plus(props.answerWithin(content.urgency())),
                null, null, null, null, null, peer, peerReference, Actor.current().username(), 0, List.of());
        store.insert(t);
        Map<UUID, TraceCandidate> proposed = new LinkedHashMap<>();
        for (MarkingRead m : content.markings()) {
            SearchResult r;
            try {
                r = search.search(new SearchQuery(m.marking(), false, null, null, null, null, null, MarkingSearch.MAX_LIMIT));
            } catch (FerretException unreadable) {
                if (unreadable.code() == ErrorCode.VALIDATION_FAILED && m.obliterated()) {
                    continue; // too little of an obliterated marking is legible to search
                }
                throw unreadable;
            }
            for (Candidate c : r.candidates()) {
                TraceCandidate tc = new TraceCandidate(c.itemId(), c.serial(), c.score(), c.summary(), c.explanation(),
                        TraceCandidate.Decision.PROPOSED, null, null);
                proposed.merge(c.itemId(), tc, (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        proposed.values().forEach(c -> store.insertCandidate(t.id(), c));
        audit.record("TRACE_REQUEST_RECEIVED", "trace_request", t.id().toString(), null,
                Map.of("content", content, "candidates", proposed.size(), "peer", peer == null ? "" : peer));
        return get(t.id());
    }

    /** Sends a request to another node; it is delivered (and retried) by the outbox. */
    @Transactional
    public TraceRequest send(TraceRequestContent content, String peer) {
        if (!outbox.knows(peer)) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "unknown node '" + peer + "'",
                    List.of(new FieldProblem("peer", "no node '" + peer + "' is configured; known: " + outbox.peers())));
        }
        Instant now = now();
        TraceRequest t = new TraceRequest(UUID.randomUUID(), TraceRequest.Direction.OUTGOING, TraceStatus.SENT, content,
                now, now.plus(props.acknowledgeWithin(content.urgency())), now.plus(props.answerWithin(content.urgency())),
                null, null, null, null, null, peer, null, Actor.current().username(), 0, List.of());
        store.insert(t);
        outbox.enqueue(peer, NodeDocument.Kind.TRACE_REQUEST, t.id(), Map.of("requestId", t.id(), "content", content));
        audit.record("TRACE_REQUEST_SENT", "trace_request", t.id().toString(), null, Map.of("content", content, "peer", peer));
        return get(t.id());
    }

    public TraceRequest get(UUID id) {
        return store.find(id).orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "trace request " + id + " not found"));
    }

    public List<TraceRequest> list(TraceStatus status) {
        return status == null ? store.list("") : store.list("where status = ?", status.name());
    }

    /** Open incoming requests past a deadline (answer, or acknowledgement while still unacknowledged). */
    public List<TraceRequest> overdue() {
        Instant now = now();
        return store.list("where direction = 'INCOMING' and status in ('RECEIVED', 'ACKNOWLEDGED', 'IDENTIFIED')")
                .stream().filter(t -> t.overdue(now)).toList();
    }

    @Transactional
    public TraceRequest acknowledge(UUID id) {
        TraceRequest before = get(id);
        TraceRequest after = before.acknowledge(now());
        TraceRequest saved = save("TRACE_REQUEST_ACKNOWLEDGED", before, after);
        acknowledgeToPeer(saved);
        return saved;
    }

    /** A request from another node: tell it that the request was received and is being worked on. */
    private void acknowledgeToPeer(TraceRequest t) {
        if (t.peerNode() != null && t.direction() == TraceRequest.Direction.INCOMING) {
            outbox.enqueue(t.peerNode(), NodeDocument.Kind.TRACE_ACKNOWLEDGED, t.id(),
                    Map.of("requestId", t.peerReference(), "acknowledgedAt", String.valueOf(t.acknowledgedAt())));
        }
    }

    /** The other node acknowledged a request this node sent; late or repeated acknowledgements change nothing. */
    @Transactional
    void acknowledgementReceived(UUID requestId, String peer) {
        TraceRequest before = sentTo(requestId, peer);
        if (before.status() == TraceStatus.SENT) {
            save("TRACE_ACK_RECEIVED", before, before.acknowledgedByPeer(now()));
        }
    }

    private TraceRequest sentTo(UUID requestId, String peer) {
        TraceRequest t = store.find(requestId).orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND,
                "no trace request " + requestId + " was sent from this node"));
        if (t.direction() != TraceRequest.Direction.OUTGOING || !peer.equals(t.peerNode())) {
            throw new FerretException(ErrorCode.FORBIDDEN, "trace request " + requestId + " was not sent to " + peer);
        }
        return t;
    }

    /** Confirms (the item in hand is this record) or rejects a proposed candidate. */
    @Transactional
    public TraceRequest decide(UUID id, UUID item, boolean confirm, String note) {
        TraceRequest before = get(id);
        TraceCandidate c = before.candidates().stream().filter(x -> x.itemId().equals(item)).findFirst()
                .orElseThrow(() -> new FerretException(ErrorCode.VALIDATION_FAILED, "item " + item
                        + " is not a candidate of trace request " + id, List.of(new FieldProblem("itemId", "not a candidate"))));
        if (c.decision() != TraceCandidate.Decision.PROPOSED) {
            throw new FerretException(ErrorCode.ILLEGAL_TRANSITION, "candidate " + item + " was already " + c.decision());
        }
        Instant now = now();
        TraceRequest after = confirm ? before.identify(item, now) : requireOpen(before);
        store.decideCandidate(id, item, confirm ? TraceCandidate.Decision.CONFIRMED : TraceCandidate.Decision.REJECTED,
                Actor.current().username(), now);
        String read = String.join(" / ", before.content().markings().stream().map(MarkingRead::marking).toList());
        search.decide(item, read.substring(0, Math.min(100, read.length())), c.serial(),
                confirm ? Confirmation.Decision.CONFIRMED : Confirmation.Decision.REJECTED, id, note);
        if (confirm) {
            TraceRequest saved = save("TRACE_CANDIDATE_CONFIRMED", before, after);
            if (before.status() == TraceStatus.RECEIVED) {
                acknowledgeToPeer(saved); // identified straight away: acknowledged on the way
            }
        } else {
            audit.record("TRACE_CANDIDATE_REJECTED", "trace_request", id.toString(), null, Map.of("item", item));
        }
        return get(id);
    }

    private static TraceRequest requireOpen(TraceRequest t) {
        if (t.direction() != TraceRequest.Direction.INCOMING || !t.status().open() || t.status() == TraceStatus.IDENTIFIED) {
            throw new FerretException(ErrorCode.ILLEGAL_TRANSITION, "trace request " + t.id() + " is " + t.status()
                    + ": candidates can no longer be rejected");
        }
        return t;
    }

    /**
     * Answers: with the confirmed item's chain of custody (TRACED) or, when every candidate was rejected, NOT_TRACED.
     * A request from another node gets the answer sent back as a signed document.
     */
    @Transactional
    public TraceRequest answer(UUID id, String remarks) {
        TraceRequest before = get(id);
        Instant now = now();
        String by = Actor.current().username();
        TraceAnswer a;
        if (before.status() == TraceStatus.IDENTIFIED) {
            ItemView item = registry.get(new ItemId(before.confirmedItem()));
            a = CustodyChain.traced(item, before.content().recoveredOn(), registry::holder, remarks, by, props.nodeId(), now);
        } else {
            a = CustodyChain.notTraced(remarks, by, props.nodeId(), now);
        }
        TraceRequest after = before.answer(a, now);
        save("TRACE_REQUEST_ANSWERED", before, after);
        if (before.peerNode() != null) {
            outbox.enqueue(before.peerNode(), NodeDocument.Kind.TRACE_ANSWER, id,
                    Map.of("requestId", before.peerReference(), "answer", a));
        }
        return get(id);
    }

    @Transactional
    public TraceRequest close(UUID id) {
        TraceRequest before = get(id);
        return save("TRACE_REQUEST_CLOSED", before, before.close(now()));
    }

    /** The answer to a request this node sent; a repeated delivery is ignored. */
    @Transactional
    void answerReceived(UUID requestId, TraceAnswer answer, String peer) {
        TraceRequest before = sentTo(requestId, peer);
        save("TRACE_ANSWER_RECEIVED", before, before.answerReceived(answer, now()));
    }

    private TraceRequest save(String action, TraceRequest before, TraceRequest after) {
        store.update(after);
        audit.record(action, "trace_request", after.id().toString(), Map.of("status", before.status()),
                Map.of("status", after.status(), "confirmedItem", String.valueOf(after.confirmedItem())));
        return get(after.id());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
