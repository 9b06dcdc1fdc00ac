package org.ferret.exchange;

import java.util.Set;

/**
 * Implemented (as a Spring bean) by the module that owns some document kinds: the inbox hands it each accepted
 * document of those kinds, inside the transaction that records the document, with the sending node as the current
 * principal ({@code node:<id>}). Throwing a {@link org.ferret.shared.FerretException} refuses the document: nothing is
 * recorded and the sender gets the problem back (a 4xx refusal is not retried).
 */
public interface DocumentHandler {

    /** The kinds this handler receives; two handlers may not claim the same kind. */
    Set<DocumentKind> kinds();

    /**
     * Acts on one document; returns a reference to what it created or changed (e.g. a trace request id), kept with
     * the document and shown in its receipt, or null.
     */
    String accept(IncomingDocument document);
}
