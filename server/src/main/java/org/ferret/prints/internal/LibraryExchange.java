package org.ferret.prints.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ferret.audit.AuditLog;
import org.ferret.exchange.DocumentHandler;
import org.ferret.exchange.DocumentKind;
import org.ferret.exchange.Exchange;
import org.ferret.exchange.IncomingDocument;
import org.ferret.printfiles.fingerprint.Library;
import org.ferret.prints.LibrarySubscriptions.Received;
import org.ferret.prints.LibrarySubscriptions.Subscriber;
import org.ferret.prints.LibrarySubscriptions.Subscription;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fingerprint libraries over the signed exchange: a node subscribes to a peer's library
 * ({@code PRINTS_LIBRARY_SUBSCRIBE}); the peer answers with its library ({@code PRINTS_LIBRARY}: version and text
 * form) at once and again after every part it adds, until the node unsubscribes ({@code PRINTS_LIBRARY_UNSUBSCRIBE}).
 * A library is taken only from a peer this node subscribes to (not one it unsubscribed from), and only when its
 * version is newer than the one held. Subscriber rows remember the subscriber's time of its last request, so a
 * subscribe or unsubscribe delivered late never undoes a newer one. Tables V181, V191.
 */
@Component
public class LibraryExchange implements DocumentHandler {
    public static final DocumentKind SUBSCRIBE = DocumentKind.of("PRINTS_LIBRARY_SUBSCRIBE");
    public static final DocumentKind UNSUBSCRIBE = DocumentKind.of("PRINTS_LIBRARY_UNSUBSCRIBE");
    public static final DocumentKind LIBRARY = DocumentKind.of("PRINTS_LIBRARY");

    private final JdbcClient jdbc;
    private final Exchange exchange;
    private final PrintStore store;
    private final AuditLog audit;
    private final Clock clock;

