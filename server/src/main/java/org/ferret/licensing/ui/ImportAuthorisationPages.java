package org.ferret.licensing.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.licensing.ImportAuthorisation;
import org.ferret.licensing.ImportAuthorisationRequest;
import org.ferret.licensing.ImportAuthorisationStatus;
import org.ferret.licensing.ImportAuthorisations;
import org.ferret.registry.Holder;
import org.ferret.registry.ItemKind;
import org.ferret.registry.Registry;
import org.ferret.shared.FerretException;
import org.ferret.shared.FormErrors;
import org.ferret.shared.Words;
import org.ferret.shared.access.CanLicense;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The licensing officer's screens for import authorisations issued by this state: the list with the imports recorded
 * without one, the issue form (every problem at once), and the authorisation page (goods lines used and left, the
 * import events drawn down, revoke with a reason).
 */
@Controller
@CanLicense
class ImportAuthorisationPages {

    /** Goods rows on the form. */
    static final int ROWS = 5;

    /** A choice of a select. */
    record Option(String value, String text) {
    }

    private final ImportAuthorisations authorisations;
    private final Registry registry;
    private final Clock clock;

    ImportAuthorisationPages(ImportAuthorisations authorisations, Registry registry, Clock clock) {
        this.authorisations = authorisations;
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping("/import-authorisations")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status, Model m) {
        FormErrors errors = new FormErrors(FormErrors.labels("status", "Status"));
        ImportAuthorisationStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = ImportAuthorisationStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                errors.add("status", "is not a status of an import authorisation");
            }
        }
        m.addAttribute("authorisations", authorisations.search(q, s, null, null, 200));
        m.addAttribute("errors", errors);
        m.addAttribute("q", q);
        m.addAttribute("status", status);
        m.addAttribute("statuses", ImportAuthorisationStatus.values());
        m.addAttribute("unauthorised", authorisations.unauthorisedImports(20));
        m.addAttribute("today", LocalDate.now(clock));
        return "licensing/import-authorisations";
    }

    private static Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>(FormErrors.labels(
                "importer", "Licence number of the importer",
                "countryOfExport", "Country of export",
                "validFrom", "Valid from",
                "validUntil", "Valid until",
                "lines", "Goods"));
        for (int i = 0; i < ROWS; i++) {
            l.put("lines[" + i + "].kind", "Goods line " + (i + 1) + ": kind");
            l.put("lines[" + i + "].description", "Goods line " + (i + 1) + ": description");
            l.put("lines[" + i + "].quantity", "Goods line " + (i + 1) + ": quantity");
        }
        return l;
    }

    @GetMapping("/import-authorisations/new")
    String newForm(Model m) {
        Map<String, String> form = new HashMap<>();
        form.put("validFrom", LocalDate.now(clock).toString());
        return form(m, form, new FormErrors(labels()));
    }

    private String form(Model m, Map<String, String> form, FormErrors errors) {
        m.addAttribute("form", form);
        m.addAttribute("errors", errors);
        m.addAttribute("rows", java.util.stream.IntStream.range(0, ROWS).boxed().toList());
        m.addAttribute("kinds", Arrays.stream(ItemKind.values()).map(k -> new Option(k.name(), k.label())).toList());
        return "licensing/import-authorisation-new";
    }

    @PostMapping("/import-authorisations")
    String issue(@RequestParam Map<String, String> form, Model m, RedirectAttributes r, HttpServletResponse response) {
        FormErrors errors = new FormErrors(labels());
        UUID importer = importer(form.get("importer"), errors);
        LocalDate from = errors.date("validFrom", form.get("validFrom"), false);
        LocalDate until = errors.date("validUntil", form.get("validUntil"), true);
        List<ImportAuthorisationRequest.Line> lines = new ArrayList<>();
        Map<String, String> aliases = new HashMap<>();
        for (int i = 0; i < ROWS; i++) {
            String p = "lines[" + i + "].";
            String kind = form.getOrDefault(p + "kind", "").strip();
            String description = form.getOrDefault(p + "description", "").strip();
            String quantity = form.getOrDefault(p + "quantity", "").strip();
            if (kind.isEmpty() && description.isEmpty() && quantity.isEmpty()) {
                continue;
            }
            String d = "lines[" + (lines.size() + 1) + "].";
            aliases.put(d + "kind", p + "kind");
            aliases.put(d + "description", p + "description");
            aliases.put(d + "quantity", p + "quantity");
            Integer q = null;
            if (!quantity.isEmpty()) {
                try {
                    q = Integer.valueOf(quantity);
                } catch (NumberFormatException e) {
                    errors.add(p + "quantity", "'" + quantity + "' is not a whole number");
                    q = 1;
                }
            }
            lines.add(new ImportAuthorisationRequest.Line(kind.isEmpty() ? null : kind,
                    description.isEmpty() ? null : description, q));
        }
        ImportAuthorisationRequest request = new ImportAuthorisationRequest(importer, form.get("countryOfExport"), from,
                until, lines);
        java.util.Set<String> before = labels().keySet().stream().filter(f -> errors.get(f) != null)
                .collect(java.util.stream.Collectors.toSet());
        if (errors.isEmpty()) {
            try {
                ImportAuthorisation a = authorisations.issue(request);
                r.addFlashAttribute("message", "Import authorisation " + a.number() + " issued.");
                return "redirect:/import-authorisations/" + a.id();
            } catch (FerretException e) {
                errors.add(e, "", aliases);
            }
        } else {
            // the domain's own checks too, so every problem is shown at once (a field already at fault is not repeated)
            errors.add(new FerretException(org.ferret.shared.ErrorCode.VALIDATION_FAILED, "the form has problems",
                    authorisations.problems(request)), "", aliases,
                    p -> !before.contains(aliases.getOrDefault(p.field(), p.field())));
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(m, form, errors);
    }

    /** The importer named by licence number. */
    private UUID importer(String licenceNumber, FormErrors errors) {
        if (licenceNumber == null || licenceNumber.isBlank()) {
            errors.add("importer", "must be given");
            return null;
        }
        List<Holder> holders = errors.capture("importer", () -> registry.findHoldersByLicence(licenceNumber));
        if (holders == null) {
            return null;
        }
        if (holders.isEmpty()) {
            errors.add("importer", "no holder with licence number " + licenceNumber.strip() + " is registered");
            return null;
        }
        if (holders.size() > 1) {
            errors.add("importer", holders.size() + " holders have this licence number; ask the registrar to correct it");
            return null;
        }
        return holders.getFirst().id().value();
    }

    @GetMapping("/import-authorisations/{id}")
    String page(@PathVariable UUID id, Model m) {
        ImportAuthorisation a = authorisations.get(id);
        m.addAttribute("a", a);
        m.addAttribute("standing", a.statusOn(LocalDate.now(clock)));
        Holder importer = registry.holder(new org.ferret.registry.HolderId(a.importer()));
        m.addAttribute("importer", importer.name() + (importer.licenceNumber() == null ? "" : ", licence "
                + importer.licenceNumber()));
        if (!m.containsAttribute("errors")) {
            m.addAttribute("errors", new FormErrors(FormErrors.labels("reason", "Reason")));
        }
        m.addAttribute("form", new HashMap<String, String>());
        return "licensing/import-authorisation";
    }

    @PostMapping("/import-authorisations/{id}/revoke")
    String revoke(@PathVariable UUID id, @RequestParam(required = false) String reason, Model m, RedirectAttributes r,
            HttpServletResponse response) {
        FormErrors errors = new FormErrors(FormErrors.labels("reason", "Reason"));
        var done = errors.submit(() -> authorisations.revoke(id, reason), "", Map.of());
        if (done.isPresent()) {
            r.addFlashAttribute("message", "Import authorisation " + done.get().number() + " revoked: "
                    + Words.lower(done.get().status()) + ".");
            return "redirect:/import-authorisations/" + id;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        m.addAttribute("errors", errors);
        return page(id, m);
    }
}
