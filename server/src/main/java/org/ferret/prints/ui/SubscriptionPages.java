package org.ferret.prints.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.ferret.prints.LibrarySubscriptions;
import org.ferret.prints.LibrarySubscriptions.Subscription;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FormErrors;
import org.ferret.shared.access.CanMaintainPrintLibrary;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The screen of the fingerprint libraries exchanged with other nodes: the libraries this node receives (subscribe to a
 * configured peer, unsubscribe after a confirmation) and the nodes that receive this node's library.
 */
@Controller
class SubscriptionPages {
    private final LibrarySubscriptions subscriptions;

    SubscriptionPages(LibrarySubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping("/prints/subscriptions")
    @CanMaintainPrintLibrary
    String page(Model model) {
        return page(model, new FormErrors(labels()), null);
    }

    @PostMapping("/prints/subscriptions")
    @CanMaintainPrintLibrary
    String subscribe(@RequestParam(required = false) String node, Model model, HttpServletResponse response, RedirectAttributes flash) {
        FormErrors errors = new FormErrors(labels());
        String peer = node == null ? "" : node.strip();
        if (peer.isEmpty()) errors.add("node", "choose the node whose library this node is to receive");
        return errors.submit(() -> {
            subscriptions.subscribe(peer);
            flash.addFlashAttribute("notice", "Subscribed to the library of " + peer + ". It comes over the signed exchange: its version "
                    + "shows here once it has arrived, and files screened here are compared with its parts from then on.");
            return "redirect:/prints/subscriptions";
        }, "", Map.of()).orElseGet(() -> {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, errors, peer);
        });
    }

    /** The confirmation step before an unsubscribe: what this node holds of the peer's library, and what ending it does. */
    @GetMapping("/prints/subscriptions/{node}/unsubscribe")
    @CanMaintainPrintLibrary
    String confirmUnsubscribe(@PathVariable String node, Model model) {
        Subscription s = find(node).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!s.active()) return "redirect:/prints/subscriptions";
        model.addAttribute("subscription", s);
        return "prints/unsubscribe";
    }

    @PostMapping("/prints/subscriptions/{node}/unsubscribe")
    @CanMaintainPrintLibrary
    String unsubscribe(@PathVariable String node, RedirectAttributes flash) {
        Optional<Subscription> before = find(node);
        boolean ended;
        try {
            ended = subscriptions.unsubscribe(node);
        } catch (FerretException e) {
            if (e.code() == ErrorCode.NOT_FOUND) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            throw e;
        }
        int parts = before.map(Subscription::parts).orElse(0);
        flash.addFlashAttribute("notice", ended
                ? "Unsubscribed from the library of " + node + ": its " + parts + (parts == 1 ? " known part is" : " known parts are")
                        + " no longer used to screen files here, and " + node + " is told to stop sending it. Held files keep their evidence."
                : "The subscription to the library of " + node + " had ended already.");
        return "redirect:/prints/subscriptions";
    }

    private Optional<Subscription> find(String node) {
        return subscriptions.subscriptions().stream().filter(s -> s.node().equals(node)).findFirst();
    }

    private String page(Model model, FormErrors errors, String node) {
        List<Subscription> all = subscriptions.subscriptions();
        Set<String> open = new TreeSet<>(subscriptions.peers());
        all.stream().filter(Subscription::active).forEach(s -> open.remove(s.node()));
        model.addAttribute("nodeId", subscriptions.nodeId());
        model.addAttribute("active", all.stream().filter(Subscription::active).toList());
        model.addAttribute("ended", all.stream().filter(s -> !s.active()).toList());
        model.addAttribute("peers", List.copyOf(open));
        model.addAttribute("configured", !subscriptions.peers().isEmpty());
        model.addAttribute("subscribers", subscriptions.subscribers());
        model.addAttribute("errors", errors);
        model.addAttribute("node", node);
        return "prints/subscriptions";
    }

    private static Map<String, String> labels() {
        return FormErrors.labels("node", "Node");
    }
}
