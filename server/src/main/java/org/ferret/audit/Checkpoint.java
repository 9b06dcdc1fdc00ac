package org.ferret.audit;

import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A signed statement by a node: "my audit log had {@code size} entries and their Merkle tree (RFC 6962, leaf = an
 * entry's hash) had this {@code root}", at {@code signedAt}. The Ed25519 signature (base64, the node's exchange key)
 * covers {@link #signedText()}, a fixed text form, so the JSON it travels in needs no canonicalisation.
 */
public record Checkpoint(String node, long size, String root, Instant signedAt, String signature) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Checkpoint {
        if (node == null || node.isBlank() || node.contains("\n")) {
            throw new IllegalArgumentException("node: a checkpoint names the node that signed it");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size: must be 0 or more, not " + size);
        }
        if (root == null || !HEX64.matcher(root).matches()) {
            throw new IllegalArgumentException("root: must be 64 lower-case hexadecimal digits");
        }
        if (signedAt == null) {
            throw new IllegalArgumentException("signedAt: must be given");
        }
        if (signature == null || signature.isBlank()) {
            throw new IllegalArgumentException("signature: must be given");
        }
    }

    /** The exact text that is signed. */
    public String signedText() {
        return text(node, size, root, signedAt);
    }

    static String text(String node, long size, String root, Instant signedAt) {
        return "ferret audit checkpoint v1\nnode " + node + "\nsize " + size + "\nroot " + root + "\nsigned " + signedAt + "\n";
    }

    byte[] rootBytes() {
        return HexFormat.of().parseHex(root);
    }

    /** "the checkpoint of size N signed at T", for messages. */
    public String describe() {
        return "checkpoint of size " + size + " signed at " + signedAt;
    }
}
