package org.ferret.registry.ui;

import org.ferret.shared.FormErrors;
import org.ferret.shared.Words;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.ferret.registry.Construction;
import org.ferret.registry.EventId;
import org.ferret.registry.EventType;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemKind;
import org.ferret.registry.ItemSummary;
import org.ferret.registry.ItemView;
import org.ferret.registry.LifecycleEvent;
import org.ferret.registry.Marking;
import org.ferret.registry.MarkingKind;
import org.ferret.registry.MarkingMethod;
import org.ferret.registry.NewEvent;
import org.ferret.registry.NewItem;
import org.ferret.registry.Registry;
import org.ferret.shared.FerretException;
import org.ferret.shared.access.CanRegister;
import org.ferret.shared.access.CanReadRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry's screens: register an item, the item page with its timeline (and the forms to record an event, add
 * a marking, fit a component), serial lookup and the "marking required" work list. Reading is open to every
 * signed-in role (no holder personal data is shown); changes need a registrar or an administrator.
 */
@Controller
@RequestMapping("/items")
class ItemPages {

    static final int PAGE_SIZE = 50;

    /** Event types in words (the message bundle through {@link Words}), for the templates and messages. */
    static final Map<EventType, String> EVENT_LABELS = new EnumMap<>(EventType.class);
    static {
        for (EventType t : EventType.values()) {
            EVENT_LABELS.put(t, Words.of(t));
        }
    }

    private final Registry registry;

    ItemPages(Registry registry) {
        this.registry = registry;
    }

    // ---- register -------------------------------------------------------------------------------

    @GetMapping("/new")
    @CanRegister
    String newItem(Model model) {
        model.addAttribute("form", new ItemForm());
        return registerPage(model, new FormErrors(ItemForms.itemLabels()));
    }

    @PostMapping
    @CanRegister
    String register(@ModelAttribute("form") ItemForm form, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        FormErrors errors = new FormErrors(ItemForms.itemLabels());
        NewItem item = ItemForms.newItem(form, errors);
        return errors.submit(() -> {
            ItemView view = registry.register(item);
            flash.addFlashAttribute("notice", "Registered the " + view.kind().label()
                    + (view.markingRequired() ? ". It has no compliant marking and is on the marking-required work list." : "."));
            return "redirect:/items/" + view.id();
        }, "", Map.of("initialEvent.type", "initialEventType")).orElseGet(() -> {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return registerPage(model, errors);
        });
    }

