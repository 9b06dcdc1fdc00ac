package org.ferret.exchange;

import java.util.UUID;

/** Published (synchronously, in the sender's transaction) when a signed document is stored for delivery to a peer. */
public record DocumentQueued(UUID documentId, String peer, DocumentKind kind, String reference) {
}
