package org.ferret.intelligence.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.intelligence.Alert;
import org.ferret.intelligence.AlertAudience;
import org.ferret.intelligence.AlertParts.ModusOperandi;
import org.ferret.intelligence.AlertParts.ProposedIndicator;
import org.ferret.intelligence.AlertParts.ShipmentProfile;
import org.ferret.intelligence.AlertParts.Source;
import org.ferret.intelligence.AlertSourceKind;
import org.ferret.intelligence.AlertTopic;
import org.ferret.intelligence.AlertType;
import org.ferret.intelligence.Alerts;
import org.ferret.intelligence.FeedbackAction;
import org.ferret.intelligence.NewAlert;
import org.ferret.intelligence.PassOn;
import org.ferret.shared.FerretException;
import org.ferret.shared.FormErrors;
import org.ferret.shared.access.CanIntelligence;
import org.ferret.shared.access.CanScreenParcels;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The alert screens: the list of the alerts one's agency issued or received, the form to issue one (every problem at
 * once), the alert page (read, acknowledge, feedback, pass on, adopt a proposed indicator), groups and subscriptions.
 */
@Controller
@PreAuthorize("hasAnyAuthority('CAN_INTELLIGENCE', 'CAN_SCREEN_PARCELS')")
class AlertPages {

    private final Alerts alerts;

