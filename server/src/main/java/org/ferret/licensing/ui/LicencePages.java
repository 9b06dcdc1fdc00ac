package org.ferret.licensing.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.licensing.AuthorisationKind;
import org.ferret.licensing.Licence;
import org.ferret.licensing.LicenceApplication;
import org.ferret.licensing.LicenceId;
import org.ferret.licensing.LicenceStatus;
import org.ferret.licensing.Licensing;
import org.ferret.licensing.TemporaryPurpose;
import org.ferret.licensing.Transition;
import org.ferret.licensing.TransportMode;
import org.ferret.registry.Holder;
import org.ferret.registry.ItemSummary;
import org.ferret.registry.Registry;
import org.ferret.shared.FerretException;
import org.ferret.shared.FormErrors;
import org.ferret.shared.Words;
import org.ferret.shared.access.CanLicense;
import org.ferret.shared.access.SignedIn;
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
 * The licensing officer's screens: licences with search and filters, the application form (every problem at once),
 * the licence page (art. 10(3) contents, checks with their provisions, other states' answers, issue and the other
 * transitions with a reason, goods lines drawn down, history), the printable signed document, and the verification
 * page for customs and any signed-in user.
 */
@Controller
class LicencePages {

    /** Goods rows on the application form. */
    static final int GOODS_ROWS = 5;

    private final Licensing licensing;
    private final Registry registry;
    private final Clock clock;

    /** The exporter's page (public: licence number and verification code). */
    static final String HOLDER_PATH = "/licence-holder"; // public: LicensingSecurity.licenceHolder

    private final org.ferret.licensing.internal.LicencePdf pdf;

    LicencePages(Licensing licensing, Registry registry, Clock clock, org.ferret.licensing.internal.LicencePdf pdf) {
        this.licensing = licensing;
        this.registry = registry;
        this.clock = clock;
        this.pdf = pdf;
    }

