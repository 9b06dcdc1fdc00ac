package org.ferret.intelligence.internal;

import java.util.Set;

import org.ferret.exchange.DocumentHandler;
import org.ferret.exchange.DocumentKind;
import org.ferret.exchange.IncomingDocument;
import org.ferret.intelligence.Alerts;
import org.springframework.stereotype.Component;

/**
 * The alert documents between Ferret nodes: an alert ({@code INTEL_ALERT}) and a recipient node's acknowledgement
 * ({@code INTEL_ALERT_ACKNOWLEDGEMENT}); the exchange has already checked signature, sender, freshness and replay.
 */
@Component
class AlertDocuments implements DocumentHandler {

    private final Alerts alerts;

    AlertDocuments(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public Set<DocumentKind> kinds() {
        return Set.of(Alerts.ALERT, Alerts.ALERT_ACKNOWLEDGEMENT);
    }

    @Override
    public String accept(IncomingDocument d) {
        return (d.kind().equals(Alerts.ALERT) ? alerts.received(d) : alerts.acknowledgedBy(d)).toString();
    }
}
