package org.ferret.exchange;

/**
 * The wire form of a document exchanged between Ferret nodes: {@code {"document": "<json>", "signature":
 * "<base64 Ed25519>"}}. The signature covers the exact UTF-8 bytes of the document string, so no JSON
 * canonicalisation is needed. The document is a JSON object {@code {id, kind, sender, recipient, createdAt, nonce,
 * body}}; {@code nonce} and {@code id} make every document unique, and a node accepts each once.
 */
public final class NodeDocument {

    private NodeDocument() {
    }

    /** The signed envelope as sent over HTTP(S). */
    public record Envelope(String document, String signature) {
    }
}
