package org.ferret.parcels.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.parcels.Declaration;
import org.ferret.parcels.Inspections;
import org.ferret.parcels.ParcelsProperties;
import org.ferret.parcels.internal.ParcelReads;
import org.ferret.shared.FormErrors;
import org.ferret.shared.access.CanScreenParcels;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The analyst's queue of held parcels for a site and day, with scores, reasons, rules and detections, filtered by
 * site, direction, operator and category; and adding an item to the queue by hand, with a reason.
 */
@Controller
class QueuePage {
    private final Inspections inspections;
    private final ParcelsProperties properties;
    private final ParcelReads reads;

    QueuePage(Inspections inspections, ParcelsProperties properties, ParcelReads reads) {
        this.inspections = inspections;
        this.properties = properties;
        this.reads = reads;
    }

    @GetMapping("/parcels/queue")
    @CanScreenParcels
    String queue(@RequestParam(required = false) String site,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) Declaration.Direction direction, @RequestParam(required = false) String operator,
            @RequestParam(required = false) Declaration.Category category, Model model) {
        return page(site, day, direction, operator, category, model, new FormErrors(addLabels()), null, null);
    }

    /** Puts an item (its latest version) into its site's queue by hand; the reason is required and audited. */
    @PostMapping("/parcels/queue/add")
    @CanScreenParcels
    String add(@RequestParam(required = false) String itemId, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String site, Model model, HttpServletResponse response, RedirectAttributes flash) {
        FormErrors errors = new FormErrors(addLabels());
        String id = itemId == null ? "" : itemId.strip().toUpperCase(Locale.ROOT);
        Optional<UUID> declaration = Optional.empty();
        if (id.isEmpty()) {
            errors.add("itemId", "give the item id (e.g. RR123456785FI)");
        } else {
            declaration = reads.latestOfItem(id);
            if (declaration.isEmpty()) errors.add("itemId", "no declaration of item " + id);
        }
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "say why the item is added to the queue");
        }
        UUID target = declaration.orElse(null);
        return errors.submit(() -> {
            inspections.addToQueue(target, reason);
            flash.addFlashAttribute("notice", "Item " + id + " added to the inspection queue by hand.");
            return "redirect:/parcels/queue" + (site == null || site.isBlank() ? "" : "?site=" + URLEncoder.encode(site, StandardCharsets.UTF_8));
        }, "", Map.of()).orElseGet(() -> {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(site, null, null, null, null, model, errors, id, reason);
        });
    }

    private String page(String site, LocalDate day, Declaration.Direction direction, String operator, Declaration.Category category,
            Model model, FormErrors errors, String itemId, String reason) {
        LocalDate d = day == null ? LocalDate.now(ZoneOffset.UTC) : day;
        String s = site == null || site.isBlank() ? null : site;
        String o = operator == null || operator.isBlank() ? null : operator;
        model.addAttribute("entries", inspections.queue(new Inspections.Filter(s, d, direction, o, category)));
        model.addAttribute("sites", properties.getSites());
        model.addAttribute("site", s);
        model.addAttribute("day", d);
        model.addAttribute("direction", direction);
        model.addAttribute("directions", Declaration.Direction.values());
        model.addAttribute("operator", o);
        model.addAttribute("operators", reads.operators());
        model.addAttribute("category", category);
        model.addAttribute("categories", Declaration.Category.values());
        model.addAttribute("errors", errors);
        model.addAttribute("addItemId", itemId);
        model.addAttribute("addReason", reason);
        return "parcels/queue";
    }

    private static Map<String, String> addLabels() {
        return FormErrors.labels("itemId", "Item id", "reason", "Reason");
    }
}
