package org.ferret.standards.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.registry.ItemId;
import org.ferret.registry.ItemView;
import org.ferret.registry.Registry;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.access.CanReadRegistry;
import org.ferret.standards.Assessment;
import org.ferret.standards.Assessments;
import org.ferret.standards.ItemStandards;
import org.ferret.standards.Review;
import org.ferret.standards.StandardPacks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The standards on a registry item's page (its assessments, assessed imports, open reviews; loaded into the page so
 * that the registry does not depend on this module), a stored assessment, and the list of reviews awaiting a decision.
 */
@Controller
@RequestMapping("/standards")
class ItemStandardsPages {

    /** A review with what tells its item apart on the list. */
    record ReviewRow(Review review, String item, String assessLink) {
    }

    private final Assessments assessments;
    private final ItemStandards items;
    private final StandardPacks packs;
    private final Registry registry;

    ItemStandardsPages(Assessments assessments, ItemStandards items, StandardPacks packs, Registry registry) {
        this.assessments = assessments;
        this.items = items;
        this.packs = packs;
        this.registry = registry;
    }

    @GetMapping("/items/{item}/panel")
    @CanReadRegistry
    String panel(@PathVariable UUID item, Model model) {
        model.addAttribute("item", item);
        model.addAttribute("assessments", assessments.forItem(item));
        model.addAttribute("imports", items.importsOf(item));
        model.addAttribute("reviews", items.reviewsOf(item).stream().filter(Review::open)
                .map(r -> new ReviewRow(r, null, assessLink(r))).toList());
        return "standards/item-panel :: panel";
    }

    @GetMapping("/assessment")
    @CanReadRegistry
    String assessment(@RequestParam UUID id, Model model) {
        Assessment a = assessments.find(id).orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "No assessment " + id));
        model.addAttribute("done", a);
        model.addAttribute("pack", packs.get(a.packId(), a.packVersion()));
        Map<String, String> evidence = new LinkedHashMap<>();
        a.decisions().forEach((req, d) -> evidence.put(req, (d.met() ? "met" : "not met") + " (decided by " + d.decidedBy()
                + ")" + (d.evidence().isEmpty() ? "" : ": " + String.join("; ", d.evidence().entrySet().stream()
                        .map(e -> StandardsPages.words(e.getKey()) + ": " + e.getValue()).toList()))));
        model.addAttribute("decided", evidence);
        model.addAttribute("reassess", "/standards/assess?id=" + a.packId() + "&version=" + a.packVersion()
                + (a.item() == null ? "" : "&item=" + a.item()) + (a.firearmType() == null ? "" : "&type=" + a.firearmType().name()));
        return "standards/assessment";
    }

    /** The timeline's link from an import event to the assessment it was recorded on. */
    @GetMapping("/imports/{event}")
    @CanReadRegistry
    String importOf(@PathVariable UUID event) {
        return items.importOf(event).map(i -> "redirect:/standards/assessment?id=" + i.assessment())
                .orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "Import event " + event
                        + " was not assessed under a standard"));
    }

    @GetMapping("/reviews")
    @CanReadRegistry
    String reviews(Model model) {
        List<ReviewRow> rows = items.openReviews().stream().map(r -> new ReviewRow(r, describe(r.item()), assessLink(r))).toList();
        model.addAttribute("rows", rows);
        return "standards/reviews";
    }

    private String describe(UUID item) {
        return registry.find(new ItemId(item)).map(ItemStandardsPages::describe).orElse("item " + item);
    }

    private static String describe(ItemView v) {
        List<String> serials = Registry.serialsOf(v);
        return v.kind().label() + (v.attributes().manufacturer() == null ? "" : " · " + v.attributes().manufacturer())
                + (serials.isEmpty() ? " · no serial" : " · " + String.join(", ", serials));
    }

    private static String assessLink(Review r) {
        String[] ref = r.standard().split("@", 2);
        return "/standards/assess?id=" + ref[0] + "&version=" + ref[1] + "&item=" + r.item() + "&type=PARTIAL_FRAME_OR_RECEIVER";
    }
}
