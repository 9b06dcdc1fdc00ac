package org.ferret.testsupport;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.ferret.exchange.NodeKeys;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.client.RestClient;

/**
 * Ferret nodes on loopback for tests that cross nodes over the signed exchange: each node has its own Ed25519 key,
 * port and database; all serve HTTPS with the test-only certificate in {@code tls/} (CN=localhost, SAN 127.0.0.1) and
 * trust it through the same SSL bundle's truststore, so certificate verification stays on. The test's own server is
 * one node ({@link #register}); the others run in the same JVM ({@link #start}, {@link SecondNode}).
 */
public final class Nodes {

    private Nodes() {
    }

    /** One node: its id, key pair (private, public), HTTPS port and database name; {@code port} 0 for the test's own server. */
    public record Node(String id, String privateKey, String publicKey, int port, String db) {

        /** A node with a fresh key, a free port and a database of its own. */
        public static Node fresh(String id) {
            String[] key = NodeKeys.generate();
            return new Node(id, key[0], key[1], freePort(), id.replaceAll("[^a-z0-9]", "") + "_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        }

        /** The test's own server: a fresh key, the port Spring gives it. */
        public static Node self(String id) {
            String[] key = NodeKeys.generate();
            return new Node(id, key[0], key[1], 0, null);
        }

        /** The same node once its port is known (the test's own server). */
        public Node onPort(int port) {
            return new Node(id, privateKey, publicKey, port, db);
        }

        public String url() {
            return "https://127.0.0.1:" + port;
        }
    }

    /** The TLS properties every node shares. */
    public static final Map<String, String> TLS = Map.of(
            "spring.ssl.bundle.pem.ferret-node.keystore.certificate", "classpath:tls/cert.pem",
            "spring.ssl.bundle.pem.ferret-node.keystore.private-key", "classpath:tls/key.pem",
            "spring.ssl.bundle.pem.ferret-node.truststore.certificate", "classpath:tls/cert.pem",
            "server.ssl.bundle", "ferret-node",
            "ferret.exchange.ssl-bundle", "ferret-node");

    /** A node's properties: its id and key, its trusted peers (url and public key), a fast outbox, TLS. */
    public static Map<String, Object> properties(Node self, List<Node> peers) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ferret.exchange.node.id", self.id());
        p.put("ferret.exchange.node.private-key", self.privateKey());
        p.put("ferret.exchange.node.public-key", self.publicKey());
        for (Node peer : peers) {
            p.put("ferret.exchange.peers." + peer.id() + ".url", peer.url());
            p.put("ferret.exchange.peers." + peer.id() + ".public-key", peer.publicKey());
        }
        p.put("ferret.exchange.poll-ms", "300");
        p.put("ferret.exchange.max-backoff-s", "1");
        p.putAll(TLS);
        return p;
    }

    /** The test's own server as node {@code self}, trusting {@code peers} (whose ports are known already). */
    public static void register(DynamicPropertyRegistry r, Node self, Node... peers) {
        properties(self, List.of(peers)).forEach((k, v) -> r.add(k, () -> v));
    }

    /** Starts (or restarts, on the same database) {@code node} trusting {@code peers}, with {@code extra} properties. */
    public static ConfigurableApplicationContext start(Node node, Map<String, Object> extra, Node... peers) {
        Map<String, Object> p = new HashMap<>(properties(node, List.of(peers)));
        p.put("server.port", node.port());
        p.putAll(extra);
        return SecondNode.start(node.db(), p);
    }

    /** Stops a node started with {@link #start} and drops its database. */
    public static void stop(ConfigurableApplicationContext context, Node node) {
        SecondNode.stop(context, node.db());
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts the test certificate only (no verification is switched off). */
    public static javax.net.ssl.SSLContext testTls() {
        try (var in = Nodes.class.getResourceAsStream("/tls/cert.pem")) {
            java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("ferret-test", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory
                    .getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HTTPS client of the node on {@code port}, signed in as demo user {@code user} (none when null); never throws on error statuses. */
    public static RestClient client(int port, String user) {
        return RestClient.builder().baseUrl("https://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(
                        java.net.http.HttpClient.newBuilder().sslContext(testTls()).build()))
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, user + "-demo");
                    }
                }).build();
    }

    /** Probes until {@code done} holds or 20 s pass; returns the last value (the caller asserts on it). */
    public static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        long until = System.currentTimeMillis() + 20_000;
        T v = probe.get();
        while (!done.test(v) && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return v;
            }
            v = probe.get();
        }
        return v;
    }
}
