package org.ferret.parcels.ui;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.ferret.audit.Actor;
import org.ferret.parcels.ItemAnswer;
import org.ferret.parcels.ParcelsProperties;
import org.ferret.parcels.internal.ParcelReads;
import org.ferret.shared.access.CanSubmitDeclarations;
import org.springframework.http.HttpStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The postal operator's screens: the home page with today's figures, and the submissions of the caller's agency
 * (each version with its decision and how it was picked) beside the items rejected and why, filtered and paged.
 */
@Controller
class SubmissionsPage {
    private final ParcelReads reads;
    private final ParcelsProperties properties;

    SubmissionsPage(ParcelReads reads, ParcelsProperties properties) {
        this.reads = reads;
        this.properties = properties;
    }

    /** The operator's home (the dashboard at "/" forwards here for a user who does not read the registry). */
    @GetMapping("/parcels/home")
    @CanSubmitDeclarations
    String home(Model model) {
        String operator = operator();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        model.addAttribute("operator", operator);
        model.addAttribute("today", reads.dayFigures(operator, today));
        model.addAttribute("yesterday", reads.dayFigures(operator, today.minusDays(1)));
        ParcelReads.SubmissionFilter none = new ParcelReads.SubmissionFilter(null, null, null, null, null);
        model.addAttribute("recent", reads.submissions(operator, none, 1).rows().stream().limit(10).toList());
        model.addAttribute("rejections", reads.rejections(operator, none, 1).rows().stream().limit(10).toList());
        return "parcels/home";
    }

    @GetMapping("/parcels/submissions")
    @CanSubmitDeclarations
    String submissions(@RequestParam(required = false) String item, @RequestParam(required = false) ItemAnswer.Decision decision,
            @RequestParam(required = false) String site,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "1") int rpage, Model model) {
        String operator = operator();
        String i = item == null || item.isBlank() ? null : item.strip().toUpperCase(Locale.ROOT);
        String s = site == null || site.isBlank() ? null : site;
        ParcelReads.SubmissionFilter f = new ParcelReads.SubmissionFilter(i, decision, s, from, to);
        model.addAttribute("operator", operator);
        model.addAttribute("submissions", reads.submissions(operator, f, Math.max(1, page)));
        model.addAttribute("rejections", reads.rejections(operator, f, Math.max(1, rpage)));
        model.addAttribute("item", i);
        model.addAttribute("decision", decision);
        model.addAttribute("decisions", ItemAnswer.Decision.values());
        model.addAttribute("site", s);
        model.addAttribute("sites", properties.getSites().keySet());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "parcels/submissions";
    }

    private static String operator() {
        String a = Actor.current().agency();
        if (a == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only a user of an operator's agency sees its submissions");
        }
        return a;
    }
}