    private String registerPage(Model model, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", Arrays.stream(ItemKind.values())
                .map(k -> new Option(k.name(), Words.of(k) + " (" + Words.lower(k.category()) + ")")).toList());
        model.addAttribute("constructions", Option.of(Construction.values()));
        model.addAttribute("initialTypes", Arrays.stream(EventType.values())
                .filter(t -> !t.recordedByOwnOperation() && t != EventType.CORRECTION
                        && t != EventType.TRANSFER_OF_POSSESSION && t != EventType.DEACTIVATION
                        && t != EventType.DESTRUCTION)
                .map(t -> new Option(t.name(), Words.of(t))).toList());
        markingOptions(model);
        return "items/new";
    }

    // ---- item page ------------------------------------------------------------------------------

    @CanReadRegistry
    @GetMapping("/{id}")
    String item(@PathVariable String id, Model model) {
        ItemView item = load(id);
        emptyForms(model);
        return itemPage(item, model);
    }

    @PostMapping("/{id}/events")
    @CanRegister
    String recordEvent(@PathVariable String id, @ModelAttribute("eventForm") EventForm form, Model model,
            HttpServletResponse response, RedirectAttributes flash,
            @RequestHeader(value = "HX-Request", required = false) String htmx) {
        ItemView item = load(id);
        FormErrors errors = new FormErrors(ItemForms.eventLabels());
        NewEvent event = ItemForms.newEvent(form, errors, this::resolveHolder);
        Map<String, Object> facts = ItemForms.standardFacts(form, errors);
        return errors.submit(() -> {
            ItemView after = registry.recordEvent(item.id(), event, facts.isEmpty() ? Map.of() : Map.of("facts", facts));
            flash.addFlashAttribute("notice", Words.of(event.type()) + " on " + Words.date(event.occurredOn())
                    + ". Status now: " + Words.lower(after.status()) + ".");
            return "redirect:/items/" + item.id() + "#history";
        }, "", Map.of("deactivation.standardApplied", "deactivationStandard", "standardAssessment", "standardFacts"))
                .orElseGet(() -> showAgain(item, model, "eventErrors", errors, response, htmx, "#record-event"));
    }

    @PostMapping("/{id}/markings")
    @CanRegister
    String addMarking(@PathVariable String id, @ModelAttribute("markingForm") AddMarkingForm form, Model model,
            HttpServletResponse response, RedirectAttributes flash,
            @RequestHeader(value = "HX-Request", required = false) String htmx) {
        ItemView item = load(id);
        FormErrors errors = new FormErrors(ItemForms.addMarkingLabels());
        MarkingForm m = form.getMarking() == null ? new MarkingForm() : form.getMarking();
        if (m.blank()) {
            errors.add("marking.serialNumber", "fill in what the marking says");
        }
        LocalDate on = ItemForms.date("markedOn", form.getMarkedOn(), true, errors);
        Marking marking = m.blank() ? null : ItemForms.marking(m, "marking.", errors);
        return errors.submit(() -> {
            ItemView after = registry.addMarking(item.id(), marking, on);
            flash.addFlashAttribute("notice", "Marking added." + (item.markingRequired() && !after.markingRequired()
                    ? " The item no longer needs marking." : ""));
            return "redirect:/items/" + item.id() + "#markings";
        }, "marking.", Map.of("markedOn", "markedOn", "occurredOn", "markedOn"))
                .orElseGet(() -> showAgain(item, model, "markingErrors", errors, response, htmx, "#add-marking"));
    }

    @PostMapping("/{id}/components")
    @CanRegister
    String fitComponent(@PathVariable String id, @ModelAttribute("fitForm") FitForm form, Model model,
            HttpServletResponse response, RedirectAttributes flash,
            @RequestHeader(value = "HX-Request", required = false) String htmx) {
        ItemView item = load(id);
        FormErrors errors = new FormErrors(ItemForms.fitLabels());
        LocalDate on = ItemForms.date("fittedOn", form.getFittedOn(), true, errors);
        ItemId component = resolveComponent(form.getComponent(), errors);
        return errors.submit(() -> {
            registry.fitComponent(item.id(), component, on, form.getFitNote());
            flash.addFlashAttribute("notice", "Component fitted.");
            return "redirect:/items/" + item.id() + "#components";
        }, "", Map.of("componentId", "component", "firearmId", "component", "occurredOn", "fittedOn"))
                .orElseGet(() -> showAgain(item, model, "fitErrors", errors, response, htmx, "#components"));
    }

    @PostMapping("/{id}/components/{componentId}/remove")
    @CanRegister
    String removeComponent(@PathVariable String id, @PathVariable String componentId,
            @RequestParam(required = false) String removedOn, RedirectAttributes flash) {
        ItemView item = load(id);
        ItemId component = parseId(componentId);
        LocalDate on = null; // today on the registry's clock
        try {
            if (removedOn != null && !removedOn.isBlank()) {
                on = LocalDate.parse(removedOn.strip());
            }
            registry.removeComponent(item.id(), component, on, null);
            flash.addFlashAttribute("notice", "Component removed.");
        } catch (FerretException | java.time.DateTimeException e) {
            flash.addFlashAttribute("problem", "The component could not be removed: " + e.getMessage());
        }
        return "redirect:/items/" + item.id() + "#components";
    }

    private String itemPage(ItemView item, Model model) {
        Map<EventId, Integer> seqById = new HashMap<>();
        Map<EventId, String> correctedBy = new HashMap<>();
        Map<EventId, String> amendments = new HashMap<>();
        Map<org.ferret.registry.HolderId, String> holders = holderNames(item);
        for (LifecycleEvent e : item.history()) {
            seqById.put(e.id(), e.sequence());
        }
        // the timeline runs in occurrence order; a corrected event is shown as recorded, marked by its corrections
        for (LifecycleEvent e : item.history().stream()
                .sorted(java.util.Comparator.comparingInt(LifecycleEvent::sequence)).toList()) {
            if (e.corrects() != null) {
                String mark = (e.withdraws() ? "withdrawn by correction #" : "amended by correction #") + e.sequence();
                correctedBy.merge(e.corrects(), mark, (a, b) -> a + "; " + b);
            }
            if (e.amendment() != null) {
                amendments.put(e.id(), amendmentText(e.amendment(), holders));
            }
        }
        model.addAttribute("item", item);
        model.addAttribute("holders", holders);
        model.addAttribute("heading", title(item));
        model.addAttribute("serials", item.markings().stream()
                .filter(m -> !m.retracted() && m.marking().elements().serialNumber() != null)
                .map(m -> m.marking().elements().serialNumber().value()).distinct().toList());
        model.addAttribute("seqById", seqById);
        model.addAttribute("correctedBy", correctedBy);
        model.addAttribute("amendments", amendments);
        model.addAttribute("correctionOptions", List.of(new Option("WITHDRAW", "Withdraw it: it did not happen"),
                new Option("AMEND", "Amend it: the date, country or holder was wrong")));
        model.addAttribute("eventLabels", EVENT_LABELS);
        model.addAttribute("eventTypes", Arrays.stream(EventType.values()).filter(t -> !t.recordedByOwnOperation())
                .map(t -> new Option(t.name(), Words.of(t))).toList());
        model.addAttribute("historyOptions", item.history().stream()
                .map(e -> new Option(e.id().toString(), "#" + e.sequence() + " " + Words.of(e.type())
                        + " on " + Words.date(e.occurredOn()))).toList());
        if (!model.containsAttribute("eventErrors")) {
            model.addAttribute("eventErrors", new FormErrors(ItemForms.eventLabels()));
        }
        if (!model.containsAttribute("markingErrors")) {
            model.addAttribute("markingErrors", new FormErrors(ItemForms.addMarkingLabels()));
        }
        if (!model.containsAttribute("fitErrors")) {
            model.addAttribute("fitErrors", new FormErrors(ItemForms.fitLabels()));
        }
        markingOptions(model);
        return "items/item";
    }

    // ---- lookup and work list -------------------------------------------------------------------

    @CanReadRegistry
    @GetMapping("/search")
    String search(@RequestParam(required = false) String serial, Model model) {
        SearchForm form = new SearchForm(serial);
        FormErrors errors = new FormErrors(Map.of("serial", "Serial number"));
        List<ItemSummary> results = null;
        if (serial != null && !serial.isBlank()) {
            results = errors.capture("serial", () -> registry.findBySerial(serial));
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("results", results);
        model.addAttribute("normalised", serial == null ? null : org.ferret.registry.SerialNumber.normalise(serial));
        model.addAttribute("limit", Registry.SERIAL_LOOKUP_LIMIT);
        return "items/search";
    }

    /** The search box's value, as the form fragments expect a bean. */
    public record SearchForm(String serial) {
        public String getSerial() {
            return serial;
        }
    }

    @CanReadRegistry
    @GetMapping("/marking-required")
    String markingRequired(@RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, page);
        long total = registry.countMarkingRequired();
        model.addAttribute("work", registry.markingWorkList(p * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("hasNext", (long) (p + 1) * PAGE_SIZE < total);
        return "items/marking-required";
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * The holders the item page names ("Aino Virtanen, licence FI-DL-1001"), for roles that may read personal data;
     * each is an audited read. Other roles get no names: the page shows them masked.
     */
    private Map<org.ferret.registry.HolderId, String> holderNames(ItemView item) {
        Map<org.ferret.registry.HolderId, String> names = new HashMap<>();
        if (!mayReadPersonalData()) {
            return names;
        }
        java.util.Set<org.ferret.registry.HolderId> ids = new java.util.LinkedHashSet<>();
        if (item.currentHolder() != null) {
            ids.add(item.currentHolder());
        }
        item.history().stream().map(LifecycleEvent::holder).filter(java.util.Objects::nonNull).forEach(ids::add);
        item.history().stream().map(LifecycleEvent::amendment).filter(java.util.Objects::nonNull)
                .map(org.ferret.registry.Amendment::holder).filter(java.util.Objects::nonNull).forEach(ids::add);
        for (org.ferret.registry.HolderId id : ids) {
            try {
                org.ferret.registry.Holder h = registry.holder(id);
                names.put(id, h.name() + (h.licenceNumber() != null ? ", licence " + h.licenceNumber() : ""));
            } catch (FerretException gone) {
                names.put(id, "holder no longer on record");
            }
        }
        return names;
    }

    private static boolean mayReadPersonalData() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        String wanted = org.ferret.shared.access.Capability.READ_PERSONAL_DATA.authority();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> wanted.equals(a.getAuthority()));
    }

    private ItemView load(String id) {
        return registry.find(parseId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ItemId parseId(String id) {
        try {
            return ItemId.parse(id);
        } catch (FerretException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** A holder given by id, or by a licence number that exactly one holder has (an audited read of personal data). */
    private org.ferret.registry.HolderId resolveHolder(String text) {
        try {
            return org.ferret.registry.HolderId.parse(text);
        } catch (FerretException notAnId) {
            List<org.ferret.registry.Holder> found = registry.findHoldersByLicence(text);
            if (found.size() == 1) {
                return found.getFirst().id();
            }
            throw new org.ferret.registry.InvalidValueException("holder", found.isEmpty()
                    ? "no holder has the licence number '" + text + "'; register the holder on the Holders page first"
                    : found.size() + " holders share this licence number; give the holder id instead");
        }
    }

    /** A component given by item id, or by a serial that names exactly one essential component. */
    private ItemId resolveComponent(String text, FormErrors errors) {
        if (ItemForms.blank(text)) {
            errors.add("component", "must be given");
            return null;
        }
        try {
            return ItemId.parse(text);
        } catch (FerretException notAnId) {
            List<ItemSummary> found = errors.capture("component", () -> registry.findBySerial(text));
            if (found == null) {
                return null;
            }
            List<ItemSummary> components = found.stream().filter(s -> s.kind().isComponent()).toList();
            if (components.size() == 1) {
                return components.getFirst().id();
            }
            errors.add("component", components.isEmpty()
                    ? "no essential component carries the serial '" + text.strip() + "'"
                    : components.size() + " components carry this serial; give the item id instead");
            return null;
        }
    }

    /** The item page again with one of its forms failed: its problems shown, the other forms empty. */
    private String showAgain(ItemView item, Model model, String errorsName, FormErrors errors,
            HttpServletResponse response, String htmx, String showForm) {
        model.addAttribute(errorsName, errors);
        emptyForms(model);
        failed(response, htmx, showForm);
        return itemPage(item, model);
    }

    /** Empty event, marking and fitting forms for those the request did not bring. */
    private static void emptyForms(Model model) {
        if (!model.containsAttribute("eventForm")) {
            model.addAttribute("eventForm", new EventForm());
        }
        if (!model.containsAttribute("markingForm")) {
            model.addAttribute("markingForm", new AddMarkingForm());
        }
        if (!model.containsAttribute("fitForm")) {
            model.addAttribute("fitForm", new FitForm());
        }
    }

    private static void failed(HttpServletResponse response, String htmx, String showForm) {
        if (htmx != null) {
            // htmx swaps only successful responses by default; keep the failed form in view
            response.setStatus(HttpStatus.OK.value());
            response.setHeader("HX-Reswap", "outerHTML show:" + showForm + ":top");
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
    }

    private static void markingOptions(Model model) {
        model.addAttribute("markingKinds", Arrays.stream(MarkingKind.values())
                .map(k -> new Option(k.name(), Words.of(k))).toList());
        model.addAttribute("markingMethods", Option.of(MarkingMethod.values()));
    }

    /** "Right date Nov 28, 2026, country NO" for a timeline entry. */
    private static String amendmentText(org.ferret.registry.Amendment a,
            Map<org.ferret.registry.HolderId, String> holders) {
        List<String> parts = new java.util.ArrayList<>();
        if (a.occurredOn() != null) {
            parts.add("date " + Words.date(a.occurredOn()));
        }
        if (a.country() != null) {
            parts.add("country " + a.country());
        }
        if (a.holder() != null) {
            // the holder by name for roles that may read personal data (an audited read), never an id
            parts.add("holder " + holders.getOrDefault(a.holder(), "a registered holder (not shown to your role)"));
        }
        if (a.place() != null) {
            parts.add("place " + a.place());
        }
        if (a.reference() != null) {
            parts.add("reference " + a.reference());
        }
        if (a.note() != null) {
            parts.add("note " + a.note());
        }
        return "Right " + String.join(", ", parts);
    }


    static String title(ItemView item) {
        StringBuilder sb = new StringBuilder();
        String kind = item.kind().label();
        sb.append(Character.toUpperCase(kind.charAt(0))).append(kind.substring(1));
        if (item.attributes().manufacturer() != null) {
            sb.append(" · ").append(item.attributes().manufacturer());
        }
        if (item.attributes().model() != null) {
            sb.append(' ').append(item.attributes().model());
        }
        return sb.toString();
    }
}
