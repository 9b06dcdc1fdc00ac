package org.ferret.exchange.internal;

import static org.ferret.exchange.internal.Inbox.ts;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ferret.exchange.DocumentKind;
import org.ferret.exchange.DocumentQueued;
import org.ferret.exchange.Exchange;
import org.ferret.exchange.NodeDocument;
import org.ferret.exchange.NodeKeys;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.ObjectMapper;

/**
 * Documents for other nodes: signed and stored in the same transaction as the change that causes them, then
 * delivered by a scheduled job that retries with back-off until the other node accepts them. The receiver is
 * idempotent by document id, so a retry after a lost response never duplicates anything.
 */
@Component
public class Outbox implements Exchange {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    /** Where peers receive documents; {@code /api/v1/tracing/exchange} is the same endpoint under its older name. */
    public static final String PATH = "/api/v1/exchange";
    /** The endpoint's name on nodes older than the exchange module; tried when a peer has no {@link #PATH}. */
    public static final String LEGACY_PATH = "/api/v1/tracing/exchange";

    private final JdbcClient jdbc;
    private final NodeKeys keys;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final RestClient http;
    private final SecureRandom random = new SecureRandom();
    private final long maxBackoffSeconds;

    Outbox(JdbcClient jdbc, NodeKeys keys, ObjectMapper json, Clock clock, ApplicationEventPublisher events,
            @Value("${ferret.exchange.max-backoff-s:${ferret.tracing.exchange.max-backoff-s:300}}") long maxBackoffSeconds,
            @Value("${ferret.exchange.ssl-bundle:${ferret.tracing.exchange.ssl-bundle:}}") String sslBundle,
            ObjectProvider<SslBundles> sslBundles) {
        this.maxBackoffSeconds = maxBackoffSeconds;
        this.jdbc = jdbc;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.events = events;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (!sslBundle.isBlank()) {
            // TLS to peers trusts this SSL bundle's truststore instead of the JVM's default trust store
            client.sslContext(sslBundles.getObject().getBundle(sslBundle).createSslContext());
        }
        JdkClientHttpRequestFactory f = new JdkClientHttpRequestFactory(client.build());
        f.setReadTimeout(Duration.ofSeconds(20));
        this.http = RestClient.builder().requestFactory(f).build();
    }

    @Override
    public String nodeId() {
        return keys.nodeId();
    }

    @Override
    public boolean knows(String peer) {
        return peer != null && keys.peer(peer).isPresent();
    }

    @Override
    public Set<String> peers() {
        return keys.peerIds();
    }

