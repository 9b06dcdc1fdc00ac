package org.ferret.tracing;

import java.net.http.HttpClient;
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

import org.ferret.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
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
public class NodeOutbox {

    private static final Logger log = LoggerFactory.getLogger(NodeOutbox.class);
    static final String PATH = "/api/v1/tracing/exchange";

    private final JdbcClient jdbc;
    private final NodeKeys keys;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditLog audit;
    private final RestClient http;

    private final long maxBackoffSeconds;

    NodeOutbox(JdbcClient jdbc, NodeKeys keys, ObjectMapper json, Clock clock, AuditLog audit,
            @org.springframework.beans.factory.annotation.Value("${ferret.tracing.exchange.max-backoff-s:300}") long maxBackoffSeconds,
            @org.springframework.beans.factory.annotation.Value("${ferret.tracing.exchange.ssl-bundle:}") String sslBundle,
            ObjectProvider<SslBundles> sslBundles) {
        this.maxBackoffSeconds = maxBackoffSeconds;
        this.jdbc = jdbc;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (!sslBundle.isBlank()) {
            // TLS to peers trusts this SSL bundle's truststore instead of the JVM's default trust store
            client.sslContext(sslBundles.getObject().getBundle(sslBundle).createSslContext());
        }
        JdkClientHttpRequestFactory f = new JdkClientHttpRequestFactory(client.build());
        f.setReadTimeout(Duration.ofSeconds(20));
        this.http = RestClient.builder().requestFactory(f).build();
    }

    public boolean knows(String peer) {
        return peer != null && keys.peer(peer).isPresent();
    }

    public Set<String> peers() {
        return keys.peerIds();
    }

    /** Signs and stores a document for a peer; must run inside the transaction of the change it reports. */
    @Transactional
    public UUID enqueue(String peer, NodeDocument.Kind kind, UUID traceRequest, Object body) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] nonceBytes = new byte[16];
        new java.security.SecureRandom().nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("kind", kind);
        doc.put("sender", keys.nodeId());
        doc.put("recipient", peer);
        doc.put("createdAt", now.toString());
        doc.put("nonce", nonce);
        doc.put("body", body);
        String document = json.writeValueAsString(doc);
        String signature = keys.sign(document);
        jdbc.sql("""
                insert into tracing_node_document (document_id, direction, peer_node, kind, nonce, trace_request, body,
                    signature, status, attempts, next_attempt_at, created_at)
                values (:id, 'OUT', :peer, :kind, :nonce, :trace, :body, :sig, 'PENDING', 0, :next, :at)""")
                .param("id", id).param("peer", peer).param("kind", kind.name()).param("nonce", nonce)
                .param("trace", traceRequest).param("body", document).param("sig", signature)
                .param("next", TraceStore.ts(now)).param("at", TraceStore.ts(now)).update();
        audit.record("NODE_DOCUMENT_QUEUED", "node_document", id.toString(), null,
                Map.of("peer", peer, "kind", kind, "traceRequest", String.valueOf(traceRequest)));
        return id;
    }

    /** One outgoing document and how its delivery stands. */
    public record Outgoing(UUID id, String peer, String kind, UUID traceRequest, String status, int attempts,
            String lastError) {
    }

    public List<Outgoing> outgoing() {
        return jdbc.sql("""
                select document_id, peer_node, kind, trace_request, status, attempts, last_error
                from tracing_node_document where direction = 'OUT' order by created_at""")
                .query((rs, n) -> new Outgoing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getInt(6), rs.getString(7)))
                .list();
    }

    /** Delivers every due document once; called by the scheduler and by tests. */
    @Scheduled(fixedDelayString = "${ferret.tracing.exchange.poll-ms:1000}", initialDelayString = "${ferret.tracing.exchange.poll-ms:1000}")
    public synchronized void deliverDue() {
        Instant now = clock.instant();
        List<Object[]> due = jdbc.sql("""
                select document_id, peer_node, body, signature, attempts from tracing_node_document
                where direction = 'OUT' and status = 'PENDING' and next_attempt_at <= :now order by created_at""")
                .param("now", TraceStore.ts(now))
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5)})
                .list();
        for (Object[] d : due) {
            deliver((UUID) d[0], (String) d[1], (String) d[2], (String) d[3], (int) d[4]);
        }
    }

    private void deliver(UUID id, String peer, String document, String signature, int attempts) {
        NodeKeys.Peer p = keys.peer(peer).orElse(null);
        String error;
        if (p == null) {
            error = "node '" + peer + "' is no longer configured";
        } else {
            try {
                var res = http.post().uri(p.url() + PATH).contentType(MediaType.APPLICATION_JSON)
                        .body(new NodeDocument.Envelope(document, signature)).retrieve()
                        .onStatus(HttpStatusCode::isError, (rq, rs) -> { })
                        .toEntity(String.class);
                String bodyText = res.getBody() == null ? "" : res.getBody();
                // 409 DOCUMENT_REPLAYED: an earlier attempt arrived but its answer was lost; it is delivered
                if (res.getStatusCode().is2xxSuccessful()
                        || (res.getStatusCode().value() == 409 && bodyText.contains("DOCUMENT_REPLAYED"))) {
                    jdbc.sql("""
                            update tracing_node_document set status = 'DELIVERED', attempts = :a, delivered_at = :at,
                                last_error = null where document_id = :id""")
                            .param("a", attempts + 1).param("at", TraceStore.ts(clock.instant())).param("id", id).update();
                    log.info("delivered {} to {} after {} attempt(s)", id, peer, attempts + 1);
                    return;
                }
                error = "HTTP " + res.getStatusCode().value() + ": " + bodyText;
                if (res.getStatusCode().is4xxClientError() && res.getStatusCode().value() != 429) {
                    // the peer refuses the document itself: retrying the same bytes cannot help
                    mark(id, "REFUSED", attempts + 1, error, null);
                    log.warn("node {} refused document {}: {}", peer, id, error);
                    return;
                }
            } catch (RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        long backoff = Math.min(maxBackoffSeconds, 1L << Math.min(8, attempts));
        mark(id, "PENDING", attempts + 1, error, clock.instant().plusSeconds(backoff));
        log.info("delivery of {} to {} failed (attempt {}), retrying in {} s: {}", id, peer, attempts + 1, backoff, error);
    }

    private void mark(UUID id, String status, int attempts, String error, Instant next) {
        jdbc.sql("""
                update tracing_node_document set status = :s, attempts = :a, last_error = :e, next_attempt_at = :n
                where document_id = :id""")
                .param("s", status).param("a", attempts)
                .param("e", error == null ? null : error.substring(0, Math.min(2000, error.length())))
                .param("n", next == null ? null : TraceStore.ts(next)).param("id", id).update();
    }
}
