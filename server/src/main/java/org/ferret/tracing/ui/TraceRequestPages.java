package org.ferret.tracing.ui;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.ferret.registry.ItemId;
import org.ferret.registry.ItemView;
import org.ferret.registry.Registry;
import org.ferret.shared.FerretException;
import org.ferret.shared.FormErrors;
import org.ferret.tracing.TraceRequest;
import org.ferret.tracing.TraceRequestId;
import org.ferret.tracing.TraceRequests;
import org.ferret.shared.access.CanTrace;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tracing officer's pages: trace requests with their deadlines, candidates, answer and chain of custody. */
@Controller
@CanTrace
class TraceRequestPages {

    private final TraceRequests traces;
    private final Registry registry;
    private final Clock clock;

    TraceRequestPages(TraceRequests traces, Registry registry, Clock clock) {
        this.traces = traces;
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping("/tracing/requests")
    String list(Model m) {
        List<TraceRequest> all = traces.list(null);
        m.addAttribute("requests", all);
        m.addAttribute("overdue", traces.overdue().stream().map(TraceRequest::id).toList());
        return "tracing/requests";
    }

    /** The form's text fields: name, label, input type. */
    static final List<String[]> FIELDS = List.of(
            new String[] {"requestingAgency", "Requesting agency", "text"},
            new String[] {"requestingCountry", "Requesting country (ISO code)", "text"},
            new String[] {"caseReference", "Case reference", "text"},
            new String[] {"legalBasis", "Legal basis", "text"},
            new String[] {"illicitContext", "Illicit context", "text"},
            new String[] {"recoveryCircumstances", "Circumstances of recovery", "text"},
            new String[] {"recoveryPlace", "Place of recovery", "text"},
            new String[] {"recoveredOn", "Date of recovery", "date"},
            new String[] {"marking", "Marking as read", "text"},
            new String[] {"type", "Type", "select"},
            new String[] {"make", "Make", "text"},
            new String[] {"model", "Model", "text"},
            new String[] {"calibre", "Calibre", "text"},
            new String[] {"countryOfOrigin", "Country of manufacture or import (ISO code)", "text"},
            new String[] {"intendedUse", "Intended use of the information", "text"});

    /** The form a tracing officer fills in from a request received by mail, phone or another system. */
    @GetMapping("/tracing/requests/new")
    String newRequest(Model m) {
        m.addAttribute("form", new java.util.HashMap<String, String>());
        m.addAttribute("errors", new FormErrors(labels()));
        m.addAttribute("fields", FIELDS);
        m.addAttribute("types", types());
        return "tracing/new-request";
    }

    /** The item types a request may name: the two broad categories, then every kind. */
    static List<Enum<?>> types() {
        List<Enum<?>> types = new java.util.ArrayList<>(List.of(org.ferret.registry.ItemCategory.FIREARM,
                org.ferret.registry.ItemCategory.ESSENTIAL_COMPONENT));
        types.addAll(List.of(org.ferret.registry.ItemKind.values()));
        return types;
    }

    /** The form's labels, which are also the fields a message can be attached to. */
    private static Map<String, String> labels() {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        FIELDS.forEach(f -> labels.put(f[0], f[1]));
        labels.put("urgency", "Urgency");
        return labels;
    }

    @PostMapping("/tracing/requests")
    String receive(@RequestParam java.util.Map<String, String> form, Model m, RedirectAttributes r,
            jakarta.servlet.http.HttpServletResponse response) {
        FormErrors errors = new FormErrors(labels());
        // a bad date is reported together with every other problem of the form, not on its own first
        java.time.LocalDate recovered = errors.date("recoveredOn", form.get("recoveredOn"), false);
        try {
            org.ferret.tracing.Urgency urgency = "URGENT".equals(form.get("urgency")) ? org.ferret.tracing.Urgency.URGENT
                    : "ROUTINE".equals(form.get("urgency")) ? org.ferret.tracing.Urgency.ROUTINE : null;
            TraceRequest t = traces.receive(new org.ferret.tracing.TraceRequestContent(form.get("requestingAgency"),
                    form.get("requestingCountry"), form.get("caseReference"), form.get("legalBasis"),
                    form.get("illicitContext"), form.get("recoveryCircumstances"), form.get("recoveryPlace"), recovered,
                    List.of(new org.ferret.tracing.MarkingRead(form.get("marking"), "true".equals(form.get("obliterated")))),
                    form.get("type"), form.get("make"), form.get("model"), form.get("calibre"),
                    form.get("countryOfOrigin"), urgency, form.get("intendedUse")));
            if (errors.isEmpty()) {
                r.addFlashAttribute("message", "Received; " + t.candidates().size() + " candidate(s) proposed.");
                return "redirect:/tracing/requests/" + t.id();
            }
        } catch (FerretException e) {
            boolean badDate = errors.get("recoveredOn") != null;
            errors.add(e, "", java.util.Map.of("markings", "marking", "markings[0].marking", "marking"),
                    p -> !(badDate && "recoveredOn".equals(p.field())));
        }
        response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
        m.addAttribute("form", form);
        m.addAttribute("errors", errors);
        m.addAttribute("fields", FIELDS);
        m.addAttribute("types", types());
        return "tracing/new-request";
    }

    @GetMapping("/tracing/requests/{id}")
    String show(@PathVariable UUID id, Model m) {
        TraceRequest t = traces.get(new TraceRequestId(id));
        m.addAttribute("t", t);
        // each candidate as the registry knows it now: what it is and its status ("reported stolen" comes first)
        Map<UUID, ItemView> items = new HashMap<>();
        t.candidates().forEach(c -> registry.find(new ItemId(c.itemId())).ifPresent(v -> items.put(c.itemId(), v)));
        m.addAttribute("items", items);
        m.addAttribute("overdue", t.overdue(clock.instant()));
        return "tracing/request";
    }

    @PostMapping("/tracing/requests/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, RedirectAttributes r) {
        return act(id, r, "Acknowledged.", () -> traces.acknowledge(new TraceRequestId(id)));
    }

    @PostMapping("/tracing/requests/{id}/candidates/{item}/{decision}")
    String decide(@PathVariable UUID id, @PathVariable UUID item, @PathVariable String decision,
            @RequestParam(required = false) String note, RedirectAttributes r) {
        TraceRequestId trace = new TraceRequestId(id);
        return switch (decision) {
            case "confirm" -> act(id, r, "Candidate confirmed as the item in hand.",
                    () -> traces.confirm(trace, new ItemId(item), note));
            case "reject" -> act(id, r, "Candidate rejected.", () -> traces.reject(trace, new ItemId(item), note));
            default -> throw new FerretException(org.ferret.shared.ErrorCode.NOT_FOUND, "no such decision: " + decision);
        };
    }

    @PostMapping("/tracing/requests/{id}/answer")
    String answer(@PathVariable UUID id, @RequestParam(required = false) String remarks, RedirectAttributes r) {
        return act(id, r, "Answered.", () -> traces.answer(new TraceRequestId(id),
                remarks == null || remarks.isBlank() ? null : remarks.strip()));
    }

    @PostMapping("/tracing/requests/{id}/close")
    String close(@PathVariable UUID id, RedirectAttributes r) {
        return act(id, r, "Closed.", () -> traces.close(new TraceRequestId(id)));
    }

    private String act(UUID id, RedirectAttributes r, String done, Supplier<TraceRequest> action) {
        try {
            action.get();
            r.addFlashAttribute("message", done);
        } catch (FerretException e) {
            r.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tracing/requests/" + id;
    }
}