    @Override
    @Transactional
    public UUID send(String peer, DocumentKind kind, String reference, Object body) {
        if (!knows(peer)) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "peer: no node '" + peer + "' is configured",
                    List.of(new FieldProblem("peer", "no node '" + peer + "' is configured; known: " + peers())));
        }
        if (reference != null && reference.length() > 100) {
            throw new IllegalArgumentException("a document reference has at most 100 characters: " + reference);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("kind", kind.value());
        doc.put("sender", keys.nodeId());
        doc.put("recipient", peer);
        doc.put("createdAt", now.toString());
        doc.put("nonce", nonce);
        doc.put("body", body);
        String document = json.writeValueAsString(doc);
        String signature = keys.sign(document);
        jdbc.sql("""
                insert into tracing_node_document (document_id, direction, peer_node, kind, nonce, reference, body,
                    signature, status, attempts, next_attempt_at, created_at)
                values (:id, 'OUT', :peer, :kind, :nonce, :ref, :body, :sig, 'PENDING', 0, :next, :at)""")
                .param("id", id).param("peer", peer).param("kind", kind.value()).param("nonce", nonce)
                .param("ref", reference).param("body", document).param("sig", signature)
                .param("next", ts(now)).param("at", ts(now)).update();
        events.publishEvent(new DocumentQueued(id, peer, kind, reference));
        return id;
    }

    @Override
    public List<Outgoing> outgoing() {
        return jdbc.sql("""
                select document_id, peer_node, kind, reference, status, attempts, last_error
                from tracing_node_document where direction = 'OUT' order by created_at""")
                .query((rs, n) -> new Outgoing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7)))
                .list();
    }

    @Override
    public List<Outgoing> outgoing(String peer, DocumentKind kind) {
        return jdbc.sql("""
                select document_id, peer_node, kind, reference, status, attempts, last_error
                from tracing_node_document where direction = 'OUT' and peer_node = :peer and kind = :kind
                order by created_at, document_id""")
                .param("peer", peer).param("kind", kind.value())
                .query((rs, n) -> new Outgoing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7)))
                .list();
    }

    @Override
    public Fetched fetch(String peer, String path) {
        NodeKeys.Peer p = keys.peer(peer).orElse(null);
        if (p == null) {
            return new Fetched.Failed("node '" + peer + "' is not configured");
        }
        try {
            var res = http.get().uri(p.url() + path).retrieve().onStatus(HttpStatusCode::isError, (rq, rs) -> { })
                    .toEntity(String.class);
            if (res.getStatusCode().is2xxSuccessful()) {
                return new Fetched.Found(res.getBody() == null ? "" : res.getBody());
            }
            if (res.getStatusCode().value() == 404) {
                return new Fetched.Absent();
            }
            return new Fetched.Failed("HTTP " + res.getStatusCode().value() + " from node '" + peer + "'");
        } catch (RuntimeException e) {
            return new Fetched.Failed("node '" + peer + "' could not be reached: " + e.getMessage());
        }
    }

    /**
     * Delivers every due document once, in order per peer: a document waits while an earlier one to the same peer
     * is still pending (a witness must see checkpoints in order, an answer follows its acknowledgement). Called by
     * the scheduler and by tests.
     */
    @Scheduled(fixedDelayString = "${ferret.exchange.poll-ms:${ferret.tracing.exchange.poll-ms:1000}}",
            initialDelayString = "${ferret.exchange.poll-ms:${ferret.tracing.exchange.poll-ms:1000}}")
    public synchronized void deliverDue() {
        Instant now = clock.instant();
        List<Object[]> pending = jdbc.sql("""
                select document_id, peer_node, body, signature, attempts, next_attempt_at from tracing_node_document
                where direction = 'OUT' and status = 'PENDING' order by created_at, document_id""")
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getObject(6, java.time.OffsetDateTime.class)})
                .list();
        Set<String> waiting = new java.util.HashSet<>();
        for (Object[] d : pending) {
            String peer = (String) d[1];
            var next = (java.time.OffsetDateTime) d[5];
            if (waiting.contains(peer)) {
                continue;
            }
            if ((next != null && next.toInstant().isAfter(now)) || !deliver((UUID) d[0], peer, (String) d[2], (String) d[3], (int) d[4])) {
                waiting.add(peer);
            }
        }
    }

    /** One attempt; false when the document is still pending (later ones to this peer wait for it). */
    private boolean deliver(UUID id, String peer, String document, String signature, int attempts) {
        NodeKeys.Peer p = keys.peer(peer).orElse(null);
        String error;
        if (p == null) {
            error = "node '" + peer + "' is no longer configured";
        } else {
            try {
                var res = post(p.url() + PATH, document, signature);
                String bodyText = res.getBody() == null ? "" : res.getBody();
                if (res.getStatusCode().value() == 401 || res.getStatusCode().value() == 404) {
                    // an older node: no such endpoint, or its API chain asks for a user; a refusal by a
                    // handler comes back the same from the older name, which is the same endpoint on newer nodes
                    res = post(p.url() + LEGACY_PATH, document, signature);
                    bodyText = res.getBody() == null ? "" : res.getBody();
                }
                // 409 DOCUMENT_REPLAYED: an earlier attempt arrived but its answer was lost; it is delivered
                if (res.getStatusCode().is2xxSuccessful()
                        || (res.getStatusCode().value() == 409 && bodyText.contains("DOCUMENT_REPLAYED"))) {
                    jdbc.sql("""
                            update tracing_node_document set status = 'DELIVERED', attempts = :a, delivered_at = :at,
                                last_error = null where document_id = :id""")
                            .param("a", attempts + 1).param("at", ts(clock.instant())).param("id", id).update();
                    log.info("delivered {} to {} after {} attempt(s)", id, peer, attempts + 1);
                    return true;
                }
                error = "HTTP " + res.getStatusCode().value() + ": " + bodyText;
                if (res.getStatusCode().is4xxClientError() && res.getStatusCode().value() != 429) {
                    // the peer refuses the document itself: retrying the same bytes cannot help
                    mark(id, "REFUSED", attempts + 1, error, null);
                    log.warn("node {} refused document {}: {}", peer, id, error);
                    return true;
                }
            } catch (RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        long backoff = Math.min(maxBackoffSeconds, 1L << Math.min(8, attempts));
        mark(id, "PENDING", attempts + 1, error, clock.instant().plusSeconds(backoff));
        log.info("delivery of {} to {} failed (attempt {}), retrying in {} s: {}", id, peer, attempts + 1, backoff, error);
        return false;
    }

    private org.springframework.http.ResponseEntity<String> post(String url, String document, String signature) {
        return http.post().uri(url).contentType(MediaType.APPLICATION_JSON)
                .body(new NodeDocument.Envelope(document, signature)).retrieve()
                .onStatus(HttpStatusCode::isError, (rq, rs) -> { })
                .toEntity(String.class);
    }

    private void mark(UUID id, String status, int attempts, String error, Instant next) {
        jdbc.sql("""
                update tracing_node_document set status = :s, attempts = :a, last_error = :e, next_attempt_at = :n
                where document_id = :id""")
                .param("s", status).param("a", attempts)
                .param("e", error == null ? null : error.substring(0, Math.min(2000, error.length())))
                .param("n", next == null ? null : ts(next)).param("id", id).update();
    }
}
