package org.ferret.tracing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.audit.AuditLog;
import org.ferret.exchange.Exchange;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemView;
import org.ferret.registry.Registry;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
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
    private final Exchange outbox;
    private final ApplicationEventPublisher events;

    TraceRequests(TraceStore store, MarkingSearch search, Registry registry, AuditLog audit, Clock clock,
            TracingProperties props, Exchange outbox, ApplicationEventPublisher events) {
        this.events = events;
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
        return receive(content, null);
    }

    /** A request that arrived from another node; a second delivery of the same request changes nothing. */
    @Transactional
    TraceRequest receiveFromPeer(TraceRequestContent content, String peer, UUID peerReference) {
        return store.findByPeer(peer, peerReference, TraceRequest.Direction.INCOMING)
                .orElseGet(() -> receive(content, new TraceRequest.Peer(peer, peerReference)));
    }

    private TraceRequest receive(TraceRequestContent content, TraceRequest.Peer from) {
        Instant now = now();
        TraceRequest.Changed received = TraceRequest.incoming(TraceRequestId.newId(), content, now, deadlines(content, now),
                from, MarkingSearch.actor());
        TraceRequest t = received.request();
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
        audit.record(received.event().action(), "trace_request", t.id().toString(), null,
                Map.of("content", content, "candidates", proposed.size(), "peer", from == null ? "" : from.node()));
        events.publishEvent(received.event());
        return get(t.id());
    }

    private TraceRequest.Deadlines deadlines(TraceRequestContent content, Instant now) {
        return new TraceRequest.Deadlines(now.plus(props.acknowledgeWithin(content.urgency())),
                now.plus(props.answerWithin(content.urgency())));
    }

    /** Sends a request to another node; it is delivered (and retried) by the outbox. */
    @Transactional
    public TraceRequest send(TraceRequestContent content, String peer) {
        if (!outbox.knows(peer)) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "unknown node '" + peer + "'",
                    List.of(new FieldProblem("peer", "no node '" + peer + "' is configured; known: " + outbox.peers())));
        }
        Instant now = now();
        TraceRequest.Changed sent = TraceRequest.outgoing(TraceRequestId.newId(), content, now, deadlines(content, now),
                new TraceRequest.Peer(peer, null), MarkingSearch.actor());
        TraceRequest t = sent.request();
        store.insert(t);
        outbox.send(peer, TraceDocuments.REQUEST, t.id().toString(), Map.of("requestId", t.id().value(), "content", content));
        audit.record(sent.event().action(), "trace_request", t.id().toString(), null, Map.of("content", content, "peer", peer));
        events.publishEvent(sent.event());
        return get(t.id());
    }

    public TraceRequest get(TraceRequestId id) {
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
    public TraceRequest acknowledge(TraceRequestId id) {
        TraceRequest before = get(id);
        TraceRequest saved = save(before, before.acknowledge(now()));
        acknowledgeToPeer(saved);
        return saved;
    }

    /** A request from another node: tell it that the request was received and is being worked on. */
    private void acknowledgeToPeer(TraceRequest t) {
        if (t.peer() != null && t.direction() == TraceRequest.Direction.INCOMING) {
            outbox.send(t.peer().node(), TraceDocuments.ACKNOWLEDGED, t.id().toString(),
                    Map.of("requestId", t.peer().reference(), "acknowledgedAt", String.valueOf(t.progress().acknowledgedAt())));
        }
    }

    /** The other node acknowledged a request this node sent; late or repeated acknowledgements change nothing. */
    @Transactional
    void acknowledgementReceived(UUID requestId, String peer) {
        TraceRequest before = sentTo(requestId, peer);
        if (before.status() == TraceStatus.SENT) {
            save(before, before.acknowledgedByPeer(now()));
        }
    }

    private TraceRequest sentTo(UUID requestId, String peer) {
        TraceRequest t = store.find(new TraceRequestId(requestId)).orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND,
                "no trace request " + requestId + " was sent from this node"));
        if (t.direction() != TraceRequest.Direction.OUTGOING || !peer.equals(t.peer().node())) {
            throw new FerretException(ErrorCode.FORBIDDEN, "trace request " + requestId + " was not sent to " + peer);
        }
        return t;
    }

    /** Confirms that a proposed candidate is the item in hand: the request is identified. */
    @Transactional
    public TraceRequest confirm(TraceRequestId id, ItemId item, String note) {
        TraceRequest before = get(id);
        TraceRequest.Changed confirmed = before.confirm(item, now());
        recordDecision(before, item, Confirmation.Decision.CONFIRMED, note);
        TraceRequest saved = save(before, confirmed);
        if (before.status() == TraceStatus.RECEIVED) {
            acknowledgeToPeer(saved); // identified straight away: acknowledged on the way
        }
        return saved;
    }

    /** Rejects a proposed candidate: the officer checked it and it is not the item in hand. */
    @Transactional
    public TraceRequest reject(TraceRequestId id, ItemId item, String note) {
        TraceRequest before = get(id);
        TraceRequest.Changed rejected = before.reject(item, now());
        recordDecision(before, item, Confirmation.Decision.REJECTED, note);
        audit.record(rejected.event().action(), "trace_request", id.toString(), null, Map.of("item", item.toString()));
        events.publishEvent(rejected.event());
        return get(id);
    }

    /** The candidate's decision on the request, and as a confirmation the marking search learns from. */
    private void recordDecision(TraceRequest t, ItemId item, Confirmation.Decision d, String note) {
        TraceCandidate c = t.candidates().stream().filter(x -> x.itemId().equals(item.value())).findFirst().orElseThrow();
        store.decideCandidate(t.id(), item, d == Confirmation.Decision.CONFIRMED ? TraceCandidate.Decision.CONFIRMED
                : TraceCandidate.Decision.REJECTED, MarkingSearch.actor(), now());
        String read = String.join(" / ", t.content().markings().stream().map(MarkingRead::marking).toList());
        search.decide(item.value(), read.substring(0, Math.min(100, read.length())), c.serial(), d, t.id().value(), note);
    }

    /**
     * Answers: with the confirmed item's chain of custody (TRACED) or, when every candidate was rejected, NOT_TRACED.
     * A request from another node gets the answer sent back as a signed document.
     */
    @Transactional
    public TraceRequest answer(TraceRequestId id, String remarks) {
        TraceRequest before = get(id);
        Instant now = now();
        String by = MarkingSearch.actor();
        TraceAnswer a;
        if (before.status() == TraceStatus.IDENTIFIED) {
            ItemView item = registry.get(before.confirmedItem());
            a = CustodyChain.traced(item, before.content().recoveredOn(), registry::holder, remarks, by, props.nodeId(), now);
        } else {
            a = CustodyChain.notTraced(remarks, by, props.nodeId(), now);
        }
        save(before, before.answer(a, now));
        if (before.peer() != null) {
            outbox.send(before.peer().node(), TraceDocuments.ANSWER, id.toString(),
                    Map.of("requestId", before.peer().reference(), "answer", a));
        }
        return get(id);
    }

    @Transactional
    public TraceRequest close(TraceRequestId id) {
        TraceRequest before = get(id);
        return save(before, before.close(now()));
    }

    /** The answer to a request this node sent; a repeated delivery is ignored. */
    @Transactional
    void answerReceived(UUID requestId, TraceAnswer answer, String peer) {
        TraceRequest before = sentTo(requestId, peer);
        save(before, before.answerReceived(answer, now()));
    }

    /** Writes a transition, audits it under its event's name and publishes the event (within the transaction). */
    private TraceRequest save(TraceRequest before, TraceRequest.Changed c) {
        TraceRequest after = c.request();
        store.update(after);
        audit.record(c.event().action(), "trace_request", after.id().toString(), Map.of("status", before.status()),
                Map.of("status", after.status(), "confirmedItem", String.valueOf(after.confirmedItem())));
        events.publishEvent(c.event());
        return get(after.id());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
