package org.ferret.tracing;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A document exchanged between Ferret nodes. On the wire it travels as {@code {"document": "<json>", "signature":
 * "<base64 Ed25519>"}}: the signature covers the exact UTF-8 bytes of the document string, so no JSON
 * canonicalisation is needed. {@code nonce} and {@code id} make every document unique; a node accepts each once.
 */
public record NodeDocument(UUID id, Kind kind, String sender, String recipient, Instant createdAt, String nonce,
        JsonNode body) {

    /** What the document carries. */
    public enum Kind {
        TRACE_REQUEST, TRACE_ACKNOWLEDGED, TRACE_ANSWER
    }

    /** The signed envelope as sent over HTTP(S). */
    public record Envelope(String document, String signature) {
    }
}
