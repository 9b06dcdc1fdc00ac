package org.ferret.exchange;

import java.util.UUID;

/** Published (synchronously, in the inbox's transaction) when a document from a peer was verified and handled. */
public record DocumentAccepted(UUID documentId, String sender, DocumentKind kind, String reference) {
}