    /**
     * The exporter's view of their licence: whoever holds the document enters its number and verification code and
     * sees its standing, goods used and left, and each shipment's proof of receipt; no Ferret account needed.
     */
    @GetMapping(HOLDER_PATH)
    String holder(@RequestParam(required = false) String number, @RequestParam(required = false) String code, Model m,
            HttpServletResponse response) {
        m.addAttribute("number", number);
        m.addAttribute("code", code);
        if (number != null && !number.isBlank() && code != null && !code.isBlank()) {
            var v = licensing.exporterView(number, code);
            m.addAttribute("view", v.orElse(null));
            m.addAttribute("unknown", v.isEmpty());
            if (v.isEmpty()) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
            }
        }
        return "licensing/holder";
    }

    /** The licence document as a PDF, for the officer. */
    @GetMapping(value = "/licences/{id}/document.pdf", produces = "application/pdf")
    @CanLicense
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<byte[]> documentPdf(@PathVariable UUID id) {
        Licence l = licensing.get(new LicenceId(id));
        if (l.document() == null) {
            return org.springframework.http.ResponseEntity.status(HttpStatus.CONFLICT).build();
        }
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + l.number() + ".pdf\"").body(pdf.render(l));
    }

    @GetMapping("/licences")
    @CanLicense
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) String country, Model m) {
        FormErrors errors = new FormErrors(FormErrors.labels("status", "Status", "country", "Country of import"));
        LicenceStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = LicenceStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                errors.add("status", "is not a licence status");
            }
        }
        LicenceStatus filter = s;
        List<Licence> found = errors.capture("country", () -> licensing.search(q, filter, country, 200));
        m.addAttribute("licences", found == null ? List.of() : found);
        m.addAttribute("errors", errors);
        m.addAttribute("q", q);
        m.addAttribute("status", status);
        m.addAttribute("country", country);
        m.addAttribute("statuses", LicenceStatus.values());
        m.addAttribute("unlicensed", licensing.unlicensedExports(20));
        m.addAttribute("today", LocalDate.now(clock));
        m.addAttribute("incoming", licensing.nodeRequests(org.ferret.licensing.NodeRequest.Direction.IN, null, 50)
                .stream().filter(x -> x.status() == org.ferret.licensing.NodeRequest.Status.PENDING).toList());
        m.addAttribute("answerKinds", AuthorisationKind.values());
        m.addAttribute("overdue", licensing.overdue());
        m.addAttribute("receiptsOverdue", licensing.receiptsOverdue(null));
        if (!m.containsAttribute("form")) {
            m.addAttribute("form", new HashMap<String, String>());
        }
        return "licensing/licences";
    }

    private static Map<String, String> formLabels() {
        Map<String, String> l = new LinkedHashMap<>(FormErrors.labels(
                "exporter", "Dealer licence number of the exporter",
                "placeOfIssue", "Place of issue",
                "countryOfExport", "Country of export",
                "countryOfImport", "Country of import",
                "finalRecipient", "Final recipient",
                "endUserCertificate", "End-user certificate",
                "expiresOn", "Date of expiry",
                "transitCountries", "Transit countries",
                "transport", "Means of transport",
                "temporaryPurpose", "Temporary export for",
                "goods", "Goods"));
        for (int i = 0; i < GOODS_ROWS; i++) {
            l.put("goods[" + i + "].item", "Goods line " + (i + 1) + ": item");
            l.put("goods[" + i + "].description", "Goods line " + (i + 1) + ": description");
            l.put("goods[" + i + "].quantity", "Goods line " + (i + 1) + ": quantity");
        }
        return l;
    }

    @GetMapping("/licences/new")
    @CanLicense
    String newApplication(Model m) {
        Map<String, String> form = new HashMap<>();
        form.put("countryOfExport", "FI");
        form.put("transport", "ROAD");
        return form(m, form, new FormErrors(formLabels()));
    }

    private String form(Model m, Map<String, String> form, FormErrors errors) {
        m.addAttribute("form", form);
        m.addAttribute("errors", errors);
        m.addAttribute("rows", java.util.stream.IntStream.range(0, GOODS_ROWS).boxed().toList());
        m.addAttribute("transports", TransportMode.values());
        m.addAttribute("purposes", TemporaryPurpose.values());
        return "licensing/new";
    }

    @PostMapping("/licences")
    @CanLicense
    String apply(@RequestParam Map<String, String> form, Model m, RedirectAttributes r, HttpServletResponse response) {
        FormErrors errors = new FormErrors(formLabels());
        UUID exporter = exporter(form.get("exporter"), errors);
        LocalDate expires = errors.date("expiresOn", form.get("expiresOn"), true);
        List<String> transit = new ArrayList<>();
        for (String c : (form.getOrDefault("transitCountries", "")).split("[,;\\s]+")) {
            if (!c.isBlank()) {
                transit.add(c);
            }
        }
        TransportMode transport = enumOf(TransportMode.class, form.get("transport"), "transport", errors);
        TemporaryPurpose purpose = enumOf(TemporaryPurpose.class, form.get("temporaryPurpose"), "temporaryPurpose", errors);
        List<LicenceApplication.GoodsLineInput> goods = new ArrayList<>();
        Map<String, String> aliases = new HashMap<>();
        for (int i = 0; i < GOODS_ROWS; i++) {
            String p = "goods[" + i + "].";
            String item = form.getOrDefault(p + "item", "").strip();
            String description = form.getOrDefault(p + "description", "").strip();
            String quantity = form.getOrDefault(p + "quantity", "").strip();
            if (item.isEmpty() && description.isEmpty() && quantity.isEmpty()) {
                continue;
            }
            int line = goods.size();
            String d = "goods[" + line + "].";
            aliases.put(d + "itemId", p + "item");
            aliases.put(d + "description", p + "description");
            aliases.put(d + "quantity", p + "quantity");
            Integer q = null;
            if (quantity.isEmpty() && !item.isEmpty()) {
                q = 1;
            } else if (!quantity.isEmpty()) {
                try {
                    q = Integer.valueOf(quantity);
                } catch (NumberFormatException e) {
                    errors.add(p + "quantity", "'" + quantity + "' is not a whole number");
                    q = 1;
                }
            }
            goods.add(new LicenceApplication.GoodsLineInput(item.isEmpty() ? null : item(item, p + "item", errors),
                    description.isEmpty() ? null : description, q));
        }
        for (int i = 0; i < Licensing.MAX_TRANSIT; i++) {
            aliases.put("transitCountries[" + i + "]", "transitCountries");
        }
        LicenceApplication a = new LicenceApplication(exporter, form.get("placeOfIssue"), form.get("countryOfExport"),
                form.get("countryOfImport"), form.get("finalRecipient"), form.get("endUserCertificate"), expires, transit,
                transport, "true".equals(form.get("transhipment")), purpose, goods);
        // the domain's own checks run too, so every problem is shown at once (a field already at fault is not repeated)
        if (errors.isEmpty()) {
            try {
                Licence l = licensing.apply(a);
                r.addFlashAttribute("message", "Application " + l.number() + " recorded. Record the importing state's "
                        + "authorisation and the transit states' answers, then issue.");
                return "redirect:/licences/" + l.id();
            } catch (FerretException e) {
                errors.add(e, "", aliases);
            }
        } else {
            java.util.Set<String> before = formLabels().keySet().stream().filter(f -> errors.get(f) != null)
                    .collect(java.util.stream.Collectors.toSet());
            errors.add(new FerretException(org.ferret.shared.ErrorCode.VALIDATION_FAILED, "the application has problems",
                    licensing.problems(a)), "", aliases, p -> !before.contains(aliases.getOrDefault(p.field(), p.field())));
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(m, form, errors);
    }

    /** The exporter named by a dealer licence number (the officer has it from the application). */
    private UUID exporter(String licenceNumber, FormErrors errors) {
        if (licenceNumber == null || licenceNumber.isBlank()) {
            errors.add("exporter", "must be given");
            return null;
        }
        List<Holder> holders = errors.capture("exporter", () -> registry.findHoldersByLicence(licenceNumber));
        if (holders == null) {
            return null;
        }
        if (holders.isEmpty()) {
            errors.add("exporter", "no holder with licence number " + licenceNumber.strip() + " is registered");
            return null;
        }
        if (holders.size() > 1) {
            errors.add("exporter", holders.size() + " holders have this licence number; ask the registrar to correct it");
            return null;
        }
        return holders.getFirst().id().value();
    }

    /** A goods line's item: an item id, or a serial that names exactly one item. */
    private UUID item(String text, String field, FormErrors errors) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            List<ItemSummary> found = errors.capture(field, () -> registry.findBySerial(text));
            if (found == null) {
                return null;
            }
            if (found.size() != 1) {
                errors.add(field, found.isEmpty() ? "no item with serial " + text + " is registered"
                        : found.size() + " items carry serial " + text + "; give the item's id");
                return null;
            }
            return found.getFirst().id().value();
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(field, "is not one of the choices");
            return null;
        }
    }

    @GetMapping("/licences/{id}")
    @CanLicense
    String show(@PathVariable UUID id, Model m) {
        Licence l = licensing.get(new LicenceId(id));
        return page(m, l, new HashMap<>(), new FormErrors(answerLabels()));
    }

    private String page(Model m, Licence l, Map<String, String> form, FormErrors errors) {
        m.addAttribute("l", l);
        m.addAttribute("checks", licensing.checks(l));
        m.addAttribute("statusNow", l.statusOn(LocalDate.now(clock)));
        m.addAttribute("exporter", exporterName(l.exporter()));
        m.addAttribute("kinds", java.util.Arrays.stream(AuthorisationKind.values())
                .filter(k -> k != AuthorisationKind.RECEIPT).toList());
        m.addAttribute("peers", licensing.peers());
        Map<UUID, org.ferret.licensing.Receipt> receipts = new HashMap<>();
        licensing.receipts(l.id()).forEach(x -> receipts.put(x.drawdownId(), x));
        m.addAttribute("receipts", receipts);
        m.addAttribute("awaitingReceipt", receipts.values().stream().anyMatch(x -> !x.confirmed()));
        m.addAttribute("receiptPeriod", licensing.receiptPeriod());
        m.addAttribute("today", LocalDate.now(clock));
        m.addAttribute("decisionDue", licensing.decisionDue(l));
        m.addAttribute("nodeRequests", licensing.nodeRequests(null, l.id(), 50));
        m.addAttribute("form", form);
        m.addAttribute("errors", errors);
        return "licensing/licence";
    }

    private String exporterName(UUID exporter) {
        try {
            Holder h = registry.holder(new org.ferret.registry.HolderId(exporter));
            return h.name() + ", licence " + h.licenceNumber();
        } catch (FerretException e) {
            return "holder " + exporter;
        }
    }

    private static Map<String, String> answerLabels() {
        return FormErrors.labels("kind", "What the state said", "country", "State", "reference", "Their reference",
                "givenOn", "Given on", "validUntil", "Valid until", "reason", "Reason");
    }

    @PostMapping("/licences/{id}/answers")
    @CanLicense
    String answer(@PathVariable UUID id, @RequestParam Map<String, String> form, Model m, RedirectAttributes r,
            HttpServletResponse response) {
        FormErrors errors = new FormErrors(answerLabels());
        LocalDate given = errors.date("givenOn", form.get("givenOn"), true);
        LocalDate until = errors.date("validUntil", form.get("validUntil"), false);
        AuthorisationKind kind = enumOf(AuthorisationKind.class, form.get("kind"), "kind", errors);
        if (kind == null && errors.get("kind") == null) {
            errors.add("kind", "must be given");
        }
        LicenceId lid = new LicenceId(id);
        Optional<Licence> done = errors.submit(() -> licensing.recordAnswer(lid, kind, form.get("country"),
                form.get("reference"), given, until), "", Map.of());
        if (done.isPresent()) {
            r.addFlashAttribute("message", Words.of(kind) + " from " + form.get("country").strip().toUpperCase(Locale.ROOT)
                    + " recorded.");
            return "redirect:/licences/" + id;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(m, licensing.get(lid), form, errors);
    }

    /** Asks another node (the importing or a transit state's) to confirm, over the signed exchange. */
    @PostMapping("/licences/{id}/node-requests")
    @CanLicense
    String ask(@PathVariable UUID id, @RequestParam Map<String, String> form, Model m, RedirectAttributes r,
            HttpServletResponse response) {
        FormErrors errors = new FormErrors(FormErrors.labels("peer", "Node", "askKind", "Ask for", "askCountry", "State"));
        AuthorisationKind kind = enumOf(AuthorisationKind.class, form.get("askKind"), "askKind", errors);
        LicenceId lid = new LicenceId(id);
        Optional<org.ferret.licensing.NodeRequest> done = errors.submit(() -> licensing.ask(lid, form.get("peer"), kind,
                form.get("askCountry")), "", Map.of("kind", "askKind", "country", "askCountry"));
        if (done.isPresent()) {
            r.addFlashAttribute("message", "Asked node " + done.get().peer() + " for the " + Words.lower(kind) + " of "
                    + done.get().country() + "; its signed answer is recorded when it arrives.");
            return "redirect:/licences/" + id;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(m, licensing.get(lid), form, errors);
    }

    /** The officer records the importing state's proof of receipt of every shipment awaiting it (art. 10(4)). */
    @PostMapping("/licences/{id}/receipts")
    @CanLicense
    String receipt(@PathVariable UUID id, @RequestParam Map<String, String> form, Model m, RedirectAttributes r,
            HttpServletResponse response) {
        FormErrors errors = new FormErrors(FormErrors.labels("receiptReference", "Their reference", "receivedOn",
                "Received on", "drawdown", "Shipment"));
        LocalDate received = errors.date("receivedOn", form.get("receivedOn"), true);
        LicenceId lid = new LicenceId(id);
        var done = errors.submit(() -> licensing.confirmReceipt(lid, null, form.get("receiptReference"), received), "",
                Map.of("reference", "receiptReference"));
        if (done.isPresent()) {
            r.addFlashAttribute("message", "Proof of receipt recorded.");
            return "redirect:/licences/" + id;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(m, licensing.get(lid), form, errors);
    }

    /** Answers a request another node sent: this state's import authorisation, no-objection or objection. */
    @PostMapping("/licences/node-requests/{requestId}/answer")
    @CanLicense
    String answerNode(@PathVariable UUID requestId, @RequestParam Map<String, String> form, Model m, RedirectAttributes r,
            HttpServletResponse response) {
        FormErrors errors = new FormErrors(FormErrors.labels("kind", "Answer", "reference", "Our reference",
                "givenOn", "Given on", "validUntil", "Valid until"));
        LocalDate given = errors.date("givenOn", form.get("givenOn"), true);
        LocalDate until = errors.date("validUntil", form.get("validUntil"), false);
        AuthorisationKind kind = enumOf(AuthorisationKind.class, form.get("kind"), "kind", errors);
        Optional<org.ferret.licensing.NodeRequest> done = errors.submit(() -> licensing.answerRequest(requestId, kind,
                form.get("reference"), given, until), "", Map.of());
        if (done.isPresent()) {
            r.addFlashAttribute("message", "Answered node " + done.get().peer() + " about licence "
                    + done.get().licenceNumber() + ".");
            return "redirect:/licences";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        m.addAttribute("form", form);
        String view = list(null, null, null, m);
        m.addAttribute("errors", errors);
        return view;
    }

    @PostMapping("/licences/{id}/issue")
    @CanLicense
    String issue(@PathVariable UUID id, Model m, RedirectAttributes r, HttpServletResponse response) {
        FormErrors errors = new FormErrors(answerLabels());
        LicenceId lid = new LicenceId(id);
        Optional<Licence> done = errors.submit(() -> licensing.issue(lid), "", Map.of());
        if (done.isPresent()) {
            r.addFlashAttribute("message", "Licence " + done.get().number() + " issued; verification code "
                    + done.get().verificationCode() + ".");
            return "redirect:/licences/" + id;
        }
        response.setStatus(HttpStatus.CONFLICT.value());
        return page(m, licensing.get(lid), new HashMap<>(), errors);
    }

    @PostMapping("/licences/{id}/refuse")
    @CanLicense
    String refuse(@PathVariable UUID id, @RequestParam(required = false) String reason, Model m, RedirectAttributes r,
            HttpServletResponse response) {
        return transition(id, Transition.REFUSE, reason, m, r, response);
    }

    @PostMapping("/licences/{id}/suspend")
    @CanLicense
    String suspend(@PathVariable UUID id, @RequestParam(required = false) String reason, Model m, RedirectAttributes r,
            HttpServletResponse response) {
        return transition(id, Transition.SUSPEND, reason, m, r, response);
    }

    @PostMapping("/licences/{id}/reinstate")
    @CanLicense
    String reinstate(@PathVariable UUID id, @RequestParam(required = false) String reason, Model m, RedirectAttributes r,
            HttpServletResponse response) {
        return transition(id, Transition.REINSTATE, reason, m, r, response);
    }

    @PostMapping("/licences/{id}/revoke")
    @CanLicense
    String revoke(@PathVariable UUID id, @RequestParam(required = false) String reason, Model m, RedirectAttributes r,
            HttpServletResponse response) {
        return transition(id, Transition.REVOKE, reason, m, r, response);
    }

    private String transition(UUID id, Transition t, String reason, Model m, RedirectAttributes r,
            HttpServletResponse response) {
        FormErrors errors = new FormErrors(answerLabels());
        LicenceId lid = new LicenceId(id);
        Optional<Licence> done = errors.submit(() -> licensing.transition(lid, t, reason), "", Map.of());
        if (done.isPresent()) {
            r.addFlashAttribute("message", "Licence " + done.get().number() + ": " + Words.lower(t) + ".");
            return "redirect:/licences/" + id;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        Map<String, String> form = new HashMap<>();
        form.put("reason", reason);
        return page(m, licensing.get(lid), form, errors);
    }

    /** The printable licence document: the art. 10(3) contents, the verification code and the node's signature. */
    @GetMapping("/licences/{id}/document")
    @CanLicense
    String document(@PathVariable UUID id, Model m) {
        Licence l = licensing.get(new LicenceId(id));
        m.addAttribute("l", l);
        return "licensing/document";
    }

    /** Verification by code, for customs and any signed-in user: the standing and the remaining quantities. */
    @GetMapping("/licences/verify")
    @SignedIn
    String verify(@RequestParam(required = false) String code, Model m, HttpServletResponse response) {
        m.addAttribute("code", code);
        if (code != null && !code.isBlank()) {
            var v = licensing.verify(code.strip().toUpperCase(Locale.ROOT));
            m.addAttribute("verification", v.orElse(null));
            m.addAttribute("unknown", v.isEmpty());
            if (v.isEmpty()) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
            }
        }
        return "licensing/verify";
    }
}
