package org.ferret.intelligence.ui;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.ferret.intelligence.Concealment;
import org.ferret.intelligence.Conveyance;
import org.ferret.intelligence.CriminalContext;
import org.ferret.intelligence.DiversionFinding;
import org.ferret.intelligence.LegalJustification;
import org.ferret.intelligence.NewSeizure;
import org.ferret.intelligence.PersonRole;
import org.ferret.intelligence.SeizedItemType;
import org.ferret.intelligence.Seizure;
import org.ferret.intelligence.SeizureFilter;
import org.ferret.intelligence.SeizureKind;
import org.ferret.intelligence.Seizures;
import org.ferret.intelligence.internal.SeizureFields;
import org.ferret.registry.Construction;
import org.ferret.registry.ItemKind;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.FormErrors;
import org.ferret.shared.StrictUtf8Reader;
import org.ferret.shared.Words;
import org.ferret.shared.access.CanIntelligence;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

/**
 * The analyst's seizure screens: the list with filters, the form (every problem at once), the seizure page with
 * its items, their tracing outcomes and (for roles that read personal data, audited) the persons, and the import.
 */
@Controller
@CanIntelligence
class SeizurePages {

    static final int ITEM_ROWS = 4;
    static final int PERSON_ROWS = 2;

    private final Seizures seizures;
    private final ObjectMapper json;

    SeizurePages(Seizures seizures, ObjectMapper json) {
        this.seizures = seizures;
        this.json = json;
    }

    /** One option of a select: its value and its words. */
    record Option(String value, String text) {
    }

