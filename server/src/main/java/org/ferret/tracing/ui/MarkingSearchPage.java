package org.ferret.tracing.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.registry.ItemCategory;
import org.ferret.registry.ItemKind;
import org.ferret.shared.FerretException;
import org.ferret.shared.FormErrors;
import org.ferret.tracing.Confirmation;
import org.ferret.tracing.MarkingSearch;
import org.ferret.tracing.SearchQuery;
import org.ferret.shared.access.CanTrace;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The investigator's search page: marking as read, optional attributes, candidates with the per-position explanation. */
@Controller
class MarkingSearchPage {

    private final MarkingSearch search;

    MarkingSearchPage(MarkingSearch search) {
        this.search = search;
    }

    @GetMapping("/tracing/search")
    @CanTrace
    String page(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean ncic,
            @RequestParam(required = false) String manufacturer, @RequestParam(required = false) String model,
            @RequestParam(required = false) String calibre, @RequestParam(required = false) String type,
            @RequestParam(required = false) String country, @RequestParam(defaultValue = "false") boolean exactLength,
            Model m) {
        FormErrors errors = new FormErrors(FormErrors.labels("q", "Marking as read", "type", "Type",
                "manufacturer", "Make", "model", "Model", "calibre", "Calibre", "country", "Country of manufacture"));
        m.addAttribute("q", q);
        m.addAttribute("ncic", ncic);
        m.addAttribute("manufacturer", manufacturer);
        m.addAttribute("model", model);
        m.addAttribute("calibre", calibre);
        m.addAttribute("type", type);
        m.addAttribute("country", country);
        m.addAttribute("exactLength", exactLength);
        List<Enum<?>> types = new ArrayList<>(List.of(ItemCategory.FIREARM, ItemCategory.ESSENTIAL_COMPONENT));
        types.addAll(List.of(ItemKind.values()));
        m.addAttribute("types", types);
        if (q != null && !q.isBlank()) {
            try {
                m.addAttribute("result", search.search(new SearchQuery(q, ncic, manufacturer, model, calibre, type, country, null, !exactLength)));
            } catch (FerretException e) {
                errors.add(e, "", Map.of("pattern", "q", "marking", "q"));
            }
        }
        m.addAttribute("errors", errors);
        return "tracing/search";
    }

    @PostMapping("/tracing/confirmations")
    @CanTrace
    String decide(@RequestParam UUID itemId, @RequestParam String serial, @RequestParam(required = false) String pattern,
            @RequestParam Confirmation.Decision decision, RedirectAttributes r) {
        Confirmation c = search.decide(itemId, pattern == null || pattern.isBlank() ? serial : pattern, serial, decision, null, null);
        r.addAttribute("q", pattern);
        r.addFlashAttribute("message", "Recorded: serial " + c.serial() + " of item " + itemId + " "
                + (decision == Confirmation.Decision.CONFIRMED ? "confirmed as" : "rejected as not") + " the item in hand.");
        return "redirect:/tracing/search";
    }
}
