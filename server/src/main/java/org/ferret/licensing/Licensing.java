package org.ferret.licensing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.exchange.NodeKeys;
import org.ferret.licensing.internal.LicenceStore;
import org.ferret.registry.CountryCode;
import org.ferret.registry.ExportControl;
import org.ferret.registry.Holder;
import org.ferret.registry.HolderId;
import org.ferret.registry.HolderRole;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemStatus;
import org.ferret.registry.ItemView;
import org.ferret.registry.Registry;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.Words;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The licensing officer's service (Protocol art. 10): record an export licence application, the importing state's
 * authorisation and the transit states' answers; run the checks; issue (signed document, verification code),
 * refuse, suspend, reinstate, revoke, expire; draw shipments down against goods lines, each report once. Every change
 * is audited in its transaction. It is also the registry's {@link ExportControl}: an export event must name an
 * issued, valid licence that covers the item and has quantity left, and draws it down; one naming no licence is
 * flagged or refused ({@code ferret.licensing.unlicensed-exports}). Authorisation is the caller's job.
 */
@Service
public class Licensing implements ExportControl {

    /** Longest validity an officer may give an export licence. */
    public static final int MAX_VALIDITY_YEARS = 5;
    /** Most goods lines and transit states on one licence. */
    public static final int MAX_LINES = 200;
    public static final int MAX_TRANSIT = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LicenceStore store;
    private final Registry registry;
    private final AuditLog audit;
    private final NodeKeys keys;
    private final ObjectMapper json;
    private final Clock clock;
    private final UnlicensedExports unlicensedExports;
    private final Map<String, String> embargoes;
    private final org.ferret.exchange.Exchange exchange;
    private final WorkingDays workingDays;
    private final int tacitConsentDays;
    private final int decisionDays;
    private final int receiptDays;
    private final boolean receiptInWorkingDays;

    /** Asks another node to confirm an import authorisation or a transit no-objection. */
    public static final org.ferret.exchange.DocumentKind CONFIRMATION_REQUEST =
            org.ferret.exchange.DocumentKind.of("LICENCE_CONFIRMATION_REQUEST");
    /** The other node's answer: its import authorisation, its no-objection or its objection. */
    public static final org.ferret.exchange.DocumentKind CONFIRMATION_ANSWER =
            org.ferret.exchange.DocumentKind.of("LICENCE_CONFIRMATION_ANSWER");

    private final ImportAuthorisations importAuthorisations;

    Licensing(LicenceStore store, Registry registry, AuditLog audit, NodeKeys keys, ObjectMapper json, Clock clock,
            Environment env, org.ferret.exchange.Exchange exchange, ImportAuthorisations importAuthorisations) {
        this.importAuthorisations = importAuthorisations;
        this.exchange = exchange;
        this.store = store;
        this.registry = registry;
        this.audit = audit;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.unlicensedExports = UnlicensedExports.valueOf(env.getProperty("ferret.licensing.unlicensed-exports", "REFUSE")
                .strip().toUpperCase(Locale.ROOT));
        Map<String, String> e = new java.util.TreeMap<>();
        Binder.get(env).bind("ferret.licensing.embargoes", Bindable.mapOf(String.class, String.class)).orElse(Map.of())
                .forEach((k, v) -> e.put(CountryCode.of(k).value(), v));
        this.embargoes = Map.copyOf(e);
        java.util.Set<LocalDate> holidays = new java.util.HashSet<>();
        for (String h : env.getProperty("ferret.licensing.holidays", "").split(",")) {
            if (!h.isBlank()) {
                holidays.add(LocalDate.parse(h.strip()));
            }
        }
        this.workingDays = new WorkingDays(holidays);
        // Reg. (EU) 258/2012 art. 7(2): tacit consent after 20 working days (0 switches it off); art. 7(5): 60 days
        this.tacitConsentDays = env.getProperty("ferret.licensing.tacit-consent-working-days", Integer.class, 20);
        this.decisionDays = env.getProperty("ferret.licensing.decision-working-days", Integer.class, 60);
        // proof of receipt (art. 10(4)): EU recast 45 days after exit; in working days when receipt-working-days is set
        int receiptWorking = env.getProperty("ferret.licensing.receipt-working-days", Integer.class, 0);
        this.receiptInWorkingDays = receiptWorking > 0;
        this.receiptDays = receiptInWorkingDays ? receiptWorking
                : env.getProperty("ferret.licensing.receipt-days", Integer.class, 45);
    }

    /** The day a decision on an application is due (working days after it was recorded). */
    public LocalDate decisionDue(Licence l) {
        return workingDays.plus(l.appliedOn(), decisionDays);
    }

    /** Applications whose decision is overdue today, oldest first. */
    @Transactional(readOnly = true)
    public List<Licence> overdue() {
        LocalDate today = LocalDate.now(clock);
        return search(null, LicenceStatus.APPLIED, null, 500).stream().filter(l -> decisionDue(l).isBefore(today))
                .sorted(java.util.Comparator.comparing(Licence::appliedOn)).toList();
    }

    /** The embargo list: country code and the source of the restriction. */
    public Map<String, String> embargoes() {
        return embargoes;
    }

    public UnlicensedExports unlicensedExports() {
        return unlicensedExports;
    }

    // ---- applications ----------------------------------------------------------------------------

