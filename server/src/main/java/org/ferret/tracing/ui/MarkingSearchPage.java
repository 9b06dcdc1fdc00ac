package org.ferret.tracing.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.registry.ItemKind;
import org.ferret.shared.FerretException;
import org.ferret.tracing.Confirmation;
import org.ferret.tracing.MarkingSearch;
import org.ferret.tracing.SearchQuery;
import org.springframework.security.access.prepost.PreAuthorize;
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
    @PreAuthorize("hasAnyRole('INVESTIGATOR','ADMINISTRATOR')")
    String page(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean ncic,
            @RequestParam(required = false) String manufacturer, @RequestParam(required = false) String model,
            @RequestParam(required = false) String calibre, @RequestParam(required = false) String type,
            @RequestParam(required = false) String country, @RequestParam(defaultValue = "false") boolean exactLength,
            Model m) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        m.addAttribute("q", q);
        m.addAttribute("ncic", ncic);
        m.addAttribute("manufacturer", manufacturer);
        m.addAttribute("model", model);
        m.addAttribute("calibre", calibre);
        m.addAttribute("type", type);
        m.addAttribute("country", country);
        m.addAttribute("exactLength", exactLength);
        List<String> types = new ArrayList<>(List.of("FIREARM", "ESSENTIAL_COMPONENT"));
        for (ItemKind k : ItemKind.values()) {
            types.add(k.name());
        }
        m.addAttribute("types", types);
        if (q != null && !q.isBlank()) {
            try {
                m.addAttribute("result", search.search(new SearchQuery(q, ncic, manufacturer, model, calibre, type, country, null, !exactLength)));
            } catch (FerretException e) {
                e.problems().forEach(p -> errors.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(p.message()));
                if (e.problems().isEmpty()) {
                    errors.put("search", List.of(e.getMessage()));
                }
            }
        }
        m.addAttribute("errors", errors);
        return "tracing/search";
    }

    @PostMapping("/tracing/confirmations")
    @PreAuthorize("hasAnyRole('INVESTIGATOR','ADMINISTRATOR')")
    String decide(@RequestParam UUID itemId, @RequestParam String serial, @RequestParam(required = false) String pattern,
            @RequestParam Confirmation.Decision decision, RedirectAttributes r) {
        Confirmation c = search.decide(itemId, pattern == null || pattern.isBlank() ? serial : pattern, serial, decision, null, null);
        r.addAttribute("q", pattern);
        r.addFlashAttribute("message", "Recorded: serial " + c.serial() + " of item " + itemId + " "
                + (decision == Confirmation.Decision.CONFIRMED ? "confirmed as" : "rejected as not") + " the item in hand.");
        return "redirect:/tracing/search";
    }
}