    AlertPages(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    String list(Model m) {
        m.addAttribute("alerts", alerts.visible());
        m.addAttribute("today", LocalDate.now());
        return "intelligence/alerts";
    }

    private static final String[] FIELDS = {"type", "topic", "title", "summary", "countries", "audience", "passOn", "validFrom",
            "validUntil", "group", "peers", "seizure", "sourceKind", "sourceDescription", "profileConveyances", "profileOrigins",
            "profileDestinations", "profileDescriptions", "profileHsCodes", "profileNotes", "modusConcealment", "modusDevices",
            "modusRoutes", "modusHsCodes", "modusDescriptions", "modusPrintedModels", "indicatorLabel", "indicatorTerms",
            "indicatorHsCodes", "indicatorRoutes", "indicatorValueBelow", "indicatorValuePerKgBelow"};

    private static Map<String, String> labels() {
        return FormErrors.labels("type", "Kind of alert", "topic", "Topic", "title", "Title", "summary", "Summary",
                "countries", "Countries concerned", "audience", "Who may see it", "passOn", "Passing on", "validFrom", "Valid from",
                "validUntil", "Valid until", "group", "Closed user group", "peers", "Other Ferret nodes", "seizure", "Seizure id",
                "sourceKind", "Source", "sourceDescription", "Source description", "profileConveyances", "Conveyances",
                "profileOrigins", "Origins", "profileDestinations", "Destinations", "profileDescriptions", "Declared descriptions",
                "profileHsCodes", "HS codes", "profileNotes", "Profile notes", "modusConcealment", "Concealment methods",
                "modusDevices", "Devices", "modusRoutes", "Routes", "modusHsCodes", "HS codes used", "modusDescriptions",
                "Declared descriptions used", "modusPrintedModels", "3D-printed models seen", "indicatorLabel", "Indicator",
                "indicatorTerms", "Indicator terms", "indicatorHsCodes", "Indicator HS codes", "indicatorRoutes", "Indicator routes",
                "indicatorValueBelow", "Declared value below", "indicatorValuePerKgBelow", "Value per kg below");
    }

    /** The domain's field names on the form's. */
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();
    static {
        ALIASES.put("sources", "sourceDescription");
        ALIASES.put("sources[0].kind", "sourceKind");
        ALIASES.put("sources[0].description", "sourceDescription");
        ALIASES.put("profile", "profileDescriptions");
        ALIASES.put("profile.notes", "profileNotes");
        ALIASES.put("modus", "modusConcealment");
        ALIASES.put("indicators[0]", "indicatorTerms");
        ALIASES.put("indicators[0].label", "indicatorLabel");
        ALIASES.put("indicators[0].terms", "indicatorTerms");
        ALIASES.put("indicators[0].hsCodes", "indicatorHsCodes");
        ALIASES.put("indicators[0].routes", "indicatorRoutes");
        ALIASES.put("indicators[0].declaredValueBelow", "indicatorValueBelow");
        ALIASES.put("indicators[0].valuePerKgBelow", "indicatorValuePerKgBelow");
        for (int i = 0; i < 20; i++) {
            ALIASES.put("countries[" + i + "]", "countries");
            ALIASES.put("peers[" + i + "]", "peers");
            for (String[] p : new String[][] {{"profile.conveyances", "profileConveyances"}, {"profile.origins", "profileOrigins"},
                    {"profile.destinations", "profileDestinations"}, {"profile.declaredDescriptions", "profileDescriptions"},
                    {"profile.hsCodes", "profileHsCodes"}, {"modus.concealment", "modusConcealment"}, {"modus.devices", "modusDevices"},
                    {"modus.routes", "modusRoutes"}, {"modus.hsCodes", "modusHsCodes"}, {"modus.declaredDescriptions", "modusDescriptions"},
                    {"modus.printedModels", "modusPrintedModels"}, {"indicators[0].terms", "indicatorTerms"},
                    {"indicators[0].hsCodes", "indicatorHsCodes"}, {"indicators[0].routes", "indicatorRoutes"}}) {
                ALIASES.put(p[0] + "[" + i + "]", p[1]);
                ALIASES.put(p[0], p[1]);
            }
        }
    }

    @GetMapping("/alerts/new")
    @CanIntelligence
    String newAlert(Model m) {
        Map<String, String> form = new HashMap<>();
        form.put("type", "WARNING");
        form.put("audience", "ENFORCEMENT");
        form.put("passOn", "NOT_TO_BE_PASSED_ON");
        form.put("validFrom", LocalDate.now().toString());
        form.put("validUntil", LocalDate.now().plusDays(90).toString());
        form.put("sourceKind", "SEIZURE");
        return form(m, form, new FormErrors(labels()));
    }

    private String form(Model m, Map<String, String> form, FormErrors errors) {
        for (String f : FIELDS) form.putIfAbsent(f, "");
        m.addAttribute("form", form);
        m.addAttribute("errors", errors);
        m.addAttribute("types", SeizurePages.options(Arrays.stream(AlertType.values()).filter(t -> t != AlertType.FEEDBACK).toArray(Enum[]::new)));
        m.addAttribute("topics", SeizurePages.options(AlertTopic.values()));
        m.addAttribute("audiences", SeizurePages.options(AlertAudience.values()));
        m.addAttribute("passOns", SeizurePages.options(PassOn.values()));
        m.addAttribute("sourceKinds", SeizurePages.options(AlertSourceKind.values()));
        m.addAttribute("groups", alerts.groups().stream().map(g -> new SeizurePages.Option(g.id().toString(),
                g.name() + " (" + String.join(", ", g.members()) + ")")).toList());
        return "intelligence/alert-new";
    }

    private static List<String> list(String s) {
        if (s == null || s.isBlank()) return List.of();
        return Arrays.stream(s.split("[,;\\n]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static boolean any(Map<String, String> form, String... fields) {
        return Arrays.stream(fields).anyMatch(f -> form.get(f) != null && !form.get(f).isBlank());
    }

    @PostMapping("/alerts")
    @CanIntelligence
    String issue(@RequestParam Map<String, String> in, Model m, RedirectAttributes r, HttpServletResponse response) {
        Map<String, String> form = new HashMap<>(in);
        FormErrors errors = new FormErrors(labels());
        AlertType type = SeizurePages.parse(AlertType.class, form.get("type"), "type", errors);
        AlertTopic topic = SeizurePages.parse(AlertTopic.class, form.get("topic"), "topic", errors);
        AlertAudience audience = SeizurePages.parse(AlertAudience.class, form.get("audience"), "audience", errors);
        PassOn passOn = SeizurePages.parse(PassOn.class, form.get("passOn"), "passOn", errors);
        AlertSourceKind sourceKind = SeizurePages.parse(AlertSourceKind.class, form.get("sourceKind"), "sourceKind", errors);
        LocalDate from = errors.date("validFrom", form.get("validFrom"), false);
        LocalDate until = errors.date("validUntil", form.get("validUntil"), true);
        UUID group = uuid(form.get("group"), "group", errors);
        UUID seizure = uuid(form.get("seizure"), "seizure", errors);
        BigDecimal valueBelow = number(form.get("indicatorValueBelow"), "indicatorValueBelow", errors);
        BigDecimal perKgBelow = number(form.get("indicatorValuePerKgBelow"), "indicatorValuePerKgBelow", errors);
        ShipmentProfile profile = any(form, "profileConveyances", "profileOrigins", "profileDestinations", "profileDescriptions",
                "profileHsCodes", "profileNotes") ? new ShipmentProfile(list(form.get("profileConveyances")), list(form.get("profileOrigins")),
                list(form.get("profileDestinations")), list(form.get("profileDescriptions")), list(form.get("profileHsCodes")),
                blank(form.get("profileNotes")) ? null : form.get("profileNotes").strip()) : null;
        ModusOperandi modus = any(form, "modusConcealment", "modusDevices", "modusRoutes", "modusHsCodes", "modusDescriptions", "modusPrintedModels")
                ? new ModusOperandi(list(form.get("modusConcealment")), list(form.get("modusDevices")), list(form.get("modusRoutes")),
                list(form.get("modusHsCodes")), list(form.get("modusDescriptions")), list(form.get("modusPrintedModels"))) : null;
        List<ProposedIndicator> indicators = any(form, "indicatorLabel", "indicatorTerms", "indicatorHsCodes", "indicatorRoutes",
                "indicatorValueBelow", "indicatorValuePerKgBelow") ? List.of(new ProposedIndicator(form.get("indicatorLabel"),
                list(form.get("indicatorTerms")), list(form.get("indicatorHsCodes")), list(form.get("indicatorRoutes")), valueBelow, perKgBelow))
                : List.of();
        List<Source> sources = any(form, "sourceDescription") || sourceKind == null ? List.of(new Source(sourceKind, form.get("sourceDescription"))) : List.of();
        NewAlert a = new NewAlert(type, topic, form.get("title"), form.get("summary"), list(form.get("countries")), audience, passOn,
                from, until, group, list(form.get("peers")), null, seizure, sources, profile, modus, null, indicators);
        var done = errors.submit(() -> alerts.issue(a), "", ALIASES);
        if (done.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(m, form, errors);
        }
        r.addFlashAttribute("message", "Alert " + done.get().reference() + " issued to " + done.get().recipients().size() + " recipient(s).");
        return "redirect:/alerts/" + done.get().id();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static UUID uuid(String s, String field, FormErrors errors) {
        if (blank(s)) return null;
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, "is not an id");
            return null;
        }
    }

    private static BigDecimal number(String s, String field, FormErrors errors) {
        if (blank(s)) return null;
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "is not a number (e.g. 40 or 12.5)");
            return null;
        }
    }

