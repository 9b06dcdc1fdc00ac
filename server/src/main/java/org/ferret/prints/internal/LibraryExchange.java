package org.ferret.prints.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ferret.audit.AuditLog;
import org.ferret.exchange.DocumentHandler;
import org.ferret.exchange.DocumentKind;
import org.ferret.exchange.Exchange;
import org.ferret.exchange.IncomingDocument;
import org.ferret.printfiles.fingerprint.Library;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fingerprint libraries over the signed exchange: a node subscribes to a peer's library
 * ({@code PRINTS_LIBRARY_SUBSCRIBE}); the peer answers with its library ({@code PRINTS_LIBRARY}: version and text
 * form) at once and again after every part it adds. A library is taken only from a peer this node subscribed to,
 * and only when its version is newer than the one held.
 */
@Component
public class LibraryExchange implements DocumentHandler {
    public static final DocumentKind SUBSCRIBE = DocumentKind.of("PRINTS_LIBRARY_SUBSCRIBE");
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
        return Set.of(SUBSCRIBE, LIBRARY);
    }

    /** Asks a peer for its library, now and after each change (joins the caller's transaction). */
    public void subscribe(String peer) {
        if (!exchange.knows(peer)) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "node: '" + peer + "' is not a configured peer",
                    List.of(new FerretException.FieldProblem("node", "not a configured peer")));
        }
        int known = jdbc.sql("select count(*) from prints_library_subscription where node = ?").param(peer).query(Integer.class).single();
        if (known == 0) {
            jdbc.sql("insert into prints_library_subscription (node, subscribed_at) values (?, ?)").params(peer, PrintStore.ts(clock.instant())).update();
        }
        exchange.send(peer, SUBSCRIBE, null, Map.of("node", exchange.nodeId()));
        audit.record("PRINTS_LIBRARY_SUBSCRIBED", "prints_library_subscription", peer, null, Map.of("node", peer));
    }

    /** The subscriptions and the library version held of each. */
    public record Subscription(String node, Instant subscribedAt, Long libraryVersion, Instant receivedAt) {}

    public List<Subscription> subscriptions() {
        return jdbc.sql("select node, subscribed_at, library_version, received_at from prints_library_subscription order by node")
                .query((rs, n) -> new Subscription(rs.getString(1), PrintStore.at(rs, "subscribed_at"), (Long) rs.getObject(3, Long.class),
                        PrintStore.at(rs, "received_at"))).list();
    }

    /** The subscribed libraries as last received. */
    public List<Map.Entry<String, Library>> received() {
        return jdbc.sql("select node, library_text from prints_library_subscription where library_text is not null order by node")
                .query((rs, n) -> Map.entry(rs.getString(1), Library.decode(rs.getString(2)))).list();
    }

    /** A fingerprint of what was received, to tell when the merged library must be re-read. */
    public String receivedState() {
        return jdbc.sql("select node, library_version from prints_library_subscription where library_text is not null order by node")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list().toString();
    }

    /** Sends this node's library to every subscriber (after a part was added; joins the caller's transaction). */
    public void publish(Library local) {
        List<String> subscribers = jdbc.sql("select node from prints_library_subscriber order by node").query(String.class).list();
        for (String node : subscribers) {
            if (exchange.knows(node)) exchange.send(node, LIBRARY, Long.toString(local.version()), Map.of("version", local.version(), "library", local.encode()));
        }
    }

    @Override
    public String accept(IncomingDocument d) {
        String sender = d.sender();
        if (d.kind().equals(SUBSCRIBE)) {
            int known = jdbc.sql("select count(*) from prints_library_subscriber where node = ?").param(sender).query(Integer.class).single();
            if (known == 0) {
                jdbc.sql("insert into prints_library_subscriber (node, subscribed_at) values (?, ?)").params(sender, PrintStore.ts(clock.instant())).update();
                audit.record("PRINTS_LIBRARY_SUBSCRIBER_ADDED", "prints_library_subscriber", sender, null, Map.of("node", sender));
            }
            Library local = store.library();
            exchange.send(sender, LIBRARY, Long.toString(local.version()), Map.of("version", local.version(), "library", local.encode()));
            return sender;
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
        List<Long> heldRow = jdbc.sql("select coalesce(library_version, -1) from prints_library_subscription where node = ?").param(sender)
                .query(Long.class).list();
        if (heldRow.isEmpty()) throw new FerretException(ErrorCode.FORBIDDEN, "this node did not subscribe to the library of " + sender);
        Long held = heldRow.get(0) < 0 ? null : heldRow.get(0);
        if (held != null && held >= version) return sender + ":" + held;
        jdbc.sql("update prints_library_subscription set library_version = ?, library_text = ?, received_at = ? where node = ?")
                .params(version, text, PrintStore.ts(clock.instant()), sender).update();
        audit.record("PRINTS_LIBRARY_RECEIVED", "prints_library_subscription", sender, held == null ? null : Map.of("version", held),
                Map.of("version", version, "parts", lib.entries().size()));
        return sender + ":" + version;
    }
}
