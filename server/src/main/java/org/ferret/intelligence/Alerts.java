package org.ferret.intelligence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.audit.RecordCoverage;
import org.ferret.exchange.DocumentKind;
import org.ferret.exchange.Exchange;
import org.ferret.exchange.IncomingDocument;
import org.ferret.intelligence.Alert.Adoption;
import org.ferret.intelligence.Alert.Recipient;
import org.ferret.intelligence.AlertParts.Feedback;
import org.ferret.intelligence.AlertParts.ModusOperandi;
import org.ferret.intelligence.AlertParts.ProposedIndicator;
import org.ferret.intelligence.AlertParts.ShipmentProfile;
import org.ferret.intelligence.AlertParts.Source;
import org.ferret.intelligence.internal.AlertCoverage;
import org.ferret.parcels.RulePacks;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * Alerts between agencies and Ferret nodes (issue 14, rec. 10): warnings, feedback, seizure alerts and modus-operandi
 * notices with a handling marking, validity and sources; closed user groups of agencies and subscriptions by topic
 * and country decide who receives one here; other nodes get it over the signed exchange. Reads, acknowledgements,
 * feedback, passing on and every send are tracked and audited; the handling marking is enforced when an alert is
 * passed on, here and on a node it arrives at. A proposed indicator becomes a rule of a draft rule pack version in
 * one step, with the alert as the rule's source.
 */
@Service
public class Alerts {

    /** The document carrying an alert to another node. */
    public static final DocumentKind ALERT = DocumentKind.of("INTEL_ALERT");
    /** A recipient node's acknowledgement of an alert, back to the node that sent it. */
    public static final DocumentKind ALERT_ACKNOWLEDGEMENT = DocumentKind.of("INTEL_ALERT_ACKNOWLEDGEMENT");

    public static final int MAX_INDICATORS = 10;
    public static final int MAX_VALIDITY_DAYS = 366;
    static final String RULE_PROFILE = "postal";

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern HS = Pattern.compile("\\d{4,10}(-\\d{4,10})?");
    private static final Pattern ROUTE = Pattern.compile("([A-Z]{2}|\\*)->([A-Z]{2}|\\*)");
    private static final Pattern AGENCY = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Exchange exchange;
    private final RulePacks packs;
    private final Seizures seizures;
    private final ObjectMapper json;
    private final Clock clock;
    private final String country;
    private final RecordCoverage coverage;

    Alerts(JdbcClient jdbc, AuditLog audit, Exchange exchange, RulePacks packs, Seizures seizures, ObjectMapper json,
            Clock clock, @Value("${ferret.intelligence.country:FI}") String country, RecordCoverage coverage) {
        this.coverage = coverage;
        this.jdbc = jdbc;
        this.audit = audit;
        this.exchange = exchange;
        this.packs = packs;
        this.seizures = seizures;
        this.json = json;
        this.clock = clock;
        this.country = country;
    }

    /** The structured parts kept as one JSON text. */
    record Details(List<Source> sources, ShipmentProfile profile, ModusOperandi modus, Feedback feedback,
            List<ProposedIndicator> indicators) {
    }

    /** A closed user group: local agencies and other nodes ({@code node:<id>}). */
    public record Group(UUID id, String name, List<String> members) {
    }

    /** An agency's subscription; topic or country null means any. */
    public record Subscription(UUID id, String agency, AlertTopic topic, String country) {
    }

    // ---- groups and subscriptions -----------------------------------------------------------------------------

