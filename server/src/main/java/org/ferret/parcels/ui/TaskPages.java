package org.ferret.parcels.ui;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.ferret.parcels.Inspections;
import org.ferret.parcels.Outcome;
import org.ferret.parcels.OutcomeKind;
import org.ferret.parcels.ParcelsProperties;
import org.ferret.registry.Construction;
import org.ferret.registry.ItemCategory;
import org.ferret.registry.ItemKind;
import org.ferret.shared.FerretException;
import org.ferret.shared.access.CanInspectParcels;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inspector's task list for a site and day, with one outcome form per item, worked by keyboard. */
@Controller
class TaskPages {
    private final Inspections inspections;
    private final ParcelsProperties properties;

    TaskPages(Inspections inspections, ParcelsProperties properties) {
        this.inspections = inspections;
        this.properties = properties;
    }

    record Choice(String value, String label) {}

    @GetMapping("/parcels/tasks")
    @CanInspectParcels
    String tasks(@RequestParam(required = false) String site,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        LocalDate d = day == null ? LocalDate.now(ZoneOffset.UTC) : day;
        String s = site == null || site.isBlank() ? null : site;
        model.addAttribute("entries", inspections.queue(new Inspections.Filter(s, d, null, null, null)));
        model.addAttribute("sites", properties.getSites());
        model.addAttribute("site", s);
        model.addAttribute("day", d);
        model.addAttribute("kinds", Arrays.stream(OutcomeKind.values()).map(k -> new Choice(k.name(), k.label())).toList());
        model.addAttribute("itemKinds", Arrays.stream(ItemKind.values())
                .filter(k -> k.category() != ItemCategory.AMMUNITION_LOT).map(k -> new Choice(k.name(), k.label())).toList());
        model.addAttribute("constructions", List.of(new Choice("METAL", "metal"), new Choice("POLYMER", "polymer"),
                new Choice("ADDITIVELY_MANUFACTURED", "3D-printed"), new Choice("CONVERTED_ALARM_OR_GAS", "converted alarm or gas"),
                new Choice("REACTIVATED", "reactivated"), new Choice("MODULAR", "modular")));
        return "parcels/tasks";
    }

    @PostMapping("/parcels/tasks/{declarationId}/outcome")
    @CanInspectParcels
    String outcome(@PathVariable UUID declarationId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String itemKind, @RequestParam(required = false) String construction,
            @RequestParam(required = false) String unmarked, @RequestParam(required = false) String notes,
            @RequestParam(required = false) String site, RedirectAttributes redirect) {
        try {
            Outcome o = new Outcome(kind == null || kind.isBlank() ? null : OutcomeKind.valueOf(kind),
                    itemKind == null || itemKind.isBlank() ? null : ItemKind.valueOf(itemKind),
                    construction == null || construction.isBlank() ? null : Construction.valueOf(construction),
                    unmarked == null ? null : Boolean.FALSE, notes == null || notes.isBlank() ? null : notes);
            Inspections.Recorded r = inspections.recordOutcome(declarationId, o);
            redirect.addFlashAttribute("message", "Outcome recorded: " + o.kind().label()
                    + (r.registryItem() == null ? "." : "; registered as a seized " + r.registryItem().kind().label()
                    + (r.registryItem().markingRequired() ? ", on the marking-required list." : ".")));
            redirect.addFlashAttribute("registryItem", r.registryItem() == null ? null : r.registryItem().id().toString());
        } catch (FerretException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errorFor", declarationId.toString());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "Choose a value from the lists.");
            redirect.addFlashAttribute("errorFor", declarationId.toString());
        }
        return "redirect:/parcels/tasks" + (site == null || site.isBlank() ? "" : "?site=" + java.net.URLEncoder.encode(site, java.nio.charset.StandardCharsets.UTF_8));
    }
}