    /** Records an application; every problem of it is reported at once, and nothing is written unless there is none. */
    @Transactional
    public Licence apply(LicenceApplication a) {
        List<String[]> lines = new ArrayList<>(); // item id or null, description, quantity
        List<FieldProblem> problems = problems(a, lines);
        if (!problems.isEmpty()) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, problems.size() == 1
                    ? problems.getFirst().field() + ": " + problems.getFirst().message()
                    : problems.size() + " problems: " + problems.stream().map(p -> p.field() + ": " + p.message())
                            .reduce((x, y) -> x + "; " + y).orElse(""), problems);
        }
        LocalDate today = LocalDate.now(clock);
        String from = CountryCode.of(a.countryOfExport()).value();
        List<String> transit = a.transitCountries().stream().map(c -> CountryCode.of(c).value()).toList();
        UUID id = UUID.randomUUID();
        Instant now = now();
        String number = "EXP-" + from + "-" + today.getYear() + "-" + code(6);
        String actor = Actor.current().username();
        store.insert(new LicenceStore.Row(id, number, LicenceStatus.APPLIED, a.exporter(), a.placeOfIssue().strip(),
                from, CountryCode.of(a.countryOfImport()).value(), a.finalRecipient().strip(),
                a.endUserCertificate().strip(), a.transport(), a.transhipment(), a.temporaryPurpose(), today, null,
                a.expiresOn(), null, null, null, null, now, actor));
        for (int i = 0; i < transit.size(); i++) {
            store.insertTransit(id, i + 1, transit.get(i));
        }
        for (int i = 0; i < lines.size(); i++) {
            String[] l = lines.get(i);
            store.insertLine(id, i + 1, l[0] == null ? null : UUID.fromString(l[0]), l[1], Integer.parseInt(l[2]));
        }
        store.insertHistory(id, Transition.APPLY, LicenceStatus.APPLIED, null, actor, now);
        Licence licence = get(new LicenceId(id));
        audit.record("LICENCE_APPLIED", "licence", id.toString(), null, summary(licence));
        return licence;
    }

    /** Every problem of an application, without writing anything (a form shows them with its own). */
    @Transactional(readOnly = true)
    public List<FieldProblem> problems(LicenceApplication a) {
        return problems(a, new ArrayList<>());
    }

    private List<FieldProblem> problems(LicenceApplication a, List<String[]> lines) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (a.exporter() == null) {
            problems.add(new FieldProblem("exporter", "must be given: the registered holder who exports"));
        } else {
            try {
                Holder h = registry.holder(new HolderId(a.exporter()));
                if (h.role() != HolderRole.DEALER || h.licenceNumber() == null || h.licenceNumber().isBlank()) {
                    problems.add(new FieldProblem("exporter", h.name() + " is not a licensed dealer and may not export"));
                }
            } catch (FerretException e) {
                problems.add(new FieldProblem("exporter", "no holder " + a.exporter() + " is registered"));
            }
        }
        String place = text(problems, "placeOfIssue", a.placeOfIssue(), 200);
        String from = country(problems, "countryOfExport", a.countryOfExport());
        String to = country(problems, "countryOfImport", a.countryOfImport());
        if (from != null && from.equals(to)) {
            problems.add(new FieldProblem("countryOfImport", "must differ from the country of export"));
        }
        String recipient = text(problems, "finalRecipient", a.finalRecipient(), 300);
        String euc = text(problems, "endUserCertificate", a.endUserCertificate(), 100);
        if (euc != null && store.eucUsed(euc)) {
            problems.add(new FieldProblem("endUserCertificate", "end-user certificate " + euc
                    + " is already used by another licence; a certificate serves one licence only"));
        }
        if (a.expiresOn() == null) {
            problems.add(new FieldProblem("expiresOn", "must be given (art. 10(3): date of expiration)"));
        } else if (!a.expiresOn().isAfter(today)) {
            problems.add(new FieldProblem("expiresOn", "must be after the date of issue (" + Words.date(today) + ")"));
        } else if (a.expiresOn().isAfter(today.plusYears(MAX_VALIDITY_YEARS))) {
            problems.add(new FieldProblem("expiresOn", "must be within " + MAX_VALIDITY_YEARS + " years"));
        }
        List<String> transit = new ArrayList<>();
        if (a.transitCountries().size() > MAX_TRANSIT) {
            problems.add(new FieldProblem("transitCountries", "at most " + MAX_TRANSIT + " transit states"));
        }
        for (int i = 0; i < a.transitCountries().size() && i < MAX_TRANSIT; i++) {
            String field = "transitCountries[" + i + "]";
            String c = country(problems, field, a.transitCountries().get(i));
            if (c != null && (c.equals(from) || c.equals(to))) {
                problems.add(new FieldProblem(field, c + " is the country of export or import, not a transit state"));
            } else if (c != null && transit.contains(c)) {
                problems.add(new FieldProblem(field, c + " is named twice"));
            } else if (c != null) {
                transit.add(c);
            }
        }
        if (a.transport() == null) {
            problems.add(new FieldProblem("transport", "must be given"));
        }
        if (a.goods().isEmpty()) {
            problems.add(new FieldProblem("goods", "at least one goods line (art. 10(3): description and quantity)"));
        } else if (a.goods().size() > MAX_LINES) {
            problems.add(new FieldProblem("goods", "at most " + MAX_LINES + " goods lines"));
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < a.goods().size() && i < MAX_LINES; i++) {
            LicenceApplication.GoodsLineInput g = a.goods().get(i);
            String prefix = "goods[" + i + "].";
            Integer q = g.quantity();
            if (q == null) {
                problems.add(new FieldProblem(prefix + "quantity", "must be given"));
            } else if (q <= 0) {
                problems.add(new FieldProblem(prefix + "quantity", "must be at least 1, was " + q));
            } else if (q > 10_000_000) {
                problems.add(new FieldProblem(prefix + "quantity", "must be at most 10,000,000"));
            }
            String description = g.description() == null || g.description().isBlank() ? null : g.description().strip();
            if (description != null && description.length() > 300) {
                problems.add(new FieldProblem(prefix + "description", "must be at most 300 characters"));
            }
            if (g.itemId() != null) {
                if (!seen.add(g.itemId())) {
                    problems.add(new FieldProblem(prefix + "itemId", "item " + g.itemId() + " is named on two lines"));
                    continue;
                }
                Optional<ItemView> item = registry.find(new ItemId(g.itemId()));
                if (item.isEmpty()) {
                    problems.add(new FieldProblem(prefix + "itemId", "no item " + g.itemId() + " is registered"));
                    continue;
                }
                ItemView v = item.get();
                if (v.status() != ItemStatus.IN_LAWFUL_POSSESSION) {
                    problems.add(new FieldProblem(prefix + "itemId", "the " + v.kind().label().toLowerCase(Locale.ROOT)
                            + " " + serials(v) + " is " + Words.lower(v.status())
                            + ": only an item in lawful possession may be exported"));
                } else if (v.currentHolder() != null && a.exporter() != null && !v.currentHolder().value().equals(a.exporter())) {
                    problems.add(new FieldProblem(prefix + "itemId", "the " + v.kind().label().toLowerCase(Locale.ROOT)
                            + " " + serials(v) + " is held by another holder, not the exporter"));
                }
                if (q != null && q != 1 && !v.kind().name().startsWith("AMMUNITION")) {
                    problems.add(new FieldProblem(prefix + "quantity", "a line naming one firearm or component has quantity 1"));
                }
                if (description == null) {
                    description = v.kind().label() + " " + serials(v);
                }
            } else if (description == null) {
                problems.add(new FieldProblem(prefix + "description", "name a registry item or describe the goods"));
            }
            lines.add(new String[] {g.itemId() == null ? null : g.itemId().toString(), description,
                    q == null ? "0" : q.toString()});
        }
        return problems;
    }

    /** Records what the importing state or a transit state said, as entered by the officer. */
    @Transactional
    public Licence recordAnswer(LicenceId id, AuthorisationKind kind, String country, String reference,
            LocalDate givenOn, LocalDate validUntil) {
        return recordAnswer(id, kind, country, reference, givenOn, validUntil, Actor.current().username());
    }

    /** The same, with its source named (a user, or {@code node:<id>} for an answer received through the exchange). */
    @Transactional
    public Licence recordAnswer(LicenceId id, AuthorisationKind kind, String country, String reference,
            LocalDate givenOn, LocalDate validUntil, String source) {
        LicenceStore.Row row = lock(id);
        Licence l = store.load(row);
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new FieldProblem("kind", "must be given"));
        } else if (kind == AuthorisationKind.RECEIPT) {
            problems.add(new FieldProblem("kind", "a proof of receipt is recorded against the shipments (receipts), "
                    + "not as an answer before issue"));
        }
        String c = country(problems, "country", country);
        String ref = text(problems, "reference", reference, 100);
        if (givenOn == null) {
            problems.add(new FieldProblem("givenOn", "must be given"));
        } else if (givenOn.isAfter(LocalDate.now(clock).plusDays(1))) {
            problems.add(new FieldProblem("givenOn", "must not be in the future"));
        }
        if (validUntil != null && givenOn != null && validUntil.isBefore(givenOn)) {
            problems.add(new FieldProblem("validUntil", "must not be before the date it was given"));
        }
        if (kind == AuthorisationKind.IMPORT_AUTHORISATION && c != null && !c.equals(l.countryOfImport())) {
            problems.add(new FieldProblem("country", "an import authorisation comes from the importing state, "
                    + l.countryOfImport()));
        }
        if (kind != null && kind != AuthorisationKind.IMPORT_AUTHORISATION && kind != AuthorisationKind.RECEIPT
                && c != null && !l.transitCountries().contains(c)) {
            problems.add(new FieldProblem("country", c + " is not a transit state of this licence ("
                    + (l.transitCountries().isEmpty() ? "none" : String.join(", ", l.transitCountries())) + ")"));
        }
        if (row.status() != LicenceStatus.APPLIED) {
            problems.add(new FieldProblem("kind", "answers are recorded before issue; the licence is "
                    + Words.lower(row.status())));
        }
        if (!problems.isEmpty()) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, problems.stream()
                    .map(p -> p.field() + ": " + p.message()).reduce((x, y) -> x + "; " + y).orElse(""), problems);
        }
        Licence.Authorisation a = new Licence.Authorisation(UUID.randomUUID(), kind, c, ref, givenOn, validUntil, source,
                now(), Actor.current().username());
        store.insertAuthorisation(id.value(), a);
        audit.record("LICENCE_ANSWER_RECORDED", "licence", id.toString(), null, a);
        return get(id);
    }

    // ---- confirmations between nodes (art. 10(2) over the signed exchange) ----------------------------

    /**
     * Asks the importing state's node for its import authorisation, or a transit state's node for its no-objection;
     * the answer, when it comes, is recorded as that state's answer with the node as its source.
     */
    @Transactional
    public NodeRequest ask(LicenceId id, String peer, AuthorisationKind kind, String country) {
        LicenceStore.Row row = lock(id);
        Licence l = store.load(row);
        List<FieldProblem> problems = new ArrayList<>();
        if (peer == null || !exchange.knows(peer)) {
            problems.add(new FieldProblem("peer", "no trusted node '" + peer + "' is configured (peers: "
                    + String.join(", ", exchange.peers()) + ")"));
        }
        String c = country(problems, "country", country);
        boolean receipt = kind == AuthorisationKind.RECEIPT;
        if (kind == null || kind == AuthorisationKind.TRANSIT_OBJECTION) {
            problems.add(new FieldProblem("kind", "ask for an import authorisation, a transit no-objection or the "
                    + "receipt of the shipments"));
        } else if (receipt && c != null && !c.equals(l.countryOfImport())) {
            problems.add(new FieldProblem("country", "the receipt is confirmed by the importing state, "
                    + l.countryOfImport()));
        } else if (receipt && store.shipments(id.value()).stream().allMatch(s -> s.receivedOn() != null)) {
            problems.add(new FieldProblem("kind", "licence " + l.number() + " has no shipment awaiting its proof of "
                    + "receipt"));
        } else if (kind == AuthorisationKind.IMPORT_AUTHORISATION && c != null && !c.equals(l.countryOfImport())) {
            problems.add(new FieldProblem("country", "the import authorisation comes from " + l.countryOfImport()));
        } else if (kind == AuthorisationKind.TRANSIT_NO_OBJECTION && c != null && !l.transitCountries().contains(c)) {
            problems.add(new FieldProblem("country", c + " is not a transit state of this licence"));
        }
        if (!receipt && row.status() != LicenceStatus.APPLIED) {
            problems.add(new FieldProblem("kind", "confirmations are asked before issue; the licence is "
                    + Words.lower(row.status())));
        }
        if (!problems.isEmpty()) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, problems.stream()
                    .map(p -> p.field() + ": " + p.message()).reduce((x, y) -> x + "; " + y).orElse(""), problems);
        }
        String summary = (receipt ? "confirm receipt of " + store.shipments(id.value()).stream()
                .filter(s -> s.receivedOn() == null).map(s -> s.quantity() + " of line " + s.line() + " shipped "
                        + s.occurredOn()).reduce((x, y) -> x + ", " + y).orElse("") + "; " : "")
                + "export from " + l.countryOfExport() + " to " + l.countryOfImport()
                + (l.transitCountries().isEmpty() ? "" : " via " + String.join(", ", l.transitCountries()))
                + " for " + l.finalRecipient() + ": " + l.goods().stream().map(g -> g.quantity() + " × " + g.description())
                        .reduce((x, y) -> x + "; " + y).orElse("");
        if (summary.length() > 2000) {
            summary = summary.substring(0, 1999) + "…";
        }
        NodeRequest r = new NodeRequest(UUID.randomUUID(), NodeRequest.Direction.OUT, peer, id.value(), l.number(), kind,
                c, summary, NodeRequest.Status.PENDING, null, null, now(), null);
        store.insertNodeRequest(r);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", r.id().toString());
        body.put("licenceNumber", l.number());
        body.put("kind", kind.name());
        body.put("country", c);
        body.put("summary", summary);
        exchange.send(peer, CONFIRMATION_REQUEST, r.id().toString(), body);
        audit.record("LICENCE_CONFIRMATION_REQUESTED", "licence", id.toString(), null, r);
        return r;
    }

    /** The trusted nodes a confirmation can be asked of. */
    public java.util.Set<String> peers() {
        return exchange.peers();
    }

    /** A request received from another node, kept for this node's officer to answer. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public UUID received(org.ferret.exchange.IncomingDocument d) {
        UUID requestId = d.uuid("requestId");
        AuthorisationKind kind = kindField(d, "kind");
        if (kind == AuthorisationKind.TRANSIT_OBJECTION) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, "body.kind", "a request asks for an import "
                    + "authorisation, a transit no-objection or a receipt");
        }
        String number = d.text("licenceNumber");
        String country;
        try {
            country = CountryCode.of(d.text("country")).value();
        } catch (FerretException e) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, "body.country", "is not an ISO country code");
        }
        if (number.length() > 40 || d.text("summary").length() > 2000) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, "body.summary", "is too long");
        }
        if (store.nodeRequest(requestId).isPresent()) {
            throw new LicensingException(ErrorCode.CONFLICT, "body.requestId", "request " + requestId
                    + " was received before");
        }
        NodeRequest r = new NodeRequest(requestId, NodeRequest.Direction.IN, d.sender(), null, number, kind, country,
                d.text("summary"), NodeRequest.Status.PENDING, null, null, now(), null);
        store.insertNodeRequest(r);
        audit.record("LICENCE_CONFIRMATION_RECEIVED", "licence-request", requestId.toString(), null, r);
        return requestId;
    }

    /** This node's officer answers a request received from another node; the answer goes back signed. */
    @Transactional
    public NodeRequest answerRequest(UUID requestId, AuthorisationKind kind, String reference, LocalDate givenOn,
            LocalDate validUntil) {
        NodeRequest r = store.nodeRequest(requestId).filter(x -> x.direction() == NodeRequest.Direction.IN)
                .orElseThrow(() -> new LicensingException(ErrorCode.NOT_FOUND, null, "no request " + requestId
                        + " was received"));
        List<FieldProblem> problems = new ArrayList<>();
        if (r.status() != NodeRequest.Status.PENDING) {
            problems.add(new FieldProblem("kind", "the request was answered already"));
        }
        if (kind == null) {
            problems.add(new FieldProblem("kind", "must be given"));
        } else if (!answers(r.kind(), kind)) {
            problems.add(new FieldProblem("kind", "the request asks about " + Words.lower(r.kind())));
        }
        String ref = text(problems, "reference", reference, 100);
        if (kind == AuthorisationKind.IMPORT_AUTHORISATION && ref != null) {
            // answered from an import authorisation recorded here: it must be in force, and its dates are the answer's
            Optional<ImportAuthorisation> recorded = importAuthorisations.findByNumber(ref);
            if (recorded.isPresent()) {
                ImportAuthorisation a = recorded.get();
                ImportAuthorisationStatus s = a.statusOn(LocalDate.now(clock));
                if (s != ImportAuthorisationStatus.ISSUED) {
                    problems.add(new FieldProblem("reference", "import authorisation " + a.number() + " is "
                            + Words.lower(s) + " (" + ImportAuthorisationPolicies.ART_10_1 + ")"));
                }
                ref = a.number();
                givenOn = givenOn == null ? a.validFrom() : givenOn;
                validUntil = validUntil == null ? a.validUntil() : validUntil;
            }
        }
        if (givenOn == null) {
            problems.add(new FieldProblem("givenOn", "must be given"));
        }
        if (validUntil != null && givenOn != null && validUntil.isBefore(givenOn)) {
            problems.add(new FieldProblem("validUntil", "must not be before the date it was given"));
        }
        if (!problems.isEmpty()) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, problems.stream()
                    .map(p -> p.field() + ": " + p.message()).reduce((x, y) -> x + "; " + y).orElse(""), problems);
        }
        store.answerNodeRequest(requestId, kind, ref, now());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId.toString());
        body.put("kind", kind.name());
        body.put("reference", ref);
        body.put("givenOn", givenOn.toString());
        body.put("validUntil", validUntil == null ? null : validUntil.toString());
        exchange.send(r.peer(), CONFIRMATION_ANSWER, requestId.toString(), body);
        audit.record("LICENCE_CONFIRMATION_ANSWERED", "licence-request", requestId.toString(), null, body);
        return store.nodeRequest(requestId).orElseThrow();
    }

    /** An answer from the node this node asked: recorded as that state's answer, with the node as source. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public UUID answered(org.ferret.exchange.IncomingDocument d) {
        UUID requestId = d.uuid("requestId");
        NodeRequest r = store.nodeRequest(requestId).filter(x -> x.direction() == NodeRequest.Direction.OUT
                && x.peer().equals(d.sender())).orElseThrow(() -> new LicensingException(ErrorCode.VALIDATION_FAILED,
                        "body.requestId", "no request " + requestId + " was sent to node " + d.sender()));
        if (r.status() != NodeRequest.Status.PENDING) {
            throw new LicensingException(ErrorCode.CONFLICT, "body.requestId", "request " + requestId
                    + " was answered already");
        }
        AuthorisationKind kind = kindField(d, "kind");
        if (!answers(r.kind(), kind)) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, "body.kind", "does not answer the request");
        }
        LocalDate given = dateField(d, "givenOn", true);
        LocalDate until = dateField(d, "validUntil", false);
        if (kind == AuthorisationKind.RECEIPT) {
            // the shipments the request was about: those recorded before it was sent
            confirmReceipt(new LicenceId(r.licenceId()), null, d.text("reference"), given, r.createdAt(),
                    "node:" + d.sender());
            store.answerNodeRequest(requestId, kind, d.text("reference"), now());
            return r.licenceId();
        }
        recordAnswer(new LicenceId(r.licenceId()), kind, r.country(), d.text("reference"), given, until,
                "node:" + d.sender());
        store.answerNodeRequest(requestId, kind, d.text("reference"), now());
        return r.licenceId();
    }

    /** Requests sent (OUT) or received (IN), or all; of one licence when {@code licence} is given. */
    @Transactional(readOnly = true)
    public List<NodeRequest> nodeRequests(NodeRequest.Direction direction, LicenceId licence, int limit) {
        return store.nodeRequests(direction == null ? null : direction.name(), licence == null ? null : licence.value(),
                Math.max(1, Math.min(limit, 500)));
    }

    /** Whether an answer of kind {@code answer} answers a request of kind {@code asked}. */
    private static boolean answers(AuthorisationKind asked, AuthorisationKind answer) {
        return switch (asked) {
            case IMPORT_AUTHORISATION -> answer == AuthorisationKind.IMPORT_AUTHORISATION;
            case TRANSIT_NO_OBJECTION, TRANSIT_OBJECTION -> answer == AuthorisationKind.TRANSIT_NO_OBJECTION
                    || answer == AuthorisationKind.TRANSIT_OBJECTION;
            case RECEIPT -> answer == AuthorisationKind.RECEIPT;
        };
    }

    private static AuthorisationKind kindField(org.ferret.exchange.IncomingDocument d, String field) {
        try {
            return AuthorisationKind.valueOf(d.text(field));
        } catch (IllegalArgumentException e) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, "body." + field, "is not a kind of answer");
        }
    }

    private static LocalDate dateField(org.ferret.exchange.IncomingDocument d, String field, boolean required) {
        JsonNode v = d.body().get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new LicensingException(ErrorCode.VALIDATION_FAILED, "body." + field, "must be given");
            }
            return null;
        }
        try {
            return LocalDate.parse(v.asString());
        } catch (RuntimeException e) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, "body." + field, "must be a date (YYYY-MM-DD)");
        }
    }

    // ---- proof of receipt (art. 10(4)) -------------------------------------------------------------

    /** The day the proof of receipt of a shipment that left on {@code shippedOn} is due. */
    public LocalDate receiptDue(LocalDate shippedOn) {
        return receiptInWorkingDays ? workingDays.plus(shippedOn, receiptDays) : shippedOn.plusDays(receiptDays);
    }

    /** The receipt period, in words ("45 days", "30 working days"). */
    public String receiptPeriod() {
        return receiptDays + (receiptInWorkingDays ? " working days" : " days");
    }

    private Receipt receipt(LicenceStore.Shipment s) {
        return new Receipt(s.drawdownId(), s.licenceId(), s.number(), s.countryOfImport(), s.line(), s.quantity(),
                s.occurredOn(), receiptDue(s.occurredOn()), s.receivedOn(), s.reference(), s.source());
    }

    /** Every shipment of a licence with its proof-of-receipt deadline and receipt, oldest first. */
    @Transactional(readOnly = true)
    public List<Receipt> receipts(LicenceId id) {
        get(id);
        return store.shipments(id.value()).stream().map(this::receipt).toList();
    }

    /** Shipments whose proof of receipt is overdue on {@code on} (today when null), oldest first. */
    @Transactional(readOnly = true)
    public List<Receipt> receiptsOverdue(LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        // a deadline in working days is never earlier than the same number of calendar days
        return store.unconfirmed(day.minusDays(receiptDays + 1L), 500).stream().map(this::receipt)
                .filter(r -> r.overdueOn(day)).toList();
    }

    /**
     * Records the importing state's proof of receipt for one shipment, or (drawdown null) for every shipment of the
     * licence not yet confirmed; as entered by the officer.
     */
    @Transactional
    public List<Receipt> confirmReceipt(LicenceId id, UUID drawdown, String reference, LocalDate receivedOn) {
        return confirmReceipt(id, drawdown, reference, receivedOn, null, Actor.current().username());
    }

    private List<Receipt> confirmReceipt(LicenceId id, UUID drawdown, String reference, LocalDate receivedOn,
            Instant shippedBy, String source) {
        lock(id);
        List<FieldProblem> problems = new ArrayList<>();
        String ref = text(problems, "reference", reference, 100);
        if (receivedOn == null) {
            problems.add(new FieldProblem("receivedOn", "must be given"));
        } else if (receivedOn.isAfter(LocalDate.now(clock).plusDays(1))) {
            problems.add(new FieldProblem("receivedOn", "must not be in the future"));
        }
        List<LicenceStore.Shipment> open = store.shipments(id.value()).stream()
                .filter(s -> s.receivedOn() == null && (drawdown == null || s.drawdownId().equals(drawdown))
                        && (shippedBy == null || !s.recordedAt().isAfter(shippedBy))).toList();
        if (drawdown != null && open.isEmpty()) {
            problems.add(new FieldProblem("drawdown", store.shipments(id.value()).stream()
                    .anyMatch(s -> s.drawdownId().equals(drawdown)) ? "the receipt of shipment " + drawdown
                    + " is recorded already" : "licence " + id + " has no shipment " + drawdown));
        } else if (open.isEmpty()) {
            problems.add(new FieldProblem("drawdown", "the licence has no shipment awaiting its proof of receipt"));
        }
        for (LicenceStore.Shipment s : open) {
            if (receivedOn != null && receivedOn.isBefore(s.occurredOn())) {
                problems.add(new FieldProblem("receivedOn", "must not be before the shipment left ("
                        + Words.date(s.occurredOn()) + ")"));
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, problems.stream()
                    .map(p -> p.field() + ": " + p.message()).reduce((x, y) -> x + "; " + y).orElse(""), problems);
        }
        Instant now = now();
        String by = Actor.current().username();
        for (LicenceStore.Shipment s : open) {
            store.insertReceipt(s.drawdownId(), id.value(), receivedOn, ref, source, now, by);
        }
        audit.record("LICENCE_RECEIPT_CONFIRMED", "licence", id.toString(), null, Map.of("shipments",
                open.stream().map(s -> s.drawdownId().toString()).toList(), "receivedOn", receivedOn.toString(),
                "reference", ref, "source", source));
        return receipts(id);
    }

    // ---- checks and transitions -------------------------------------------------------------------

    /** Every check of the licence as it stands today. */
    @Transactional(readOnly = true)
    public List<Check> checks(LicenceId id) {
        return checks(get(id));
    }

    public List<Check> checks(Licence l) {
        List<Check> checks = LicensingPolicies.all(l, LocalDate.now(clock), embargoes);
        if (tacitConsentDays <= 0) {
            return checks;
        }
        // a transit state's node asked and silent for the tacit-consent period counts as consent
        List<NodeRequest> asked = store.nodeRequests(NodeRequest.Direction.OUT.name(), l.id().value(), 500);
        List<Check> out = new ArrayList<>(checks.size());
        for (Check c : checks) {
            Check replaced = c;
            if (!c.passed() && c.provision().equals(LicensingPolicies.ART_10_2_B) && c.reason().startsWith("no written")) {
                String country = c.name().substring(c.name().length() - 2);
                Optional<LocalDate> since = asked.stream().filter(r -> r.kind() == AuthorisationKind.TRANSIT_NO_OBJECTION
                        && r.country().equals(country) && r.status() == NodeRequest.Status.PENDING)
                        .map(r -> r.createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()).min(LocalDate::compareTo);
                if (since.isPresent() && !workingDays.plus(since.get(), tacitConsentDays).isAfter(LocalDate.now(clock))) {
                    replaced = Check.pass(c.name(), "Reg. (EU) 258/2012 art. 7(2)", "tacit consent: " + country
                            + " was asked on " + Words.date(since.get()) + " and gave no answer within "
                            + tacitConsentDays + " working days");
                }
            }
            out.add(replaced);
        }
        return out;
    }

    /** Issues the licence: refused while any check fails; signs the licence document with this node's key. */
    @Transactional
    public Licence issue(LicenceId id) {
        LicenceStore.Row row = lock(id);
        row.status().after(Transition.ISSUE);
        Licence l = store.load(row);
        List<Check> failed = checks(l).stream().filter(c -> !c.passed()).toList();
        if (!failed.isEmpty()) {
            throw new LicensingException(ErrorCode.LICENCE_CHECKS_FAILED, "the licence cannot be issued: "
                    + failed.stream().map(c -> c.name() + " (" + c.provision() + "): " + c.reason())
                            .reduce((x, y) -> x + "; " + y).orElse(""),
                    failed.stream().map(c -> new FieldProblem("checks", c.provision() + ": " + c.reason())).toList());
        }
        LocalDate today = LocalDate.now(clock);
        String code = code(16);
        String document = document(l, today, code);
        store.issue(id.value(), today, code, document, keys.sign(document), keys.nodeId());
        store.insertHistory(id.value(), Transition.ISSUE, LicenceStatus.ISSUED, null, Actor.current().username(), now());
        audit.record("LICENCE_ISSUED", "licence", id.toString(), Map.of("status", row.status()),
                Map.of("status", LicenceStatus.ISSUED, "number", l.number(), "verificationCode", code));
        return get(id);
    }

    @Transactional
    public Licence refuse(LicenceId id, String reason) {
        return transition(id, Transition.REFUSE, reason);
    }

    @Transactional
    public Licence suspend(LicenceId id, String reason) {
        return transition(id, Transition.SUSPEND, reason);
    }

    @Transactional
    public Licence reinstate(LicenceId id, String reason) {
        return transition(id, Transition.REINSTATE, reason);
    }

    @Transactional
    public Licence revoke(LicenceId id, String reason) {
        return transition(id, Transition.REVOKE, reason);
    }

    /** Applies a named transition that needs no more than a reason (refuse, suspend, reinstate, revoke, expire). */
    @Transactional
    public Licence transition(LicenceId id, Transition t, String reason) {
        if (t == Transition.APPLY || t == Transition.ISSUE || t == Transition.EXHAUST) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, "transition", "is not applied by hand: "
                    + Words.lower(t));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (t.needsReason() && why == null) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, "reason", "must be given");
        }
        if (why != null && why.length() > 2000) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, "reason", "must be at most 2000 characters");
        }
        LicenceStore.Row row = lock(id);
        LicenceStatus after = row.status().after(t);
        if (t == Transition.REINSTATE && LocalDate.now(clock).isAfter(row.expiresOn())) {
            throw new LicensingException(ErrorCode.ILLEGAL_TRANSITION, "transition", "the licence expired on "
                    + Words.date(row.expiresOn()) + " and cannot be reinstated");
        }
        store.setStatus(id.value(), after);
        store.insertHistory(id.value(), t, after, why, Actor.current().username(), now());
        audit.record("LICENCE_" + t.result().name(), "licence", id.toString(), Map.of("status", row.status()),
                why == null ? Map.of("status", after) : Map.of("status", after, "reason", why));
        return get(id);
    }

    /** Expires every issued or suspended licence past its expiry date (hourly, and on demand). */
    @Scheduled(fixedDelayString = "${ferret.licensing.expiry-check-ms:3600000}", initialDelay = 60_000)
    @Transactional
    public int expireDue() {
        int n = 0;
        for (UUID id : store.expiredBy(LocalDate.now(clock))) {
            LicenceStore.Row row = lock(new LicenceId(id));
            if (row.status() == LicenceStatus.ISSUED || row.status() == LicenceStatus.SUSPENDED) {
                store.setStatus(id, LicenceStatus.EXPIRED);
                store.insertHistory(id, Transition.EXPIRE, LicenceStatus.EXPIRED, "expired on "
                        + Words.date(row.expiresOn()), "system", now());
                audit.recordAs(new Actor("system", null), "LICENCE_EXPIRED", "licence", id.toString(),
                        Map.of("status", row.status()), Map.of("status", LicenceStatus.EXPIRED));
                n++;
            }
        }
        return n;
    }

    // ---- shipments --------------------------------------------------------------------------------

    /** The result of a usage report: applied now, or acknowledged as already applied (never applied twice). */
    public record UsageResult(boolean applied, Licence.Drawdown drawdown, Licence licence) {
    }

    /** Draws a shipment down against a goods line; a report id seen before is acknowledged and not applied again. */
    @Transactional
    public UsageResult reportUsage(LicenceId id, UsageReport r) {
        List<FieldProblem> problems = new ArrayList<>();
        String reportId = text(problems, "reportId", r.reportId(), 100);
        if (r.line() == null) {
            problems.add(new FieldProblem("line", "must be given"));
        }
        if (r.quantity() == null) {
            problems.add(new FieldProblem("quantity", "must be given"));
        } else if (r.quantity() <= 0) {
            problems.add(new FieldProblem("quantity", "must be at least 1, was " + r.quantity()));
        }
        if (r.occurredOn() == null) {
            problems.add(new FieldProblem("occurredOn", "must be given"));
        }
        if (!problems.isEmpty()) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, problems.stream()
                    .map(p -> p.field() + ": " + p.message()).reduce((x, y) -> x + "; " + y).orElse(""), problems);
        }
        LicenceStore.Row row = lock(id);
        Optional<Licence.Drawdown> before = store.drawdownByReport(reportId);
        if (before.isPresent()) {
            Licence.Drawdown d = before.get();
            boolean same = store.licenceOfReport(reportId).map(id.value()::equals).orElse(false)
                    && d.line() == r.line() && d.quantity() == r.quantity() && d.occurredOn().equals(r.occurredOn());
            if (!same) {
                throw new LicensingException(ErrorCode.CONFLICT, "reportId", "report " + reportId
                        + " was already applied with other particulars; a report is applied once");
            }
            return new UsageResult(false, d, get(id));
        }
        Licence l = store.load(row);
        Licence.GoodsLine line = l.goods().stream().filter(g -> g.line() == r.line()).findFirst()
                .orElseThrow(() -> new LicensingException(ErrorCode.VALIDATION_FAILED, "line", "licence " + l.number()
                        + " has no goods line " + r.line()));
        requireUsable(l, r.occurredOn(), "occurredOn");
        if (r.quantity() > line.remaining()) {
            throw new LicensingException(ErrorCode.LICENCE_NOT_VALID, "quantity", "line " + line.line() + " has "
                    + line.remaining() + " of " + line.quantity() + " left; the shipment of " + r.quantity()
                    + " exceeds it");
        }
        Licence.Drawdown d = new Licence.Drawdown(UUID.randomUUID(), line.line(), r.quantity(), line.itemId(), null,
                reportId, r.occurredOn(), now(), Actor.current().username());
        draw(l, d);
        return new UsageResult(true, d, get(id));
    }

    /** Registry export events: checked and drawn down, inside the registry's transaction (art. 10). */
    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void exported(ExportRecorded x) {
        String ref = x.licenceReference() == null || x.licenceReference().isBlank() ? null : x.licenceReference().strip();
        if (ref == null) {
            if (unlicensedExports == UnlicensedExports.REFUSE) {
                throw new LicensingException(ErrorCode.LICENCE_NOT_VALID, "reference", "an export names the export "
                        + "licence that covers it (Protocol art. 10)");
            }
            store.flagUnlicensed(x.event().value(), x.item().value(), x.to().value(), x.occurredOn(), null,
                    "no export licence named", now());
            audit.record("UNLICENSED_EXPORT_FLAGGED", "item", x.item().toString(), null,
                    Map.of("event", x.event().toString(), "country", x.to().value()));
            return;
        }
        UUID licenceId = store.idByNumber(ref).orElseThrow(() -> new LicensingException(ErrorCode.LICENCE_NOT_VALID,
                "reference", "no export licence " + ref + " is recorded"));
        LicenceStore.Row row = lock(new LicenceId(licenceId));
        Licence l = store.load(row);
        requireUsable(l, x.occurredOn(), "occurredOn");
        if (!l.countryOfImport().equals(x.to().value())) {
            throw new LicensingException(ErrorCode.LICENCE_NOT_VALID, "country", "licence " + l.number()
                    + " covers exports to " + l.countryOfImport() + ", not " + x.to().value());
        }
        Licence.GoodsLine line = l.goods().stream().filter(g -> x.item().value().equals(g.itemId())).findFirst()
                .orElseThrow(() -> new LicensingException(ErrorCode.LICENCE_NOT_VALID, "reference", "licence "
                        + l.number() + " does not cover this item"));
        if (line.remaining() < 1) {
            throw new LicensingException(ErrorCode.LICENCE_NOT_VALID, "reference", "line " + line.line()
                    + " of licence " + l.number() + " is used up");
        }
        draw(l, new Licence.Drawdown(UUID.randomUUID(), line.line(), 1, x.item().value(), x.event().value(),
                "event:" + x.event().value(), x.occurredOn(), now(), Actor.current().username()));
    }

    private void requireUsable(Licence l, LocalDate on, String field) {
        LicenceStatus s = l.statusOn(LocalDate.now(clock));
        if (!s.usable()) {
            throw new LicensingException(ErrorCode.LICENCE_NOT_VALID, "reference", "licence " + l.number() + " is "
                    + Words.lower(s));
        }
        if (on.isBefore(l.issuedOn()) || on.isAfter(l.expiresOn())) {
            throw new LicensingException(ErrorCode.LICENCE_NOT_VALID, field, "licence " + l.number() + " is valid from "
                    + Words.date(l.issuedOn()) + " to " + Words.date(l.expiresOn()) + ", not on " + Words.date(on));
        }
    }

    private void draw(Licence l, Licence.Drawdown d) {
        store.insertDrawdown(l.id().value(), d);
        audit.record("LICENCE_DRAWN_DOWN", "licence", l.id().toString(), null, d);
        Licence after = get(l.id());
        if (after.exhausted()) {
            store.setStatus(l.id().value(), LicenceStatus.EXHAUSTED);
            store.insertHistory(l.id().value(), Transition.EXHAUST, LicenceStatus.EXHAUSTED,
                    "every goods line is used up", Actor.current().username(), now());
            audit.record("LICENCE_EXHAUSTED", "licence", l.id().toString(), Map.of("status", l.status()),
                    Map.of("status", LicenceStatus.EXHAUSTED));
        }
    }

    // ---- reading and verifying ----------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Licence get(LicenceId id) {
        return find(id).orElseThrow(() -> new LicensingException(ErrorCode.NOT_FOUND, null, "licence " + id
                + " not found"));
    }

    @Transactional(readOnly = true)
    public Optional<Licence> find(LicenceId id) {
        return store.find(id.value()).map(store::load);
    }

    @Transactional(readOnly = true)
    public Optional<Licence> findByNumber(String number) {
        return number == null || number.isBlank() ? Optional.empty()
                : store.idByNumber(number).flatMap(id -> find(new LicenceId(id)));
    }

    /** Licences matching a text (number, final recipient, end-user certificate), a status and a country of import. */
    @Transactional(readOnly = true)
    public List<Licence> search(String text, LicenceStatus status, String countryOfImport, int limit) {
        String c = countryOfImport == null || countryOfImport.isBlank() ? null : CountryCode.of(countryOfImport).value();
        return store.search(text, status, c, Math.max(1, Math.min(limit, 500))).stream().map(store::load).toList();
    }

    /** Exports recorded without a licence, newest first. */
    @Transactional(readOnly = true)
    public List<UnlicensedExport> unlicensedExports(int limit) {
        return store.unlicensed(Math.max(1, Math.min(limit, 500)));
    }

    /** What the verification code of a document tells its holder: valid or not, and the remaining quantities. */
    @Transactional(readOnly = true)
    public Optional<Verification> verify(String code) {
        if (code == null || !code.strip().matches("[A-Z2-7]{16}")) {
            return Optional.empty();
        }
        return store.idByCode(code.strip()).flatMap(id -> find(new LicenceId(id))).map(this::verification);
    }

    /**
     * The exporter's view of a licence: both the number and the verification code printed on its document must
     * match (the code alone only answers {@link #verify}).
     */
    @Transactional(readOnly = true)
    public Optional<ExporterView> exporterView(String number, String code) {
        return holderLicence(number, code).map(l -> new ExporterView(l.number(), l.statusOn(LocalDate.now(clock)),
                l.placeOfIssue(), l.issuedOn(), l.expiresOn(), l.countryOfExport(), l.countryOfImport(),
                l.transitCountries(), l.finalRecipient(), l.goods(), receipts(l.id())));
    }

    /** The issued licence whose number and verification code both match, for its holder. */
    @Transactional(readOnly = true)
    public Optional<Licence> holderLicence(String number, String code) {
        if (number == null || code == null || !code.strip().toUpperCase(Locale.ROOT).matches("[A-Z2-7]{16}")) {
            return Optional.empty();
        }
        return store.idByCode(code.strip().toUpperCase(Locale.ROOT)).flatMap(id -> find(new LicenceId(id)))
                .filter(l -> l.number().equalsIgnoreCase(number.strip()));
    }

    private Verification verification(Licence l) {
        Verification.Answer answer = switch (l.statusOn(LocalDate.now(clock))) {
            case APPLIED -> Verification.Answer.NOT_YET_ISSUED;
            case ISSUED -> Verification.Answer.VALID;
            case REFUSED -> Verification.Answer.REFUSED;
            case SUSPENDED -> Verification.Answer.SUSPENDED;
            case REVOKED -> Verification.Answer.REVOKED;
            case EXPIRED -> Verification.Answer.EXPIRED;
            case EXHAUSTED -> Verification.Answer.EXHAUSTED;
        };
        return new Verification(l.number(), answer, l.expiresOn(), l.goods().stream()
                .map(g -> new Verification.Remaining(g.line(), g.description(), g.quantity(), g.remaining())).toList());
    }

    /**
     * Checks a signed licence document offline: the signature must be the issuing node's (this node's own key or a
     * trusted peer's). For this node's own licences the current standing is added.
     */
    @Transactional(readOnly = true)
    public DocumentCheck verifyDocument(String document, String signature) {
        if (document == null || document.isBlank() || signature == null || signature.isBlank()) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, document == null || document.isBlank()
                    ? "document" : "signature", "must be given");
        }
        JsonNode doc;
        try {
            doc = json.readTree(document);
        } catch (tools.jackson.core.JacksonException e) {
            return new DocumentCheck(false, null, null, "the document is not a Ferret licence document", null);
        }
        String issuer = doc.path("issuer").isString() ? doc.path("issuer").asString() : null;
        String number = doc.path("number").isString() ? doc.path("number").asString() : null;
        if (issuer == null || number == null || !"FERRET_EXPORT_LICENCE".equals(doc.path("type").asString(""))) {
            return new DocumentCheck(false, issuer, number, "the document is not a Ferret licence document", null);
        }
        boolean own = issuer.equals(keys.nodeId());
        if (!own && keys.peer(issuer).isEmpty()) {
            return new DocumentCheck(false, issuer, number, "node " + issuer + " is not a trusted node here", null);
        }
        boolean ok = own ? keys.verifyOwn(document, signature.strip()) : keys.verify(issuer, document, signature.strip());
        if (!ok) {
            return new DocumentCheck(false, issuer, number, "the signature is not node " + issuer
                    + "'s: the document was altered or forged", null);
        }
        Verification current = own ? findByNumber(number).filter(l -> document.equals(l.document()))
                .map(this::verification).orElse(null) : null;
        return new DocumentCheck(true, issuer, number, "signed by node " + issuer, current);
    }

    /**
     * For a customs declaration naming a licence (CN23 box 12): is it an issued, valid licence of this node with at
     * least {@code quantity} left in total? A check citing art. 10, for the parcels decision's reasons.
     */
    @Transactional(readOnly = true)
    public Check checkDeclared(String licenceNumber, int quantity, LocalDate on) {
        String name = "Declared licence";
        Optional<Licence> l = findByNumber(licenceNumber);
        if (l.isEmpty()) {
            return Check.fail(name, "Protocol art. 10", "no export licence " + licenceNumber + " is recorded");
        }
        LicenceStatus s = l.get().statusOn(on);
        if (!s.usable()) {
            return Check.fail(name, "Protocol art. 10", "licence " + l.get().number() + " is " + Words.lower(s));
        }
        int left = l.get().goods().stream().mapToInt(Licence.GoodsLine::remaining).sum();
        return left >= quantity
                ? Check.pass(name, "Protocol art. 10", "licence " + l.get().number() + " is valid with " + left + " left")
                : Check.fail(name, "Protocol art. 10", "licence " + l.get().number() + " has " + left
                        + " left, fewer than the " + quantity + " declared");
    }

    /** The HS chapter an export licence covers: arms and ammunition, their parts and accessories (chapter 93). */
    public static final String HS_CHAPTER = "93";

    /** One CN23 content line as parcels declares it: its HS code (may be null) and quantity. */
    public record DeclaredGoods(String hsCode, int quantity) {
    }

    /**
     * For a customs declaration naming a licence (CN23 box 12), line by line: the licence must be an issued, valid
     * licence of this node, for the declared destination (when given), and the goods of HS chapter 93 (all an export
     * licence covers) may not exceed what is left on it. A declaration naming a licence but declaring no chapter 93
     * goods fails too: the licence does not cover what is declared.
     */
    @Transactional(readOnly = true)
    public Check checkDeclared(String licenceNumber, List<DeclaredGoods> goods, String destination, LocalDate on) {
        String name = "Declared licence";
        String provision = "Protocol art. 10";
        int armsQuantity = goods.stream().filter(g -> g.hsCode() != null && g.hsCode().startsWith(HS_CHAPTER))
                .mapToInt(DeclaredGoods::quantity).sum();
        boolean anyArms = goods.stream().anyMatch(g -> g.hsCode() != null && g.hsCode().startsWith(HS_CHAPTER));
        Optional<Licence> l = findByNumber(licenceNumber);
        if (l.isEmpty()) {
            return Check.fail(name, provision, "no export licence " + licenceNumber + " is recorded on this node");
        }
        Licence licence = l.get();
        if (!anyArms) {
            return Check.fail(name, provision, "licence " + licence.number() + " covers HS chapter " + HS_CHAPTER
                    + " (arms and ammunition) and no content line declares goods of that chapter");
        }
        if (destination != null && !destination.isBlank() && !destination.strip().equalsIgnoreCase(licence.countryOfImport())) {
            return Check.fail(name, provision, "licence " + licence.number() + " covers exports to "
                    + licence.countryOfImport() + ", not " + destination.strip().toUpperCase(Locale.ROOT));
        }
        return checkDeclared(licenceNumber, armsQuantity, on);
    }

    // ---- internals ----------------------------------------------------------------------------------

    /** The art. 10(3) contents, signed: what another node verifies offline. */
    private String document(Licence l, LocalDate issuedOn, String code) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "FERRET_EXPORT_LICENCE");
        d.put("issuer", keys.nodeId());
        d.put("number", l.number());
        d.put("verificationCode", code);
        d.put("placeOfIssue", l.placeOfIssue());
        d.put("issuedOn", issuedOn.toString());
        d.put("expiresOn", l.expiresOn().toString());
        d.put("countryOfExport", l.countryOfExport());
        d.put("countryOfImport", l.countryOfImport());
        d.put("finalRecipient", l.finalRecipient());
        d.put("endUserCertificate", l.endUserCertificate());
        d.put("transitCountries", l.transitCountries());
        d.put("importAuthorisation", l.importAuthorisation().map(Licence.Authorisation::reference).orElse(null));
        d.put("goods", l.goods().stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", g.line());
            m.put("description", g.description());
            m.put("quantity", g.quantity());
            return m;
        }).toList());
        return json.writeValueAsString(d);
    }

    private static Map<String, Object> summary(Licence l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", l.number());
        m.put("status", l.status());
        m.put("countryOfImport", l.countryOfImport());
        m.put("transitCountries", l.transitCountries());
        m.put("endUserCertificate", l.endUserCertificate());
        m.put("expiresOn", l.expiresOn());
        m.put("goods", l.goods());
        return m;
    }

    private LicenceStore.Row lock(LicenceId id) {
        return store.lock(id.value()).orElseThrow(() -> new LicensingException(ErrorCode.NOT_FOUND, null, "licence "
                + id + " not found"));
    }

    private static String serials(ItemView v) {
        List<String> s = Registry.serialsOf(v);
        return s.isEmpty() ? "(no serial)" : String.join("/", s);
    }

    private static String text(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "must be given"));
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
            return null;
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(field, "must not contain control characters"));
            return null;
        }
        return v;
    }

    private static String country(List<FieldProblem> problems, String field, String value) {
        try {
            return CountryCode.of(value).value();
        } catch (FerretException e) {
            problems.add(new FieldProblem(field, e.problems().isEmpty() ? e.getMessage() : e.problems().getFirst().message()));
            return null;
        }
    }

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private static String code(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(BASE32[RANDOM.nextInt(32)]);
        }
        return b.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
