package org.ferret.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A document from a peer whose signature, sender, recipient, freshness and uniqueness were checked, as handed to a
 * {@link DocumentHandler}. Its body is read through the helpers, which refuse a missing or malformed field with a
 * message naming it ({@code body.<field>}).
 */
public final class IncomingDocument {

    private final UUID id;
    private final DocumentKind kind;
    private final String sender;
    private final Instant createdAt;
    private final JsonNode body;
    private final ObjectMapper json;

    public IncomingDocument(UUID id, DocumentKind kind, String sender, Instant createdAt, JsonNode body, ObjectMapper json) {
        this.id = id;
        this.kind = kind;
        this.sender = sender;
        this.createdAt = createdAt;
        this.body = body;
        this.json = json;
    }

    public UUID id() {
        return id;
    }

    public DocumentKind kind() {
        return kind;
    }

    /** The id of the node that signed the document. */
    public String sender() {
        return sender;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The document's body as JSON (always an object). */
    public JsonNode body() {
        return body;
    }

    /** A UUID-valued body field. */
    public UUID uuid(String field) {
        try {
            return UUID.fromString(text(field));
        } catch (IllegalArgumentException e) {
            throw bad(field, "must be a UUID");
        }
    }

    /** A non-blank string-valued body field. */
    public String text(String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            throw bad(field, "must be given");
        }
        return v.asString();
    }

    /** A number-valued body field. */
    public long number(String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isIntegralNumber()) {
            throw bad(field, "must be a whole number");
        }
        return v.asLong();
    }

    /** An object-valued body field read as {@code type}; a domain exception thrown while reading it passes through. */
    public <T> T object(String field, Class<T> type) {
        JsonNode node = body.get(field);
        if (node == null || !node.isObject()) {
            throw bad(field, "must be an object");
        }
        try {
            return json.treeToValue(node, type);
        } catch (JacksonException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof FerretException fe) {
                    throw fe;
                }
            }
            throw bad(field, e.getOriginalMessage());
        }
    }

    private static FerretException bad(String field, String message) {
        String f = "body." + field;
        return new FerretException(ErrorCode.VALIDATION_FAILED, f + ": " + message, List.of(new FieldProblem(f, message)));
    }
}