    static List<Option> options(Enum<?>[] values) {
        List<Option> out = new ArrayList<>();
        for (Enum<?> e : values) out.add(new Option(e.name(), Words.of(e)));
        return out;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String v, String field, FormErrors errors) {
        if (v == null || v.isBlank()) return null;
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            errors.add(field, "is not one of the choices");
            return null;
        }
    }

    static void filterOptions(Model m) {
        m.addAttribute("kinds", options(SeizureKind.values()));
        m.addAttribute("contexts", options(CriminalContext.values()));
        m.addAttribute("conveyances", options(Conveyance.values()));
        m.addAttribute("itemTypes", options(SeizedItemType.values()));
    }

    /** The filters of the list and the analytics from the query, with their problems. */
    static SeizureFilter filter(Map<String, String> q, FormErrors errors) {
        LocalDate from = errors.date("from", q.get("from"), false);
        LocalDate to = errors.date("to", q.get("to"), false);
        String country = q.get("country") == null || q.get("country").isBlank() ? null : q.get("country").strip();
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            errors.add("country", "an ISO 3166-1 alpha-2 code, e.g. FI");
            country = null;
        }
        return new SeizureFilter(from, to, country, parse(SeizureKind.class, q.get("kind"), "kind", errors),
                parse(CriminalContext.class, q.get("context"), "context", errors),
                parse(Conveyance.class, q.get("conveyance"), "conveyance", errors),
                parse(SeizedItemType.class, q.get("itemType"), "itemType", errors));
    }

    static FormErrors filterErrors() {
        return new FormErrors(FormErrors.labels("from", "From", "to", "To", "country", "Country", "kind", "Seized, found or surrendered",
                "context", "Criminal context", "conveyance", "Conveyance", "itemType", "Item type"));
    }

    @GetMapping("/seizures")
    String list(@RequestParam Map<String, String> q, Model m) {
        FormErrors errors = filterErrors();
        SeizureFilter f = filter(q, errors);
        m.addAttribute("seizures", errors.isEmpty() ? seizures.search(f, 200) : List.of());
        m.addAttribute("errors", errors);
        m.addAttribute("form", new HashMap<>(q));
        filterOptions(m);
        return "intelligence/seizures";
    }

    private static Map<String, String> formLabels() {
        Map<String, String> l = new LinkedHashMap<>(FormErrors.labels(
                "reference", "Reference", "kind", "Seized, found or surrendered", "seizedOn", "Date",
                "country", "Country", "locality", "Locality", "latitude", "Latitude", "longitude", "Longitude",
                "agency", "Agency", "legalJustification", "Legal justification", "criminalContext", "Criminal context",
                "conveyance", "Mode of transport or conveyance", "concealment", "Concealment", "origin", "Origin",
                "transit", "Transit countries", "destination", "Destination", "notes", "Notes", "items", "Items"));
        for (int i = 0; i < ITEM_ROWS; i++) {
            for (String f : SeizureFields.ITEM) {
                l.put("items[" + i + "]." + f, "Item " + (i + 1) + ": " + Words.field(f).toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (int i = 0; i < PERSON_ROWS; i++) {
            for (String f : SeizureFields.PERSON) {
                l.put("persons[" + i + "]." + f, "Person " + (i + 1) + ": " + Words.field(f).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return l;
    }

    @GetMapping("/seizures/new")
    String newSeizure(Model m) {
        Map<String, String> form = new HashMap<>();
        form.put("kind", "SEIZED");
        form.put("concealment", "NOT_KNOWN");
        return form(m, form, new FormErrors(formLabels()));
    }

    private String form(Model m, Map<String, String> form, FormErrors errors) {
        m.addAttribute("form", form);
        m.addAttribute("errors", errors);
        m.addAttribute("itemRows", IntStream.range(0, ITEM_ROWS).boxed().toList());
        m.addAttribute("personRows", IntStream.range(0, PERSON_ROWS).boxed().toList());
        m.addAttribute("kinds", options(SeizureKind.values()));
        m.addAttribute("justifications", options(LegalJustification.values()));
        m.addAttribute("contexts", options(CriminalContext.values()));
        m.addAttribute("conveyances", options(Conveyance.values()));
        m.addAttribute("concealments", options(Concealment.values()));
        m.addAttribute("itemTypes", options(SeizedItemType.values()));
        m.addAttribute("itemKinds", options(ItemKind.values()));
        m.addAttribute("constructions", options(Construction.values()));
        m.addAttribute("roles", options(PersonRole.values()));
        m.addAttribute("yesNo", List.of(new Option("yes", "Marked"), new Option("no", "Unmarked")));
        return "intelligence/new";
    }

    @PostMapping("/seizures")
    String record(@RequestParam Map<String, String> form, Model m, RedirectAttributes r, HttpServletResponse response) {
        FormErrors errors = new FormErrors(formLabels());
        Map<String, String> head = new HashMap<>();
        SeizureFields.SEIZURE.forEach(f -> head.put(f, form.get(f)));
        List<SeizureFields.Part> items = new ArrayList<>();
        for (int i = 0; i < ITEM_ROWS; i++) {
            Map<String, String> values = new HashMap<>();
            for (String f : SeizureFields.ITEM) values.put(f, form.get("items[" + i + "]." + f));
            if (values.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
                items.add(new SeizureFields.Part(null, "items[" + i + "].", values));
            }
        }
        List<SeizureFields.Part> persons = new ArrayList<>();
        for (int i = 0; i < PERSON_ROWS; i++) {
            Map<String, String> values = new HashMap<>();
            for (String f : SeizureFields.PERSON) values.put(f, form.get("persons[" + i + "]." + f));
            if (values.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
                persons.add(new SeizureFields.Part(null, "persons[" + i + "].", values));
            }
        }
        SeizureFields.Raw raw = new SeizureFields.Raw(new SeizureFields.Part(null, "", head), items, persons);
        List<FieldProblem> problems = new ArrayList<>();
        NewSeizure s = SeizureFields.parse(raw, problems);
        problems.forEach(p -> errors.add(p.field(), p.message()));
        var done = errors.submit(() -> seizures.record(s, raw), "", Map.of());
        if (done.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(m, form, errors);
        }
        r.addFlashAttribute("message", "Seizure " + done.get().reference() + " recorded.");
        return "redirect:/seizures/" + done.get().id();
    }

    @GetMapping("/seizures/{id}")
    String seizure(@PathVariable UUID id, Model m, Authentication auth) {
        Seizure s = seizures.get(id);
        m.addAttribute("s", s);
        m.addAttribute("findings", options(DiversionFinding.values()));
        boolean mayRead = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("CAN_READ_PERSONAL_DATA"));
        m.addAttribute("mayReadPersons", mayRead);
        m.addAttribute("persons", mayRead && s.persons() > 0 ? seizures.persons(id) : List.of());
        return "intelligence/seizure";
    }

    @PostMapping("/seizures/{id}/items/{item}/tracing")
    String tracing(@PathVariable UUID id, @PathVariable UUID item, @RequestParam(required = false) String finding,
            @RequestParam(required = false) String note, RedirectAttributes r) {
        DiversionFinding f = null;
        try {
            f = finding == null || finding.isBlank() ? null : DiversionFinding.valueOf(finding);
        } catch (IllegalArgumentException e) {
            // left null: the service names the field
        }
        try {
            seizures.recordTracing(id, item, f, note);
            r.addFlashAttribute("message", "Tracing outcome recorded: " + Words.lower(f) + ".");
        } catch (FerretException e) {
            r.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/seizures/" + id;
    }

    @GetMapping("/seizures/import")
    String importPage(Model m) {
        m.addAttribute("errors", new FormErrors(FormErrors.labels("file", "File")));
        m.addAttribute("problems", List.of());
        return "intelligence/import";
    }

    @PostMapping("/seizures/import")
    String importFile(@RequestParam("file") MultipartFile file, Model m, RedirectAttributes r, HttpServletResponse response)
            throws IOException {
        FormErrors errors = new FormErrors(FormErrors.labels("file", "File"));
        List<FieldProblem> problems = List.of();
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT);
        try (InputStream in = file.getInputStream()) {
            if (file.isEmpty()) {
                errors.add("file", "choose a CSV or JSON file");
            } else {
                Seizures.ImportResult result = name.endsWith(".json")
                        ? seizures.importJson(json.readTree(in))
                        : seizures.importCsv(new StrictUtf8Reader(in));
                r.addFlashAttribute("message", result.seizures() + " seizures with " + result.items() + " items imported.");
                return "redirect:/seizures";
            }
        } catch (FerretException e) {
            problems = e.problems().isEmpty() ? List.of(new FieldProblem("file", e.getMessage())) : e.problems();
            errors.add("file", "the file was not imported; nothing of it was recorded (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ")");
        } catch (tools.jackson.core.JacksonException e) {
            errors.add("file", "the JSON cannot be read: " + e.getOriginalMessage());
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        m.addAttribute("errors", errors);
        m.addAttribute("problems", problems);
        return "intelligence/import";
    }
}