    LibraryExchange(JdbcClient jdbc, Exchange exchange, PrintStore store, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.exchange = exchange;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Set<DocumentKind> kinds() {
        return Set.of(SUBSCRIBE, UNSUBSCRIBE, LIBRARY);
    }

    public Set<String> peers() {
        return exchange.peers();
    }

    public String nodeId() {
        return exchange.nodeId();
    }

    /** A subscription row: whether and when it ended, and the library it holds. */
    private record Held(Instant endedAt, Long version, String text) {
    }

    private Optional<Held> held(String peer) {
        return jdbc.sql("select ended_at, library_version, library_text from prints_library_subscription where node = ?").param(peer)
                .query((rs, n) -> new Held(PrintStore.at(rs, "ended_at"), (Long) rs.getObject(2, Long.class), rs.getString(3))).optional();
    }

    /**
     * Asks a peer for its library, now and after each change (joins the caller's transaction). Subscribing again after
     * an unsubscribe forgets the library held then: the peer's answer is taken whatever its version.
     */
    public void subscribe(String peer) {
        if (!exchange.knows(peer)) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "node: '" + peer + "' is not a configured peer",
                    List.of(new FieldProblem("node", "not a configured peer")));
        }
        Optional<Held> row = held(peer);
        Instant now = clock.instant();
        Map<String, Object> before = null;
        if (row.isEmpty()) {
            jdbc.sql("insert into prints_library_subscription (node, subscribed_at) values (?, ?)").params(peer, PrintStore.ts(now)).update();
        } else if (row.get().endedAt() != null) {
            jdbc.sql("update prints_library_subscription set subscribed_at = ?, ended_at = null, library_version = null, library_text = null, "
                    + "received_at = null where node = ?").params(PrintStore.ts(now), peer).update();
            before = Map.of("endedAt", row.get().endedAt().toString());
        }
        exchange.send(peer, SUBSCRIBE, null, Map.of("node", exchange.nodeId()));
        audit.record("PRINTS_LIBRARY_SUBSCRIBED", "prints_library_subscription", peer, before, Map.of("node", peer));
    }

    /**
     * Ends the subscription to a peer's library (joins the caller's transaction): the screen stops using its parts at
     * once, and the peer is sent {@code PRINTS_LIBRARY_UNSUBSCRIBE} (when it is still configured). False when it had
     * ended already (nothing is sent or audited again).
     */
    public boolean unsubscribe(String peer) {
        Optional<Held> row = held(peer);
        if (row.isEmpty()) {
            if (!exchange.knows(peer)) {
                throw new FerretException(ErrorCode.NOT_FOUND, "node: '" + peer + "' is not a configured peer, and this node holds no subscription to it",
                        List.of(new FieldProblem("node", "not a configured peer")));
            }
            throw new FerretException(ErrorCode.NOT_FOUND, "node: this node has not subscribed to the library of '" + peer + "'",
                    List.of(new FieldProblem("node", "not subscribed")));
        }
        Instant now = clock.instant();
        int ended = jdbc.sql("update prints_library_subscription set ended_at = ? where node = ? and ended_at is null")
                .params(PrintStore.ts(now), peer).update();
        if (ended == 0) return false;
        boolean notified = exchange.knows(peer);
        if (notified) exchange.send(peer, UNSUBSCRIBE, null, Map.of("node", exchange.nodeId()));
        Held h = row.get();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("libraryVersion", h.version());
        before.put("parts", parts(h.text()));
        audit.record("PRINTS_LIBRARY_UNSUBSCRIBED", "prints_library_subscription", peer, before,
                Map.of("node", peer, "endedAt", now.toString(), "peerNotified", notified));
        return true;
    }

    private static int parts(String text) {
        return text == null ? 0 : Library.decode(text).entries().size();
    }

    public List<Subscription> subscriptions() {
        return jdbc.sql("select node, subscribed_at, library_version, received_at, library_text, ended_at from prints_library_subscription order by node")
                .query((rs, n) -> {
                    Instant ended = PrintStore.at(rs, "ended_at");
                    return new Subscription(rs.getString("node"), ended == null, PrintStore.at(rs, "subscribed_at"),
                            (Long) rs.getObject("library_version", Long.class), PrintStore.at(rs, "received_at"), parts(rs.getString("library_text")), ended);
                }).list();
    }

    public List<Subscriber> subscribers() {
        return jdbc.sql("select node, subscribed_at, sent_version, sent_at, ended_at from prints_library_subscriber order by node")
                .query((rs, n) -> {
                    Instant ended = PrintStore.at(rs, "ended_at");
                    return new Subscriber(rs.getString("node"), ended == null, PrintStore.at(rs, "subscribed_at"),
                            (Long) rs.getObject("sent_version", Long.class), PrintStore.at(rs, "sent_at"), ended);
                }).list();
    }

    /** The libraries of the active subscriptions as last received. */
    public List<Received> received() {
        return jdbc.sql("select node, library_version, received_at, library_text from prints_library_subscription "
                + "where library_text is not null and ended_at is null order by node")
                .query((rs, n) -> new Received(rs.getString("node"), rs.getLong("library_version"), PrintStore.at(rs, "received_at"),
                        Library.decode(rs.getString("library_text")).entries())).list();
    }

    /** A fingerprint of what the screen uses from other nodes, to tell when the merged library must be re-read. */
    public String receivedState() {
        return jdbc.sql("select node, library_version from prints_library_subscription where library_text is not null and ended_at is null order by node")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list().toString();
    }

    /** Sends this node's library to every active subscriber (after a part was added; joins the caller's transaction). */
    public void publish(Library local) {
        List<String> subscribers = jdbc.sql("select node from prints_library_subscriber where ended_at is null order by node").query(String.class).list();
        for (String node : subscribers) {
            if (exchange.knows(node)) send(node, local);
        }
    }

    private void send(String node, Library local) {
        exchange.send(node, LIBRARY, Long.toString(local.version()), Map.of("version", local.version(), "library", local.encode()));
        jdbc.sql("update prints_library_subscriber set sent_version = ?, sent_at = ? where node = ?")
                .params(local.version(), PrintStore.ts(clock.instant()), node).update();
    }

    /** A subscriber row: when it ended, and the subscriber's time of the request that last changed it. */
    private record SubscriberRow(Instant endedAt, Instant requestedAt, Instant subscribedAt, Long sentVersion) {
    }

    @Override
    public String accept(IncomingDocument d) {
        String sender = d.sender();
        if (d.kind().equals(SUBSCRIBE) || d.kind().equals(UNSUBSCRIBE)) {
            Optional<SubscriberRow> row = jdbc.sql("select ended_at, requested_at, subscribed_at, sent_version from prints_library_subscriber where node = ?")
                    .param(sender).query((rs, n) -> new SubscriberRow(PrintStore.at(rs, "ended_at"), PrintStore.at(rs, "requested_at"),
                            PrintStore.at(rs, "subscribed_at"), (Long) rs.getObject("sent_version", Long.class))).optional();
            if (row.isPresent() && row.get().requestedAt() != null && row.get().requestedAt().isAfter(d.createdAt())) {
                return sender + ":superseded"; // a newer request of the subscriber was applied already
            }
            return d.kind().equals(SUBSCRIBE) ? subscriberAdded(sender, d.createdAt(), row) : subscriberRemoved(sender, d.createdAt(), row);
        }
        long version = d.number("version");
        String text = d.text("library");
        Library lib;
        try {
            lib = Library.decode(text);
        } catch (RuntimeException e) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "library: cannot be read (" + e.getMessage() + ")");
        }
        if (lib.version() != version) throw new FerretException(ErrorCode.VALIDATION_FAILED, "library: version " + lib.version() + " differs from " + version);
        Optional<Held> heldRow = held(sender);
        if (heldRow.isEmpty()) throw new FerretException(ErrorCode.FORBIDDEN, "this node did not subscribe to the library of " + sender);
        if (heldRow.get().endedAt() != null) {
            throw new FerretException(ErrorCode.FORBIDDEN, "this node unsubscribed from the library of " + sender + " at " + heldRow.get().endedAt());
        }
        Long held = heldRow.get().version();
        if (held != null && held >= version) return sender + ":" + held;
        jdbc.sql("update prints_library_subscription set library_version = ?, library_text = ?, received_at = ? where node = ?")
                .params(version, text, PrintStore.ts(clock.instant()), sender).update();
        audit.record("PRINTS_LIBRARY_RECEIVED", "prints_library_subscription", sender, held == null ? null : Map.of("version", held),
                Map.of("version", version, "parts", lib.entries().size()));
        return sender + ":" + version;
    }

    private String subscriberAdded(String sender, Instant requested, Optional<SubscriberRow> row) {
        Instant now = clock.instant();
        if (row.isEmpty()) {
            jdbc.sql("insert into prints_library_subscriber (node, subscribed_at, requested_at) values (?, ?, ?)")
                    .params(sender, PrintStore.ts(now), PrintStore.ts(requested)).update();
            audit.record("PRINTS_LIBRARY_SUBSCRIBER_ADDED", "prints_library_subscriber", sender, null, Map.of("node", sender));
        } else if (row.get().endedAt() != null) {
            jdbc.sql("update prints_library_subscriber set subscribed_at = ?, ended_at = null, requested_at = ? where node = ?")
                    .params(PrintStore.ts(now), PrintStore.ts(requested), sender).update();
            audit.record("PRINTS_LIBRARY_SUBSCRIBER_ADDED", "prints_library_subscriber", sender,
                    Map.of("endedAt", row.get().endedAt().toString()), Map.of("node", sender));
        } else {
            jdbc.sql("update prints_library_subscriber set requested_at = ? where node = ?").params(PrintStore.ts(requested), sender).update();
        }
        send(sender, store.library());
        return sender;
    }

    private String subscriberRemoved(String sender, Instant requested, Optional<SubscriberRow> row) {
        if (row.isEmpty() || row.get().endedAt() != null) {
            return sender + ":not subscribed"; // nothing to end: a repeated or stray unsubscribe changes nothing
        }
        Instant now = clock.instant();
        jdbc.sql("update prints_library_subscriber set ended_at = ?, requested_at = ? where node = ?")
                .params(PrintStore.ts(now), PrintStore.ts(requested), sender).update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("subscribedAt", row.get().subscribedAt().toString());
        before.put("sentVersion", row.get().sentVersion());
        audit.record("PRINTS_LIBRARY_SUBSCRIBER_REMOVED", "prints_library_subscriber", sender, before,
                Map.of("node", sender, "endedAt", now.toString()));
        return sender + ":ended";
    }
}
