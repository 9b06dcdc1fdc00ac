package org.ferret.prints;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.ferret.printfiles.fingerprint.Library;
import org.ferret.prints.internal.LibraryExchange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fingerprint libraries exchanged between Ferret nodes (issue 16): the peers' libraries this node subscribes to
 * (used by the screen, {@link KnownParts#current()}), and the nodes that subscribe to this node's library. Every
 * change travels as a signed document of the node exchange and is audited on both nodes.
 */
@Service
public class LibrarySubscriptions {
    private final LibraryExchange exchange;

    LibrarySubscriptions(LibraryExchange exchange) {
        this.exchange = exchange;
    }

    /**
     * A peer library this node subscribed to: the version last received ({@code null} while none has arrived), when,
     * and how many known parts it holds. An ended subscription ({@code active} false) keeps what it held when it ended,
     * but the screen no longer uses it.
     */
    public record Subscription(String node, boolean active, Instant subscribedAt, Long libraryVersion, Instant receivedAt,
            int parts, Instant endedAt) {
    }

    /** A node that subscribed to this node's library: the version last sent to it (queued on the exchange), and when. */
    public record Subscriber(String node, boolean active, Instant subscribedAt, Long sentVersion, Instant sentAt, Instant endedAt) {
    }

    /** The known parts of a peer's library as last received over an active subscription. */
    public record Received(String node, long version, Instant receivedAt, List<Library.Entry> parts) {
    }

    /**
     * Subscribes to a peer's library (sent now and after each part it adds); a resubscription after an unsubscribe
     * waits for the peer's library afresh. Refused (400) for a node that is not a configured peer. Audited.
     */
    @Transactional
    public void subscribe(String peer) {
        exchange.subscribe(peer == null ? "" : peer.strip());
    }

    /**
     * Ends the subscription to a peer's library: from now on the screen does not use its parts, its later libraries
     * are refused, and the peer is sent a signed unsubscribe so it stops sending. Idempotent (an ended subscription
     * stays ended, nothing is sent again); 404 for a node this node never subscribed to. Audited.
     *
     * @return true when the subscription was active and is now ended, false when it had ended already
     */
    @Transactional
    public boolean unsubscribe(String peer) {
        return exchange.unsubscribe(peer == null ? "" : peer.strip());
    }

    /** This node's subscriptions, active and ended, by node. */
    @Transactional(readOnly = true)
    public List<Subscription> subscriptions() {
        return exchange.subscriptions();
    }

    /** The nodes that subscribe (or subscribed) to this node's library, by node. */
    @Transactional(readOnly = true)
    public List<Subscriber> subscribers() {
        return exchange.subscribers();
    }

    /** The libraries received over active subscriptions, by node. */
    @Transactional(readOnly = true)
    public List<Received> received() {
        return exchange.received();
    }

    /** This node's id on the exchange. */
    public String nodeId() {
        return exchange.nodeId();
    }

    /** The configured peers (those this node may subscribe to). */
    public Set<String> peers() {
        return exchange.peers();
    }
}