    @Transactional
    public Group createGroup(String name, List<String> members) {
        List<FieldProblem> problems = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) problems.add(new FieldProblem("name", "a name of 1 to 100 characters is required"));
        Set<String> ms = new LinkedHashSet<>();
        List<String> given = members == null ? List.of() : members;
        if (given.isEmpty()) problems.add(new FieldProblem("members", "at least one member (an agency code or node:<peer>)"));
        for (int i = 0; i < given.size(); i++) {
            String m = given.get(i) == null ? "" : given.get(i).strip();
            if (m.startsWith("node:")) {
                if (!exchange.knows(m.substring(5))) problems.add(new FieldProblem("members[" + i + "]", "'" + m.substring(5) + "' is not a configured peer node"));
            } else if (!AGENCY.matcher(m).matches()) {
                problems.add(new FieldProblem("members[" + i + "]", "an agency code (letters, digits, . _ -) or node:<peer>"));
            }
            ms.add(m.startsWith("node:") ? m : m.toUpperCase(Locale.ROOT));
        }
        if (!n.isEmpty() && jdbc.sql("select count(*) from intel_alert_group where lower(name) = lower(?)").param(n).query(Long.class).single() > 0) {
            problems.add(new FieldProblem("name", "a group named " + n + " exists already"));
        }
        if (!problems.isEmpty()) throw invalid(problems);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into intel_alert_group (id, name, created_by, created_at) values (?,?,?,?)")
                .params(id, n, Actor.current().username(), now().atOffset(ZoneOffset.UTC)).update();
        coverage.cover(AlertCoverage.GROUP, id);
        for (String m : ms) {
            jdbc.sql("insert into intel_alert_group_member (group_id, member) values (?,?)").params(id, m).update();
            coverage.cover(AlertCoverage.MEMBER, id, m);
        }
        audit.record("ALERT_GROUP_CREATED", "intel_alert_group", id.toString(), null, Map.of("name", n, "members", List.copyOf(ms)));
        return group(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Group> groups() {
        return jdbc.sql("select id from intel_alert_group order by name").query(UUID.class).list().stream()
                .map(id -> group(id).orElseThrow()).toList();
    }

    Optional<Group> group(UUID id) {
        return jdbc.sql("select name from intel_alert_group where id = ?").param(id).query(String.class).optional()
                .map(name -> new Group(id, name, jdbc.sql("select member from intel_alert_group_member where group_id = ? order by member")
                        .param(id).query(String.class).list()));
    }

    /** Subscribes the current user's agency to a topic and country (either null: any). */
    @Transactional
    public Subscription subscribe(AlertTopic topic, String countryCode) {
        String agency = agencyOrRefuse();
        String c = countryCode == null || countryCode.isBlank() ? null : countryCode.strip().toUpperCase(Locale.ROOT);
        if (c != null && !COUNTRY.matcher(c).matches()) {
            throw invalid(List.of(new FieldProblem("country", "an ISO 3166-1 alpha-2 code such as FI, or empty for any")));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into intel_alert_subscription (id, agency, topic, country, created_by, created_at) values (?,?,?,?,?,?)")
                .params(id, agency, topic == null ? null : topic.name(), c, Actor.current().username(), now().atOffset(ZoneOffset.UTC)).update();
        coverage.cover(AlertCoverage.SUBSCRIPTION, id);
        audit.record("ALERT_SUBSCRIBED", "intel_alert_subscription", id.toString(), null,
                mapOf("agency", agency, "topic", topic == null ? "any" : topic.name(), "country", c == null ? "any" : c));
        return new Subscription(id, agency, topic, c);
    }

    @Transactional
    public void unsubscribe(UUID id) {
        String agency = agencyOrRefuse();
        int n = jdbc.sql("delete from intel_alert_subscription where id = ? and agency = ?").params(id, agency).update();
        if (n == 0) throw new FerretException(ErrorCode.NOT_FOUND, "no subscription " + id + " of agency " + agency);
        coverage.release(AlertCoverage.SUBSCRIPTION, List.of(id));
        audit.record("ALERT_UNSUBSCRIBED", "intel_alert_subscription", id.toString(), Map.of("agency", agency), null);
    }

    /** The current user's agency's subscriptions. */
    @Transactional(readOnly = true)
    public List<Subscription> subscriptions() {
        String agency = Actor.current().agency();
        return jdbc.sql("select id, agency, topic, country from intel_alert_subscription where agency = ? order by created_at")
                .param(agency == null ? "" : agency)
                .query((rs, i) -> new Subscription(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3) == null ? null : AlertTopic.valueOf(rs.getString(3)), rs.getString(4))).list();
    }

    /** The agencies here whose subscriptions match the topic and one of the countries (an alert of no country matches any). */
    List<String> subscribers(AlertTopic topic, List<String> countries, List<String> among) {
        List<String> out = new ArrayList<>();
        for (Subscription s : jdbc.sql("select id, agency, topic, country from intel_alert_subscription order by agency")
                .query((rs, i) -> new Subscription(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3) == null ? null : AlertTopic.valueOf(rs.getString(3)), rs.getString(4))).list()) {
            boolean topicOk = s.topic() == null || s.topic() == topic;
            boolean countryOk = s.country() == null || countries.isEmpty() || countries.contains(s.country());
            if (topicOk && countryOk && (among == null || among.contains(s.agency())) && !out.contains(s.agency())) out.add(s.agency());
        }
        return out;
    }

    // ---- issuing ----------------------------------------------------------------------------------------------

