package org.ferret.licensing.internal;

import java.util.Set;

import org.ferret.exchange.DocumentHandler;
import org.ferret.exchange.DocumentKind;
import org.ferret.exchange.IncomingDocument;
import org.ferret.licensing.Licensing;
import org.springframework.stereotype.Component;

/**
 * The licensing documents between Ferret nodes: a request to confirm an import authorisation or a transit
 * no-objection ({@code LICENCE_CONFIRMATION_REQUEST}) and its answer ({@code LICENCE_CONFIRMATION_ANSWER}); the
 * exchange has already checked signature, sender, freshness and replay.
 */
@Component
class LicenceDocuments implements DocumentHandler {

    private final Licensing licensing;

    LicenceDocuments(Licensing licensing) {
        this.licensing = licensing;
    }

    @Override
    public Set<DocumentKind> kinds() {
        return Set.of(Licensing.CONFIRMATION_REQUEST, Licensing.CONFIRMATION_ANSWER);
    }

    @Override
    public String accept(IncomingDocument d) {
        return d.kind().equals(Licensing.CONFIRMATION_REQUEST) ? licensing.received(d).toString()
                : licensing.answered(d).toString();
    }
}
