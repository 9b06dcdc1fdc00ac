package org.ferret.prints.web;

import java.util.List;

import org.ferret.prints.LibrarySubscriptions;
import org.ferret.prints.LibrarySubscriptions.Subscriber;
import org.ferret.prints.LibrarySubscriptions.Subscription;
import org.ferret.shared.access.CanMaintainPrintLibrary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Subscriptions to other Ferret nodes' fingerprint libraries over the signed exchange, and this node's subscribers (issue 16). */
@RestController
@RequestMapping("/api/v1/prints")
@Tag(name = "Prints: library subscriptions", description = "Other nodes' fingerprint libraries received over the signed exchange and used by the screen; the nodes that receive this node's library")
class LibrarySubscriptionsController {
    private final LibrarySubscriptions subscriptions;

    LibrarySubscriptionsController(LibrarySubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    record Subscribe(String node) {}

    @PostMapping(path = "/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @CanMaintainPrintLibrary
    @Operation(summary = "Subscribe to a peer node's fingerprint library over the signed exchange: it is sent now and after each part the peer adds, and screens here use it",
            description = "JSON `{\"node\": \"<peer id>\"}`; the peer must be configured (400 otherwise). Subscribing again after an unsubscribe "
                    + "waits for the peer's library afresh. Answers the subscriptions.")
    List<Subscription> subscribe(@RequestBody Subscribe s) {
        subscriptions.subscribe(s.node());
        return subscriptions.subscriptions();
    }

    @GetMapping("/subscriptions")
    @CanMaintainPrintLibrary
    @Operation(summary = "The peer libraries this node subscribed to, with the version last received; ended ones have active false and endedAt")
    List<Subscription> subscriptions() {
        return subscriptions.subscriptions();
    }

    @DeleteMapping("/subscriptions/{node}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @CanMaintainPrintLibrary
    @Operation(summary = "Unsubscribe from a peer node's library: the screen stops using its parts at once and the peer is told to stop sending",
            description = "Idempotent: unsubscribing again answers 204 and changes nothing. 404 NOT_FOUND for a node that is not configured or "
                    + "that this node never subscribed to. Held files and audit entries keep their references to the peer's parts.")
    void unsubscribe(@PathVariable String node) {
        subscriptions.unsubscribe(node);
    }

    @GetMapping("/subscribers")
    @CanMaintainPrintLibrary
    @Operation(summary = "The nodes that subscribe to this node's library, with the version last sent to each; ended ones have active false and endedAt")
    List<Subscriber> subscribers() {
        return subscriptions.subscribers();
    }
}