    @GetMapping("/alerts/{id}")
    String alert(@PathVariable UUID id, Model m) {
        Alert a = alerts.read(id);
        m.addAttribute("a", a);
        String agency = org.ferret.audit.Actor.current().agency();
        m.addAttribute("originator", a.receivedFrom() == null && a.originAgency().equals(agency));
        m.addAttribute("acknowledged", a.recipients().stream().anyMatch(x -> x.recipient().equals(agency) && x.acknowledgedAt() != null));
        m.addAttribute("answers", alerts.answersTo(id));
        m.addAttribute("today", LocalDate.now());
        m.addAttribute("actions", SeizurePages.options(FeedbackAction.values()));
        m.addAttribute("indicatorRules", a.indicators().stream().map(p -> Alerts.rule(p, "x", "1", "").conditions()).toList());
        if (!m.containsAttribute("errors")) m.addAttribute("errors", new FormErrors(FormErrors.labels("action", "What was done", "note", "Note")));
        if (!m.containsAttribute("form")) m.addAttribute("form", new HashMap<>(Map.of("action", "", "note", "")));
        return "intelligence/alert";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, RedirectAttributes r) {
        try {
            alerts.acknowledge(id);
            r.addFlashAttribute("message", "Acknowledged.");
        } catch (FerretException e) {
            if (e.code() == org.ferret.shared.ErrorCode.NOT_FOUND) throw e;
            r.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/alerts/" + id;
    }

    @PostMapping("/alerts/{id}/feedback")
    String feedback(@PathVariable UUID id, @RequestParam Map<String, String> form, Model m, RedirectAttributes r,
            HttpServletResponse response) {
        FormErrors errors = new FormErrors(FormErrors.labels("action", "What was done", "note", "Note"));
        FeedbackAction action = SeizurePages.parse(FeedbackAction.class, form.get("action"), "action", errors);
        var done = errors.submit(() -> alerts.feedback(id, action, form.get("note")), "", Map.of());
        if (done.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            m.addAttribute("errors", errors);
            m.addAttribute("form", new HashMap<>(Map.of("action", form.getOrDefault("action", ""), "note", form.getOrDefault("note", ""))));
            return alert(id, m);
        }
        r.addFlashAttribute("message", "Feedback " + done.get().reference() + " sent.");
        return "redirect:/alerts/" + id;
    }

    @PostMapping("/alerts/{id}/pass-on")
    String passOn(@PathVariable UUID id, @RequestParam(required = false) String agency, @RequestParam(required = false) String peer,
            RedirectAttributes r) {
        try {
            alerts.passOn(id, agency, peer);
            r.addFlashAttribute("message", "Passed on.");
        } catch (FerretException e) {
            if (e.code() == org.ferret.shared.ErrorCode.NOT_FOUND) throw e;
            r.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/alerts/" + id;
    }

    @PostMapping("/alerts/{id}/indicators/{n}/adopt")
    @CanScreenParcels
    String adopt(@PathVariable UUID id, @PathVariable int n, @RequestParam(required = false) String weight, RedirectAttributes r) {
        try {
            Alerts.Adopted a = alerts.adopt(id, n, weight);
            r.addFlashAttribute("message", "Indicator " + n + " is rule " + a.ruleId() + " in draft version " + a.version()
                    + " of the parcels rule pack; submit it there for approval.");
        } catch (FerretException e) {
            if (e.code() == org.ferret.shared.ErrorCode.NOT_FOUND) throw e;
            r.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/alerts/" + id;
    }

    @GetMapping("/alerts/groups")
    String groups(Model m) {
        m.addAttribute("groups", alerts.groups());
        m.addAttribute("subscriptions", alerts.subscriptions());
        m.addAttribute("topics", SeizurePages.options(AlertTopic.values()));
        if (!m.containsAttribute("errors")) m.addAttribute("errors", new FormErrors(groupLabels()));
        if (!m.containsAttribute("form")) m.addAttribute("form", new HashMap<>(Map.of("name", "", "members", "", "topic", "", "country", "")));
        return "intelligence/alert-groups";
    }

    private static Map<String, String> groupLabels() {
        return FormErrors.labels("name", "Group name", "members", "Members", "topic", "Topic", "country", "Country");
    }

    @PostMapping("/alerts/groups")
    @CanIntelligence
    String createGroup(@RequestParam Map<String, String> form, Model m, RedirectAttributes r, HttpServletResponse response) {
        FormErrors errors = new FormErrors(groupLabels());
        Map<String, String> aliases = new HashMap<>();
        for (int i = 0; i < 50; i++) aliases.put("members[" + i + "]", "members");
        var done = errors.submit(() -> alerts.createGroup(form.get("name"), list(form.get("members"))), "", aliases);
        if (done.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            m.addAttribute("errors", errors);
            Map<String, String> f = new HashMap<>(Map.of("name", "", "members", "", "topic", "", "country", ""));
            f.put("name", form.getOrDefault("name", ""));
            f.put("members", form.getOrDefault("members", ""));
            m.addAttribute("form", f);
            return groups(m);
        }
        r.addFlashAttribute("message", "Group " + done.get().name() + " created.");
        return "redirect:/alerts/groups";
    }

    @PostMapping("/alerts/subscriptions")
    String subscribe(@RequestParam Map<String, String> form, Model m, RedirectAttributes r, HttpServletResponse response) {
        FormErrors errors = new FormErrors(groupLabels());
        AlertTopic topic = SeizurePages.parse(AlertTopic.class, form.get("topic"), "topic", errors);
        var done = errors.submit(() -> alerts.subscribe(topic, form.get("country")), "", Map.of());
        if (done.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            m.addAttribute("errors", errors);
            Map<String, String> f = new HashMap<>(Map.of("name", "", "members", "", "topic", "", "country", ""));
            f.put("topic", form.getOrDefault("topic", ""));
            f.put("country", form.getOrDefault("country", ""));
            m.addAttribute("form", f);
            return groups(m);
        }
        r.addFlashAttribute("message", "Subscribed.");
        return "redirect:/alerts/groups";
    }

    @PostMapping("/alerts/subscriptions/{id}/end")
    String unsubscribe(@PathVariable UUID id, RedirectAttributes r) {
        alerts.unsubscribe(id);
        r.addFlashAttribute("message", "Subscription ended.");
        return "redirect:/alerts/groups";
    }
}