    /** Issues an alert from the current user's agency to its group's subscribed agencies and the nodes named. */
    @Transactional
    public Alert issue(NewAlert a) {
        Actor actor = Actor.current();
        String agency = agencyOrRefuse();
        List<FieldProblem> problems = new ArrayList<>();
        if (a.type() == AlertType.FEEDBACK) {
            problems.add(new FieldProblem("type", "feedback is given on the warning it answers (POST /api/v1/alerts/{id}/feedback)"));
        }
        check(a, problems);
        Group group = null;
        if (a.group() != null) {
            group = group(a.group()).orElse(null);
            if (group == null) problems.add(new FieldProblem("group", "no closed user group " + a.group()));
        }
        if (a.group() == null && a.peers().isEmpty()) {
            problems.add(new FieldProblem("group", "a closed user group (or at least one peer node) is required"));
        }
        for (int i = 0; i < a.peers().size(); i++) {
            if (!exchange.knows(a.peers().get(i))) problems.add(new FieldProblem("peers[" + i + "]", "'" + a.peers().get(i) + "' is not a configured peer node"));
        }
        if (a.type() == AlertType.SEIZURE) {
            if (a.seizure() == null) problems.add(new FieldProblem("seizure", "a seizure alert names the seizure recorded here"));
            else if (seizures.find(a.seizure()).isEmpty()) problems.add(new FieldProblem("seizure", "no seizure " + a.seizure()));
        }
        if (!problems.isEmpty()) throw invalid(problems);

        UUID id = UUID.randomUUID();
        Instant now = now();
        LocalDate from = a.validFrom() == null ? LocalDate.now(clock) : a.validFrom();
        String reference = "AL-" + country + "-" + from.getYear() + "-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Alert alert = new Alert(id, reference, a.type(), a.topic(), a.title().strip(), a.summary().strip(), upper(a.countries()),
                a.audience(), a.passOn(), from, a.validUntil(), exchange.nodeId(), agency, now, a.group(), null, a.seizure(), null,
                a.sources(), a.profile(), a.modus(), a.feedback(), a.indicators(), List.of(), List.of());
        insert(alert, actor.username(), group == null ? null : group.id());
        audit.record("ALERT_ISSUED", "intel_alert", id.toString(), null, mapOf("reference", reference, "type", a.type().name(),
                "topic", a.topic().name(), "audience", a.audience().name(), "passOn", a.passOn().name(), "validUntil", a.validUntil().toString()));
        List<String> nodes = new ArrayList<>(a.peers());
        if (group != null) {
            List<String> agencies = group.members().stream().filter(m -> !m.startsWith("node:")).toList();
            for (String r : subscribers(alert.topic(), alert.countries(), agencies)) {
                if (!r.equals(agency)) addRecipient(alert, r, RecipientVia.GROUP, null);
            }
            group.members().stream().filter(m -> m.startsWith("node:")).map(m -> m.substring(5)).filter(p -> !nodes.contains(p)).forEach(nodes::add);
        }
        for (String peer : nodes) sendTo(alert, peer, RecipientVia.GROUP);
        return get(id);
    }

    private void check(NewAlert a, List<FieldProblem> problems) {
        if (a.type() == null) problems.add(new FieldProblem("type", "one of " + Arrays.toString(AlertType.values())));
        if (a.topic() == null) problems.add(new FieldProblem("topic", "one of " + Arrays.toString(AlertTopic.values())));
        text(problems, "title", a.title(), 200);
        text(problems, "summary", a.summary(), 4000);
        if (a.audience() == null) problems.add(new FieldProblem("audience", "who may see it: one of " + Arrays.toString(AlertAudience.values())));
        if (a.passOn() == null) problems.add(new FieldProblem("passOn", "whether it may be passed on: one of " + Arrays.toString(PassOn.values())));
        LocalDate from = a.validFrom() == null ? LocalDate.now(clock) : a.validFrom();
        if (a.validUntil() == null) problems.add(new FieldProblem("validUntil", "the last day the alert is valid is required"));
        else if (a.validUntil().isBefore(from)) problems.add(new FieldProblem("validUntil", "is before the first day of validity (" + from + ")"));
        else if (a.validUntil().isAfter(from.plusDays(MAX_VALIDITY_DAYS))) problems.add(new FieldProblem("validUntil", "at most " + MAX_VALIDITY_DAYS + " days after the first day; issue it again to extend it"));
        if (a.countries().size() > 20) problems.add(new FieldProblem("countries", "at most 20"));
        for (int i = 0; i < a.countries().size(); i++) {
            if (!COUNTRY.matcher(a.countries().get(i).strip().toUpperCase(Locale.ROOT)).matches()) problems.add(new FieldProblem("countries[" + i + "]", "an ISO 3166-1 alpha-2 code such as FI"));
        }
        if (a.sources().isEmpty()) problems.add(new FieldProblem("sources", "at least one source (kind and description)"));
        for (int i = 0; i < a.sources().size(); i++) {
            Source s = a.sources().get(i);
            if (s.kind() == null) problems.add(new FieldProblem("sources[" + i + "].kind", "one of " + Arrays.toString(AlertSourceKind.values())));
            text(problems, "sources[" + i + "].description", s.description(), 500);
        }
        if (a.type() == AlertType.WARNING) {
            ShipmentProfile p = a.profile();
            if (p == null || (p.conveyances().isEmpty() && p.origins().isEmpty() && p.destinations().isEmpty()
                    && p.declaredDescriptions().isEmpty() && p.hsCodes().isEmpty() && blank(p.notes()))) {
                problems.add(new FieldProblem("profile", "a warning describes the shipments to look for (conveyance, origins, destinations, declared descriptions, HS codes or notes)"));
            } else {
                lists(problems, "profile.origins", p.origins(), COUNTRY, "an ISO country code");
                lists(problems, "profile.destinations", p.destinations(), COUNTRY, "an ISO country code");
                lists(problems, "profile.hsCodes", p.hsCodes(), HS, "an HS code of 4 to 10 digits or a range 9301-9306");
                lists(problems, "profile.declaredDescriptions", p.declaredDescriptions(), null, null);
                lists(problems, "profile.conveyances", p.conveyances(), null, null);
                if (p.notes() != null && p.notes().length() > 2000) problems.add(new FieldProblem("profile.notes", "at most 2000 characters"));
            }
        }
        if (a.type() == AlertType.MODUS_OPERANDI) {
            ModusOperandi m = a.modus();
            if (m == null || (m.concealment().isEmpty() && m.devices().isEmpty() && m.routes().isEmpty() && m.hsCodes().isEmpty()
                    && m.declaredDescriptions().isEmpty() && m.printedModels().isEmpty())) {
                problems.add(new FieldProblem("modus", "a modus-operandi notice names the concealment, devices, routes, HS codes, declared descriptions or 3D-printed models seen"));
            } else {
                lists(problems, "modus.routes", m.routes(), ROUTE, "a route such as CN->FI (* for any)");
                lists(problems, "modus.hsCodes", m.hsCodes(), HS, "an HS code of 4 to 10 digits or a range 9301-9306");
                lists(problems, "modus.concealment", m.concealment(), null, null);
                lists(problems, "modus.devices", m.devices(), null, null);
                lists(problems, "modus.declaredDescriptions", m.declaredDescriptions(), null, null);
                lists(problems, "modus.printedModels", m.printedModels(), null, null);
            }
        }
        if (a.indicators().size() > MAX_INDICATORS) problems.add(new FieldProblem("indicators", "at most " + MAX_INDICATORS));
        for (int i = 0; i < a.indicators().size() && i < MAX_INDICATORS; i++) {
            checkIndicator(a.indicators().get(i), "indicators[" + i + "]", problems);
        }
    }

    private void checkIndicator(ProposedIndicator p, String at, List<FieldProblem> problems) {
        int before = problems.size();
        text(problems, at + ".label", p.label(), 200);
        if (p.terms().isEmpty() && p.hsCodes().isEmpty() && p.routes().isEmpty() && p.declaredValueBelow() == null && p.valuePerKgBelow() == null) {
            problems.add(new FieldProblem(at, "an indicator needs terms, HS codes, routes or a value pattern"));
        }
        lists(problems, at + ".terms", p.terms(), null, null);
        for (int j = 0; j < p.terms().size(); j++) {
            if (p.terms().get(j).contains("\"")) problems.add(new FieldProblem(at + ".terms[" + j + "]", "no double quotes in a term"));
        }
        lists(problems, at + ".hsCodes", p.hsCodes(), HS, "an HS code of 4 to 10 digits or a range 9301-9306");
        lists(problems, at + ".routes", p.routes(), ROUTE, "a route such as CN->FI (* for any)");
        if (p.declaredValueBelow() != null && p.declaredValueBelow().signum() <= 0) problems.add(new FieldProblem(at + ".declaredValueBelow", "a positive amount"));
        if (p.valuePerKgBelow() != null && p.valuePerKgBelow().signum() <= 0) problems.add(new FieldProblem(at + ".valuePerKgBelow", "a positive amount"));
        if (problems.size() > before) return;
        // the screening library's own parser judges the rule it would become
        RulePacks.PackRule rule = rule(p, "alert-check", "1", "check");
        List<String> conditions = rule.conditions();
        for (FieldProblem fp : packs.check(RULE_PROFILE, List.of(rule)).problems()) {
            problems.add(new FieldProblem(at, fp.message().replace("rule alert-check, ", "") + " (conditions: " + conditions + ")"));
        }
    }

    private static void lists(List<FieldProblem> problems, String field, List<String> values, Pattern form, String expected) {
        if (values.size() > 20) problems.add(new FieldProblem(field, "at most 20 entries"));
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i).strip();
            if (v.isEmpty() || v.length() > 200) problems.add(new FieldProblem(field + "[" + i + "]", "1 to 200 characters"));
            else if (form != null && !form.matcher(v.toUpperCase(Locale.ROOT)).matches()) problems.add(new FieldProblem(field + "[" + i + "]", "'" + v + "' is not " + expected));
        }
    }

    private static void text(List<FieldProblem> problems, String field, String v, int max) {
        if (blank(v)) problems.add(new FieldProblem(field, "is required"));
        else if (v.strip().length() > max) problems.add(new FieldProblem(field, "at most " + max + " characters"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> upper(List<String> l) {
        return l.stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).distinct().toList();
    }

    private void insert(Alert a, String issuedBy, UUID group) {
        jdbc.sql("""
                insert into intel_alert (id, reference, alert_type, topic, title, summary, countries, audience, pass_on, valid_from,
                  valid_until, origin_node, origin_agency, issued_by, issued_at, group_id, answers, seizure_id, received_from, details)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(a.id(), a.reference(), a.type().name(), a.topic().name(), a.title(), a.summary(), String.join(";", a.countries()),
                        a.audience().name(), a.passOn().name(), a.validFrom(), a.validUntil(), a.originNode(), a.originAgency(), issuedBy,
                        a.issuedAt().atOffset(ZoneOffset.UTC), group, a.answers(), a.seizure(), a.receivedFrom(),
                        json.writeValueAsString(new Details(a.sources(), a.profile(), a.modus(), a.feedback(), a.indicators())))
                .update();
        coverage.cover(AlertCoverage.ALERT, a.id());
    }

    private void addRecipient(Alert a, String recipient, RecipientVia via, UUID document) {
        if (jdbc.sql("select count(*) from intel_alert_recipient where alert_id = ? and recipient = ?").params(a.id(), recipient)
                .query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("insert into intel_alert_recipient (alert_id, recipient, via, added_at, added_by, document_id) values (?,?,?,?,?,?)")
                .params(a.id(), recipient, via.name(), now().atOffset(ZoneOffset.UTC), Actor.current().username(), document).update();
        coverage.cover(AlertCoverage.RECIPIENT, a.id(), recipient);
        audit.record(recipient.startsWith("node:") ? "ALERT_SENT_TO_NODE" : "ALERT_DELIVERED", "intel_alert", a.id().toString(), null,
                mapOf("reference", a.reference(), "recipient", recipient, "via", via.name(), "document", document == null ? null : document.toString()));
    }

    private void sendTo(Alert a, String peer, RecipientVia via) {
        if (jdbc.sql("select count(*) from intel_alert_recipient where alert_id = ? and recipient = ?").params(a.id(), "node:" + peer)
                .query(Long.class).single() > 0) {
            return; // sent there already: never twice
        }
        UUID doc = exchange.send(peer, ALERT, a.id().toString(), Map.of("alert", a.forTransfer()));
        addRecipient(a, "node:" + peer, via, doc);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** The alerts the current user may see, newest first. */
    @Transactional(readOnly = true)
    public List<Alert> visible() {
        Actor actor = Actor.current();
        if (actor.agency() == null) return List.of();
        List<UUID> ids = jdbc.sql("""
                select a.id from intel_alert a where (a.origin_agency = ? and a.origin_node = ?)
                  or exists (select 1 from intel_alert_recipient r where r.alert_id = a.id and r.recipient = ?)
                order by a.issued_at desc, a.reference""").params(actor.agency(), exchange.nodeId(), actor.agency())
                .query(UUID.class).list();
        return ids.stream().map(this::get).filter(a -> audienceAllows(a.audience())).toList();
    }

    /** One alert for the current user; an alert they may not see is not found. Audited; the first read is tracked. */
    @Transactional
    public Alert read(UUID id) {
        Alert a = visibleOrNotFound(id);
        Actor actor = Actor.current();
        int n = jdbc.sql("update intel_alert_recipient set read_at = ?, read_by = ? where alert_id = ? and recipient = ? and read_at is null")
                .params(now().atOffset(ZoneOffset.UTC), actor.username(), id, actor.agency()).update();
        if (n > 0) coverage.cover(AlertCoverage.RECIPIENT, id, actor.agency());
        audit.record("ALERT_READ", "intel_alert", id.toString(), null, mapOf("reference", a.reference(), "agency", actor.agency(), "first", n > 0));
        return get(id);
    }

    /** The alert if the current user may see it (not audited: for checks and screens that read it again). */
    @Transactional(readOnly = true)
    public Alert visibleOrNotFound(UUID id) {
        Alert a = find(id).orElseThrow(() -> notFound(id));
        Actor actor = Actor.current();
        boolean origin = a.originNode().equals(exchange.nodeId()) && a.originAgency().equals(actor.agency());
        boolean recipient = a.recipients().stream().anyMatch(r -> r.recipient().equals(actor.agency()));
        if (actor.agency() == null || !(origin || recipient) || !audienceAllows(a.audience())) throw notFound(id);
        return a;
    }

    private static FerretException notFound(UUID id) {
        return new FerretException(ErrorCode.NOT_FOUND, "no alert " + id);
    }

    /** Whether the current user's capabilities fit the audience the marking names. */
    static boolean audienceAllows(AlertAudience audience) {
        Set<String> caps = authorities();
        boolean intel = caps.contains("CAN_INTELLIGENCE");
        return audience == AlertAudience.INTELLIGENCE ? intel : intel || caps.contains("CAN_SCREEN_PARCELS");
    }

    private static Set<String> authorities() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Set<String> out = new java.util.HashSet<>();
        if (auth != null) for (GrantedAuthority g : auth.getAuthorities()) out.add(g.getAuthority());
        return out;
    }

    @Transactional(readOnly = true)
    public Alert get(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    Optional<Alert> find(UUID id) {
        return jdbc.sql("""
                select id, reference, alert_type, topic, title, summary, countries, audience, pass_on, valid_from, valid_until,
                  origin_node, origin_agency, issued_at, group_id, answers, seizure_id, received_from, details
                from intel_alert where id = ?""").param(id).query(this::row).optional();
    }

    private Alert row(ResultSet rs, int i) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        Details d = json.readValue(rs.getString(19), Details.class);
        String countries = rs.getString(7);
        List<Recipient> recipients = jdbc.sql("""
                select recipient, via, added_at, read_at, read_by, acknowledged_at, acknowledged_by from intel_alert_recipient
                where alert_id = ? order by added_at, recipient""").param(id)
                .query((r, j) -> new Recipient(r.getString(1), RecipientVia.valueOf(r.getString(2)), instant(r, 3), instant(r, 4),
                        r.getString(5), instant(r, 6), r.getString(7))).list();
        List<Adoption> adoptions = jdbc.sql("""
                select indicator, profile, version, rule_id, adopted_by, adopted_at from intel_alert_adoption where alert_id = ?
                order by adopted_at""").param(id)
                .query((r, j) -> new Adoption(r.getInt(1), r.getString(2), r.getInt(3), r.getString(4), r.getString(5), instant(r, 6))).list();
        return new Alert(id, rs.getString(2), AlertType.valueOf(rs.getString(3)), AlertTopic.valueOf(rs.getString(4)), rs.getString(5),
                rs.getString(6), countries.isEmpty() ? List.of() : List.of(countries.split(";")), AlertAudience.valueOf(rs.getString(8)),
                PassOn.valueOf(rs.getString(9)), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getString(12),
                rs.getString(13), instant(rs, 14), rs.getObject(15, UUID.class), rs.getObject(16, UUID.class), rs.getObject(17, UUID.class),
                rs.getString(18), AlertParts.copy(d.sources()), d.profile(), d.modus(), d.feedback(), AlertParts.copy(d.indicators()),
                recipients, adoptions);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The feedback alerts that answer an alert, as far as the current user may see them. */
    @Transactional(readOnly = true)
    public List<Alert> answersTo(UUID id) {
        return jdbc.sql("select id from intel_alert where answers = ? order by issued_at").param(id).query(UUID.class).list().stream()
                .map(this::get).filter(a -> {
                    try {
                        visibleOrNotFound(a.id());
                        return true;
                    } catch (FerretException e) {
                        return false;
                    }
                }).toList();
    }

    // ---- acknowledging, feedback, passing on ------------------------------------------------------------------

    /** The current user's agency acknowledges the alert; a received one's acknowledgement goes back to the node it came from. */
    @Transactional
    public Alert acknowledge(UUID id) {
        Alert a = visibleOrNotFound(id);
        Actor actor = Actor.current();
        int n = jdbc.sql("""
                update intel_alert_recipient set acknowledged_at = ?, acknowledged_by = ?, read_at = coalesce(read_at, ?),
                  read_by = coalesce(read_by, ?) where alert_id = ? and recipient = ? and acknowledged_at is null""")
                .params(now().atOffset(ZoneOffset.UTC), actor.username(), now().atOffset(ZoneOffset.UTC), actor.username(), id, actor.agency()).update();
        if (n > 0) coverage.cover(AlertCoverage.RECIPIENT, id, actor.agency());
        if (n == 0) {
            boolean recipient = a.recipients().stream().anyMatch(r -> r.recipient().equals(actor.agency()));
            throw new FerretException(ErrorCode.ILLEGAL_TRANSITION, recipient ? "alert " + a.reference() + " is acknowledged by " + actor.agency() + " already"
                    : "alert " + a.reference() + " was issued by your agency; its recipients acknowledge it");
        }
        audit.record("ALERT_ACKNOWLEDGED", "intel_alert", id.toString(), null, mapOf("reference", a.reference(), "agency", actor.agency()));
        if (a.receivedFrom() != null && exchange.knows(a.receivedFrom())) {
            UUID doc = exchange.send(a.receivedFrom(), ALERT_ACKNOWLEDGEMENT, id.toString(), Map.of("alert", id.toString(), "agency", actor.agency()));
            audit.record("ALERT_ACKNOWLEDGEMENT_SENT", "intel_alert", id.toString(), null, mapOf("node", a.receivedFrom(), "document", doc.toString()));
        }
        return get(id);
    }

    /**
     * Feedback on an alert (CENcomm feedback): a FEEDBACK alert linked to it, with the same marking, to its issuing
     * agency here or, for an alert from another node, back to that node.
     */
    @Transactional
    public Alert feedback(UUID id, FeedbackAction action, String note) {
        Alert w = visibleOrNotFound(id);
        String agency = agencyOrRefuse();
        List<FieldProblem> problems = new ArrayList<>();
        if (action == null) problems.add(new FieldProblem("action", "what was done: one of " + Arrays.toString(FeedbackAction.values())));
        text(problems, "note", note, 2000);
        if (w.type() == AlertType.FEEDBACK) problems.add(new FieldProblem("action", "feedback answers a warning, seizure or notice, not another feedback"));
        boolean origin = w.originNode().equals(exchange.nodeId()) && w.originAgency().equals(agency);
        if (origin) problems.add(new FieldProblem("action", "your agency issued " + w.reference() + "; its recipients give feedback on it"));
        if (!problems.isEmpty()) throw invalid(problems);
        UUID fid = UUID.randomUUID();
        Instant now = now();
        String reference = "AL-" + country + "-" + LocalDate.now(clock).getYear() + "-" + fid.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Alert f = new Alert(fid, reference, AlertType.FEEDBACK, w.topic(), "Feedback on " + w.reference() + ": " + w.title(), note.strip(),
                w.countries(), w.audience(), w.passOn(), LocalDate.now(clock), w.validUntil().isBefore(LocalDate.now(clock)) ? LocalDate.now(clock) : w.validUntil(),
                exchange.nodeId(), agency, now, null, w.id(), null, null,
                List.of(new Source(AlertSourceKind.PARTNER_AGENCY, "action taken by " + agency + " on " + w.reference())), null, null,
                new Feedback(action, note.strip()), List.of(), List.of(), List.of());
        insert(f, Actor.current().username(), null);
        audit.record("ALERT_FEEDBACK_GIVEN", "intel_alert", w.id().toString(), null,
                mapOf("reference", w.reference(), "feedback", reference, "action", action.name(), "agency", agency));
        if (w.originNode().equals(exchange.nodeId())) addRecipient(f, w.originAgency(), RecipientVia.ANSWER, null);
        else if (w.receivedFrom() != null) sendTo(f, w.receivedFrom(), RecipientVia.ANSWER);
        return get(fid);
    }

    /**
     * Passes an alert on to another agency here or another node, as its handling marking allows: "not to be passed
     * on" only by its issuing agency, "within the recipient state" to agencies of this node only.
     */
    @Transactional
    public Alert passOn(UUID id, String agency, String peer) {
        Alert a = visibleOrNotFound(id);
        String mine = agencyOrRefuse();
        boolean originator = a.originNode().equals(exchange.nodeId()) && a.originAgency().equals(mine);
        boolean toAgency = !blank(agency);
        if (toAgency == !blank(peer)) {
            throw invalid(List.of(new FieldProblem("agency", "name either an agency here or a peer node")));
        }
        if (!originator && (a.passOn() == PassOn.NOT_TO_BE_PASSED_ON || (!toAgency && a.passOn() == PassOn.WITHIN_RECIPIENT_STATE))) {
            throw new FerretException(ErrorCode.PASSING_ON_FORBIDDEN, "alert " + a.reference() + " is marked "
                    + org.ferret.shared.Words.lower(a.passOn()) + (a.passOn() == PassOn.WITHIN_RECIPIENT_STATE ? " and cannot go to another node" : "")
                    + "; ask " + a.originAgency() + " (" + a.originNode() + ") to send it");
        }
        if (toAgency) {
            String code = agency.strip().toUpperCase(Locale.ROOT);
            if (!AGENCY.matcher(code).matches()) throw invalid(List.of(new FieldProblem("agency", "an agency code")));
            addRecipient(a, code, RecipientVia.FORWARDED, null);
        } else {
            if (!exchange.knows(peer)) throw invalid(List.of(new FieldProblem("peer", "'" + peer + "' is not a configured peer node")));
            if (peer.equals(a.originNode()) || peer.equals(a.receivedFrom())) {
                throw invalid(List.of(new FieldProblem("peer", "node " + peer + " holds this alert already")));
            }
            sendTo(a, peer, RecipientVia.FORWARDED);
        }
        audit.record("ALERT_PASSED_ON", "intel_alert", id.toString(), null, mapOf("reference", a.reference(), "by", mine,
                "to", toAgency ? agency.strip().toUpperCase(Locale.ROOT) : "node:" + peer));
        return get(id);
    }

    // ---- proposed indicators into the parcels rule pack -------------------------------------------------------

    /** What an adoption made: the draft version and the rule in it. */
    public record Adopted(UUID alert, int indicator, String profile, int version, String ruleId) {
    }

    /**
     * Turns proposed indicator {@code n} (from 1) into a rule of a new draft of the parcels rule pack (the active
     * version's rules plus this one), with the alert as the rule's source; the draft then goes through the pack's
     * four-eyes approval like any other.
     */
    @Transactional
    public Adopted adopt(UUID id, int n, String weight) {
        Alert a = visibleOrNotFound(id);
        if (n < 1 || n > a.indicators().size()) {
            throw new FerretException(ErrorCode.NOT_FOUND, "alert " + a.reference() + " has no proposed indicator " + n
                    + " (it has " + a.indicators().size() + ")");
        }
        if (!a.validOn(LocalDate.now(clock))) {
            throw new FerretException(ErrorCode.ILLEGAL_TRANSITION, "alert " + a.reference() + " is valid from " + a.validFrom()
                    + " to " + a.validUntil() + ", not today; its indicators are not adopted");
        }
        String w = blank(weight) ? "1.5" : weight.strip();
        String ruleId = ("alert-" + a.reference() + "-" + n).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        ProposedIndicator p = a.indicators().get(n - 1);
        RulePacks.PackRule rule = rule(p, ruleId, w, "alert " + a.reference() + " (" + a.id() + "), " + org.ferret.shared.Words.of(a.type())
                + " from " + a.originAgency() + " at " + a.originNode());
        List<RulePacks.PackRule> rules = new ArrayList<>(packs.active(RULE_PROFILE).rules());
        if (rules.stream().anyMatch(r -> r.id().equals(ruleId))) {
            throw new FerretException(ErrorCode.CONFLICT, "the active rule pack has rule " + ruleId + " already");
        }
        rules.add(rule);
        RulePacks.Version draft = packs.createDraft(RULE_PROFILE, rules);
        Actor actor = Actor.current();
        jdbc.sql("insert into intel_alert_adoption (alert_id, indicator, profile, version, rule_id, adopted_by, adopted_at) values (?,?,?,?,?,?,?)")
                .params(id, n, draft.profile(), draft.version(), ruleId, actor.username(), now().atOffset(ZoneOffset.UTC)).update();
        coverage.cover(AlertCoverage.ADOPTION, id, n, draft.version());
        audit.record("ALERT_INDICATOR_ADOPTED", "intel_alert", id.toString(), null, mapOf("reference", a.reference(), "indicator", n,
                "profile", draft.profile(), "version", draft.version(), "rule", ruleId));
        return new Adopted(id, n, draft.profile(), draft.version(), ruleId);
    }

    /** The rule a proposed indicator becomes: one condition per part given, all of which must hold. */
    public static RulePacks.PackRule rule(ProposedIndicator p, String id, String weight, String source) {
        List<String> conditions = new ArrayList<>();
        if (!p.terms().isEmpty()) {
            conditions.add("description contains any: " + String.join(", ", p.terms().stream().map(t -> "\"" + t.strip() + "\"").toList()));
        }
        if (!p.hsCodes().isEmpty()) conditions.add("hs_code hs in: " + String.join(", ", p.hsCodes().stream().map(String::strip).toList()));
        if (!p.routes().isEmpty()) {
            conditions.add("route origin -> destination in: " + String.join(", ", p.routes().stream().map(r -> r.strip().toUpperCase(Locale.ROOT)).toList()));
        }
        if (p.declaredValueBelow() != null) conditions.add("declared_value below: " + p.declaredValueBelow().toPlainString());
        if (p.valuePerKgBelow() != null) conditions.add("value per kg declared_value / gross_weight_kg below: " + p.valuePerKgBelow().toPlainString());
        String label = p.label() == null ? "" : p.label().strip().replaceAll("\\s+", " ");
        return new RulePacks.PackRule(id, conditions, weight, label.isEmpty() ? "proposed by an alert" : label, source);
    }

    // ---- between nodes ----------------------------------------------------------------------------------------

    /**
     * An alert from another node: its content is checked as if issued here; one forwarded by a node that did not
     * issue it is refused unless its marking lets it be passed on; an alert held already is not stored twice. It goes
     * to the agencies here that subscribe to its topic and countries, and a feedback to the agency that issued the
     * alert it answers.
     */
    @Transactional
    public UUID received(IncomingDocument d) {
        Alert in = d.object("alert", Alert.class);
        List<FieldProblem> problems = new ArrayList<>();
        if (in.id() == null) problems.add(new FieldProblem("body.alert.id", "is required"));
        text(problems, "body.alert.reference", in.reference(), 60);
        text(problems, "body.alert.originNode", in.originNode(), 64);
        text(problems, "body.alert.originAgency", in.originAgency(), 100);
        if (in.validFrom() == null) problems.add(new FieldProblem("body.alert.validFrom", "is required"));
        if (in.issuedAt() == null) problems.add(new FieldProblem("body.alert.issuedAt", "is required"));
        NewAlert asNew = new NewAlert(in.type() == AlertType.FEEDBACK ? AlertType.SEIZURE : in.type(), in.topic(), in.title(), in.summary(),
                in.countries(), in.audience(), in.passOn(), in.validFrom(), in.validUntil(), null, List.of(), in.answers(), null,
                in.sources(), in.profile(), in.modus(), in.feedback(), in.indicators());
        List<FieldProblem> content = new ArrayList<>();
        check(asNew, content);
        content.forEach(p -> problems.add(new FieldProblem("body.alert." + p.field(), p.message())));
        if (in.type() == AlertType.FEEDBACK && (in.feedback() == null || in.feedback().action() == null || in.answers() == null)) {
            problems.add(new FieldProblem("body.alert.feedback", "a feedback alert names the alert it answers and the action taken"));
        }
        if (!problems.isEmpty()) throw invalid(problems);
        if (!d.sender().equals(in.originNode()) && in.passOn() != PassOn.MAY_BE_PASSED_ON) {
            throw new FerretException(ErrorCode.PASSING_ON_FORBIDDEN, "alert " + in.reference() + " from " + in.originNode()
                    + " is marked " + org.ferret.shared.Words.lower(in.passOn()) + "; node " + d.sender() + " may not pass it on");
        }
        if (in.originNode().equals(exchange.nodeId()) || find(in.id()).isPresent()) {
            audit.record("ALERT_RECEIVED_AGAIN", "intel_alert", in.id().toString(), null, mapOf("reference", in.reference(), "from", d.sender()));
            return in.id();
        }
        Alert a = new Alert(in.id(), in.reference(), in.type(), in.topic(), in.title().strip(), in.summary().strip(), upper(in.countries()),
                in.audience(), in.passOn(), in.validFrom(), in.validUntil(), in.originNode(), in.originAgency(), in.issuedAt(), null,
                in.answers(), null, d.sender(), in.sources(), in.profile(), in.modus(), in.feedback(), in.indicators(), List.of(), List.of());
        insert(a, null, null);
        audit.record("ALERT_RECEIVED", "intel_alert", a.id().toString(), null, mapOf("reference", a.reference(), "from", d.sender(),
                "document", d.id().toString(), "passOn", a.passOn().name()));
        if (a.answers() != null) {
            find(a.answers()).filter(w -> w.originNode().equals(exchange.nodeId()))
                    .ifPresent(w -> addRecipient(a, w.originAgency(), RecipientVia.ANSWER, d.id()));
        }
        for (String agency : subscribers(a.topic(), a.countries(), null)) addRecipient(a, agency, RecipientVia.RECEIVED, d.id());
        return a.id();
    }

    /** A recipient node acknowledged an alert this node sent it. */
    @Transactional
    public UUID acknowledgedBy(IncomingDocument d) {
        UUID id = d.uuid("alert");
        String agency = d.text("agency");
        int n = jdbc.sql("update intel_alert_recipient set acknowledged_at = ?, acknowledged_by = ? where alert_id = ? and recipient = ? and acknowledged_at is null")
                .params(now().atOffset(ZoneOffset.UTC), agency + "@" + d.sender(), id, "node:" + d.sender()).update();
        if (n > 0) coverage.cover(AlertCoverage.RECIPIENT, id, "node:" + d.sender());
        if (n == 0 && jdbc.sql("select count(*) from intel_alert_recipient where alert_id = ? and recipient = ?").params(id, "node:" + d.sender())
                .query(Long.class).single() == 0) {
            throw new FerretException(ErrorCode.NOT_FOUND, "no alert " + id + " was sent to node " + d.sender());
        }
        audit.record("ALERT_ACKNOWLEDGED", "intel_alert", id.toString(), null, mapOf("node", d.sender(), "agency", agency));
        return id;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private String agencyOrRefuse() {
        String agency = Actor.current().agency();
        if (agency == null) throw new FerretException(ErrorCode.FORBIDDEN, "alerts are issued and received by agencies; your account has none");
        return agency;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static FerretException invalid(List<FieldProblem> problems) {
        return new FerretException(ErrorCode.VALIDATION_FAILED, problems.stream().map(p -> p.field() + ": " + p.message())
                .reduce((x, y) -> x + "; " + y).orElse("invalid"), problems);
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
