package org.ferret.parcels.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.ferret.parcels.Declaration;
import org.ferret.parcels.Inspections;
import org.ferret.parcels.ParcelScreening;
import org.ferret.parcels.internal.ParcelReads;
import org.ferret.parcels.internal.RuleBook;
import org.ferret.shared.FormErrors;
import org.ferret.shared.access.CanScreenParcels;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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
 * The analyst's page of one declaration version: every CN23 field in words, every version, the score with what the
 * screening library says about it (its reasons, the rules hit with their weights and rationales, the critical-class
 * score, the threshold in force), detections, outcome, the queue state with add and remove (a reason required),
 * and the history behind it: earlier items of the same sender's and addressee's keyed hashes. Sender and addressee
 * themselves are shown only on request, to a role that reads personal data, and each such read is audited.
 */
@Controller
class ItemPage {
    private final ParcelReads reads;
    private final RuleBook rules;
    private final ParcelScreening screening;
    private final Inspections inspections;

    ItemPage(ParcelReads reads, RuleBook rules, ParcelScreening screening, Inspections inspections) {
        this.reads = reads;
        this.rules = rules;
        this.screening = screening;
        this.inspections = inspections;
    }

    @GetMapping("/parcels/declarations/{declarationId}")
    @CanScreenParcels
    String item(@PathVariable String declarationId, @RequestParam(required = false) String show, Authentication auth, Model model) {
        UUID id = parse(declarationId);
        boolean parties = "parties".equals(show);
        return page(id, parties, auth, model, new FormErrors(FormErrors.labels("reason", "Reason")), null);
    }

    /** Adds the item to its site's queue, or takes it out, with the analyst's reason (audited by {@link Inspections}). */
    @PostMapping("/parcels/declarations/{declarationId}/queue")
    @CanScreenParcels
    String queue(@PathVariable String declarationId, @RequestParam(required = false) String action,
            @RequestParam(required = false) String reason, Authentication auth, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        UUID id = parse(declarationId);
        FormErrors errors = new FormErrors(FormErrors.labels("reason", "Reason"));
        boolean add = "add".equals(action);
        if (!add && !"remove".equals(action)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "action is add or remove");
        }
        if (reason == null || reason.isBlank()) {
            errors.add("reason", add ? "say why the item is added to the queue" : "say why the item is taken out of the queue");
        }
        return errors.submit(() -> {
            if (add) inspections.addToQueue(id, reason);
            else inspections.removeFromQueue(id, reason);
            flash.addFlashAttribute("notice", add ? "Added to the inspection queue." : "Taken out of the inspection queue.");
            return "redirect:/parcels/declarations/" + id;
        }, "", Map.of()).orElseGet(() -> {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(id, false, auth, model, errors, reason);
        });
    }

    private String page(UUID id, boolean parties, Authentication auth, Model model, FormErrors errors, String reason) {
        ParcelReads.DeclarationView d = reads.declaration(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ParcelReads.DecisionView decision = reads.decision(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean mayReadParties = auth.getAuthorities().stream().anyMatch(a -> "CAN_READ_PERSONAL_DATA".equals(a.getAuthority()));
        model.addAttribute("d", d);
        model.addAttribute("decision", decision);
        List<RuleBook.RuleHit> hits = rules.explain("postal", decision.rulesHit(), decision.rulePack());
        model.addAttribute("reasons", reasons(decision.reasons(), hits.stream().map(RuleBook.RuleHit::rationale)
                .filter(java.util.Objects::nonNull).toList()));
        model.addAttribute("rulesHit", hits);
        model.addAttribute("versions", reads.versions(d.operator(), d.itemId()));
        model.addAttribute("detections", reads.detections(id));
        model.addAttribute("outcome", reads.outcome(id).orElse(null));
        model.addAttribute("senderHistory", d.senderHash() == null ? null
                : reads.history(true, d.senderHash(), d.operator(), d.itemId(), d.receivedAt()));
        model.addAttribute("addresseeHistory", d.addresseeHash() == null ? null
                : reads.history(false, d.addresseeHash(), d.operator(), d.itemId(), d.receivedAt()));
        model.addAttribute("mayReadParties", mayReadParties);
        Map<String, Declaration.Party> shown = parties && mayReadParties ? screening.parties(id) : null;
        model.addAttribute("parties", shown);
        model.addAttribute("errors", errors);
        model.addAttribute("reason", reason);
        return "parcels/item";
    }

    /**
     * The stored reasons, one per entry. The library joins them with "; ", which a rule's rationale may hold too: so the
     * split is outside parentheses and never inside the rationale of a rule that was hit.
     */
    static List<String> reasons(String reasons, List<String> rationales) {
        List<String> out = new java.util.ArrayList<>();
        if (reasons == null) return out;
        boolean[] inside = new boolean[reasons.length()];
        for (String r : rationales) {
            String words = r.endsWith(".") ? r.substring(0, r.length() - 1) : r;
            for (int at = reasons.indexOf(words); at >= 0 && !words.isEmpty(); at = reasons.indexOf(words, at + 1)) {
                java.util.Arrays.fill(inside, at, at + words.length(), true);
            }
        }
        int depth = 0, start = 0;
        for (int i = 0; i < reasons.length(); i++) {
            char c = reasons.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth = Math.max(0, depth - 1);
            else if (c == ';' && depth == 0 && !inside[i] && i + 1 < reasons.length() && reasons.charAt(i + 1) == ' ') {
                out.add(reasons.substring(start, i).strip());
                start = i + 2;
            }
        }
        out.add(reasons.substring(start).strip());
        out.removeIf(String::isEmpty);
        return out;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
