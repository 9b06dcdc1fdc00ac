package org.ferret.exchange.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

import org.ferret.exchange.Exchange;
import org.ferret.exchange.NodeDocument;
import org.ferret.exchange.internal.Inbox;
import org.ferret.shared.access.CanAdminister;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signed documents from other Ferret nodes, authenticated by signature, not by user (see {@link ExchangeSecurity}),
 * at {@code /api/v1/exchange} and, for nodes older than this module, {@code /api/v1/tracing/exchange}; and the
 * outbox for administrators.
 */
@Tag(name = "Exchange: node documents", description = "Signed documents between Ferret nodes (authenticated by signature)")
@RestController
class ExchangeController {

    static final String PATH = "/api/v1/exchange";
    static final String LEGACY_PATH = "/api/v1/tracing/exchange";

    private final Inbox inbox;
    private final Exchange exchange;

    ExchangeController(Inbox inbox, Exchange exchange) {
        this.inbox = inbox;
        this.exchange = exchange;
    }

    @PostMapping({PATH, LEGACY_PATH})
    Inbox.Receipt receive(@RequestBody NodeDocument.Envelope envelope) {
        return inbox.receive(envelope);
    }

    @GetMapping({PATH + "/outgoing", LEGACY_PATH + "/outgoing"})
    @CanAdminister
    List<Exchange.Outgoing> outgoing() {
        return exchange.outgoing();
    }
}
