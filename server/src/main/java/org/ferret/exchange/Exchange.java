package org.ferret.exchange;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** How a module sends documents of its kinds to other Ferret nodes, and what it may know about them. */
public interface Exchange {

    /** This node's id, as its peers know it. */
    String nodeId();

    /** The ids of the configured (trusted) peers. */
    Set<String> peers();

    /** True when a node of this id is configured. */
    boolean knows(String peer);

    /**
     * Signs a document for a peer and stores it for delivery (retried with back-off until the peer accepts or
     * refuses it). Joins the caller's transaction, so the document leaves only if the change that causes it commits.
     *
     * @param reference what the document is about on this node (e.g. a trace request id), kept with it; may be null
     * @param body any value that serialises to a JSON object
     */
    UUID send(String peer, DocumentKind kind, String reference, Object body);

    /** One outgoing document and how its delivery stands. */
    record Outgoing(UUID id, String peer, String kind, String reference, String status, int attempts,
            String lastError) {
    }

    /** Every outgoing document, oldest first. */
    List<Outgoing> outgoing();

    /** The outgoing documents of one kind to one peer, oldest first. */
    List<Outgoing> outgoing(String peer, DocumentKind kind);

    /**
     * Reads a public resource of a peer (a GET of {@code path} at the peer's configured address, over the exchange's
     * TLS trust). What comes back is not signed by this transport: the caller checks any signature it carries.
     */
    Fetched fetch(String peer, String path);

    /** What a {@link #fetch} got. */
    sealed interface Fetched {
        /** The peer answered 2xx with this body. */
        record Found(String body) implements Fetched {
        }

        /** The peer answered 404. */
        record Absent() implements Fetched {
        }

        /** The peer is not configured, unreachable, or answered another status. */
        record Failed(String reason) implements Fetched {
        }
    }
}
