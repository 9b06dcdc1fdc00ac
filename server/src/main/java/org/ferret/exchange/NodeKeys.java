package org.ferret.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * This node's Ed25519 key pair and the public keys and addresses of the nodes it trusts. Configured by
 * {@code ferret.exchange.node.id}, {@code ferret.exchange.node.private-key} (base64 PKCS#8) and
 * {@code ferret.exchange.peers.<id>.url} / {@code .public-key} (base64 X.509); the older names under
 * {@code ferret.tracing.} ({@code ferret.tracing.node.*}, {@code ferret.tracing.peers.*}) are read when the new ones
 * are not set. Without a private key the node makes an ephemeral pair at start-up and logs its public key
 * (development only: peers cannot trust it after a restart).
 */
@Component
public class NodeKeys {

    private static final Logger log = LoggerFactory.getLogger(NodeKeys.class);

    /** A trusted node: where to send to, and the key its documents must be signed with. */
    public record Peer(String url, String publicKey) {
    }

    private final String nodeId;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Map<String, Peer> peers;
    private final Map<String, PublicKey> peerKeys = new TreeMap<>();
    private final boolean ephemeral;

    NodeKeys(Environment env) {
        this.nodeId = property(env, "node.id", "local");
        String priv = property(env, "node.private-key", null);
        String pub = property(env, "node.public-key", null);
        try {
            ephemeral = priv == null || priv.isBlank();
            if (ephemeral) {
                KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                privateKey = kp.getPrivate();
                publicKey = kp.getPublic();
                log.warn("node '{}' has no configured key; ephemeral public key: {}", nodeId,
                        Base64.getEncoder().encodeToString(publicKey.getEncoded()));
            } else {
                KeyFactory kf = KeyFactory.getInstance("Ed25519");
                privateKey = kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(priv.strip())));
                publicKey = pub == null || pub.isBlank() ? null
                        : kf.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pub.strip())));
            }
            peers = new TreeMap<>(Binder.get(env).bind("ferret.tracing.peers", Bindable.mapOf(String.class, Peer.class))
                    .orElse(Map.of()));
            peers.putAll(Binder.get(env).bind("ferret.exchange.peers", Bindable.mapOf(String.class, Peer.class))
                    .orElse(Map.of()));
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            for (var e : peers.entrySet()) {
                peerKeys.put(e.getKey(), kf.generatePublic(
                        new X509EncodedKeySpec(Base64.getDecoder().decode(e.getValue().publicKey().strip()))));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("node keys are misconfigured: " + e.getMessage(), e);
        }
    }

    /** {@code ferret.exchange.<name>}, else the older {@code ferret.tracing.<name>}, else the default. */
    static String property(Environment env, String name, String fallback) {
        String v = env.getProperty("ferret.exchange." + name);
        return v != null ? v : env.getProperty("ferret.tracing." + name, fallback);
    }

    /** True when no key is configured and this process made one up: what it signs cannot be checked after a restart. */
    public boolean ephemeral() {
        return ephemeral;
    }

    public String nodeId() {
        return nodeId;
    }

    public Optional<Peer> peer(String id) {
        return Optional.ofNullable(peers.get(id));
    }

    public java.util.Set<String> peerIds() {
        return peers.keySet();
    }

    /** Base64 Ed25519 signature of the document's UTF-8 bytes. */
    public String sign(String document) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(document.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** This node's public key, base64 X.509, as its peers configure it; empty when only the private key is set. */
    public Optional<String> publicKeyBase64() {
        return Optional.ofNullable(publicKey).map(k -> Base64.getEncoder().encodeToString(k.getEncoded()));
    }

    /**
     * True when the signature is this node's own over these bytes (e.g. a checkpoint read back from its file). Without
     * a configured public key it signs again and compares: Ed25519 signatures are deterministic (RFC 8032).
     */
    public boolean verifyOwn(String document, String signature) {
        return publicKey != null ? verifyWith(publicKey, document, signature) : sign(document).equals(signature);
    }

    /** True when the signature is the named peer's over these bytes; false for unknown peers and bad encodings. */
    public boolean verify(String peer, String document, String signature) {
        PublicKey key = peerKeys.get(peer);
        return key != null && verifyWith(key, document, signature);
    }

    private static boolean verifyWith(PublicKey key, String document, String signature) {
        if (signature == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(document.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A fresh key pair as (base64 PKCS#8 private, base64 X.509 public), for configuring a node. */
    public static String[] generate() {
        try {
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new String[] {Base64.getEncoder().encodeToString(kp.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(kp.getPublic().getEncoded())};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }
}
