package org.ferret.intelligence.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.intelligence.Listing;
import org.ferret.intelligence.ListingCategory;
import org.ferret.intelligence.ListingStatus;
import org.ferret.intelligence.Listings;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.FormErrors;
import org.ferret.shared.StrictUtf8Reader;
import org.ferret.shared.Words;
import org.ferret.shared.access.CanIntelligence;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The investigator's listing screens: the review queue (or a status), a listing with its reasons and decision, the import. */
@Controller
@CanIntelligence
class ListingPages {

    private final Listings listings;

    ListingPages(Listings listings) {
        this.listings = listings;
    }

    /** One option of a select: its value and its words. */
    record Option(String value, String text) {
    }

    /** The decision form's values. */
    public record DecisionForm(String category, String note, String seizure, String alert) {
    }

    @GetMapping("/listings")
    String list(@RequestParam(required = false) String status, Model m) {
        ListingStatus s = Arrays.stream(ListingStatus.values()).filter(v -> v.name().equals(status)).findFirst().orElse(null);
        m.addAttribute("status", s);
        m.addAttribute("statuses", Arrays.stream(ListingStatus.values()).map(v -> new Option(v.name(), Words.of(v))).toList());
        m.addAttribute("listings", s == null ? listings.queue(200) : listings.list(s, 0, 200));
        m.addAttribute("threshold", Listings.QUEUE_THRESHOLD);
        return "intelligence/listings";
    }

    @GetMapping("/listings/{id}")
    String show(@PathVariable UUID id, Model m) {
        return page(listings.get(id), new DecisionForm(null, null, null, null), new FormErrors(labels()), m);
    }

    private String page(Listing l, DecisionForm form, FormErrors errors, Model m) {
        m.addAttribute("listing", l);
        m.addAttribute("form", form);
        m.addAttribute("errors", errors);
        m.addAttribute("categories", Arrays.stream(ListingCategory.values()).map(v -> new Option(v.name(), Words.of(v))).toList());
        return "intelligence/listing";
    }

    private static Map<String, String> labels() {
        return FormErrors.labels("category", "What it sells", "note", "Note", "seizure", "Seizure id", "alert", "Alert id");
    }

    @PostMapping("/listings/{id}/confirm")
    String confirm(@PathVariable UUID id, DecisionForm form, Model m, RedirectAttributes r, HttpServletResponse response) {
        FormErrors errors = new FormErrors(labels());
        ListingCategory category = errors.capture("category", () -> form.category() == null || form.category().isBlank() ? null
                : Arrays.stream(ListingCategory.values()).filter(v -> v.name().equals(form.category())).findFirst()
                        .orElseThrow(() -> new FerretException(org.ferret.shared.ErrorCode.VALIDATION_FAILED, "choose one of the list", List.of())));
        UUID seizure = errors.capture("seizure", () -> uuid(form.seizure()));
        UUID alert = errors.capture("alert", () -> uuid(form.alert()));
        var done = errors.submit(() -> listings.confirm(id, category, form.note(), seizure, alert), "", Map.of());
        if (done.isPresent()) {
            r.addFlashAttribute("message", "Confirmed: the listing is now a lead.");
            return "redirect:/listings/" + id;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(listings.get(id), form, errors, m);
    }

    @PostMapping("/listings/{id}/dismiss")
    String dismiss(@PathVariable UUID id, DecisionForm form, Model m, RedirectAttributes r, HttpServletResponse response) {
        FormErrors errors = new FormErrors(labels());
        var done = errors.submit(() -> listings.dismiss(id, form.note()), "", Map.of());
        if (done.isPresent()) {
            r.addFlashAttribute("message", "Dismissed.");
            return "redirect:/listings";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(listings.get(id), form, errors, m);
    }

    private static UUID uuid(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            throw new FerretException(org.ferret.shared.ErrorCode.VALIDATION_FAILED, "expected an id such as 3f2b…-…", List.of());
        }
    }

    @GetMapping("/listings/import")
    String importPage(Model m) {
        m.addAttribute("errors", new FormErrors(FormErrors.labels("file", "File")));
        m.addAttribute("problems", List.of());
        return "intelligence/listing-import";
    }

    @PostMapping("/listings/import")
    String importFile(@RequestParam("file") MultipartFile file, Model m, RedirectAttributes r, HttpServletResponse response) throws IOException {
        FormErrors errors = new FormErrors(FormErrors.labels("file", "File"));
        List<FieldProblem> problems = List.of();
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT);
        try (InputStream in = file.getInputStream()) {
            if (file.isEmpty()) {
                errors.add("file", "choose a CSV or JSON file");
            } else {
                Listings.ImportResult result = name.endsWith(".json") ? listings.importJson(new StrictUtf8Reader(in))
                        : listings.importCsv(new StrictUtf8Reader(in));
                r.addFlashAttribute("message", result.imported() + " listings imported, " + result.queued() + " in the review queue"
                        + (result.alreadyKnown() > 0 ? ", " + result.alreadyKnown() + " already known and not imported again" : "") + ".");
                return "redirect:/listings";
            }
        } catch (FerretException e) {
            problems = e.problems().isEmpty() ? List.of(new FieldProblem("file", e.getMessage())) : e.problems();
            errors.add("file", "the file was not imported; nothing of it was recorded (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ")");
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        m.addAttribute("errors", errors);
        m.addAttribute("problems", problems);
        return "intelligence/listing-import";
    }
}
