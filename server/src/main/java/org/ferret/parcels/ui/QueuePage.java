package org.ferret.parcels.ui;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.ferret.parcels.Declaration;
import org.ferret.parcels.Inspections;
import org.ferret.parcels.ParcelsProperties;
import org.ferret.shared.access.CanScreenParcels;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The analyst's queue of held parcels for a site and day, with scores, reasons, rules and detections. */
@Controller
class QueuePage {
    private final Inspections inspections;
    private final ParcelsProperties properties;

    QueuePage(Inspections inspections, ParcelsProperties properties) {
        this.inspections = inspections;
        this.properties = properties;
    }

    @GetMapping("/parcels/queue")
    @CanScreenParcels
    String queue(@RequestParam(required = false) String site,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) Declaration.Direction direction, Model model) {
        LocalDate d = day == null ? LocalDate.now(ZoneOffset.UTC) : day;
        String s = site == null || site.isBlank() ? null : site;
        model.addAttribute("entries", inspections.queue(new Inspections.Filter(s, d, direction, null, null)));
        model.addAttribute("sites", properties.getSites());
        model.addAttribute("site", s);
        model.addAttribute("day", d);
        model.addAttribute("direction", direction);
        model.addAttribute("directions", Declaration.Direction.values());
        return "parcels/queue";
    }
}
