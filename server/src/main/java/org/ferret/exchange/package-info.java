/**
 * Node exchange: a generic transport of Ed25519-signed JSON documents between Ferret nodes. An outbox stores each
 * document in the transaction of the change that causes it and delivers it with retry and back-off; an inbox refuses
 * unknown senders, bad signatures, documents for another node, stale documents and replays, then hands the document
 * to the module that owns its {@link org.ferret.exchange.DocumentKind kind}.
 * <p>
 * Public API: {@link org.ferret.exchange.Exchange} (send a document of a kind to a peer, this node's id and peers),
 * {@link org.ferret.exchange.DocumentHandler} (implemented by the module that receives a kind),
 * {@link org.ferret.exchange.IncomingDocument}, {@link org.ferret.exchange.NodeKeys} (this node's key pair and the
 * keys of trusted nodes, also used to sign audit checkpoints) and the events {@link org.ferret.exchange.DocumentQueued}
 * and {@link org.ferret.exchange.DocumentAccepted}. This module depends on {@code shared} only: modules that carry
 * documents depend on it, never the reverse.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Node exchange", allowedDependencies = {"shared"})
package org.ferret.exchange;
