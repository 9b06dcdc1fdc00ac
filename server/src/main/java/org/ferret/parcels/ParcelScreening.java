package org.ferret.parcels;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.parcels.internal.ArrivalScorer;
import org.ferret.parcels.internal.DeclaredLicences;
import org.ferret.parcels.internal.KeyedHash;
import org.ferret.parcels.internal.MandatoryRules;
import org.ferret.parcels.internal.OnlineSelection;
import org.ferret.parcels.internal.ParcelStore;
import org.ferret.parcels.internal.ProfileRows;
import org.ferret.parcels.internal.RejectionLog;
import org.ferret.parcels.internal.SiteDayCounters;
import org.ferret.parcels.internal.TimeOrderedIds;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Advance data in, decisions out: checks a batch of declarations item by item, stores each new version, scores it
 * on arrival and decides hold or release against its site's capacity for the day. Every item gets an answer; with
 * {@code allOrNothing} one rejected item rejects the whole batch and nothing is stored.
 */
@Service
public class ParcelScreening {
    private final DeclarationReader reader;
    private final ParcelStore store;
    private final ArrivalScorer scorer;
    private final KeyedHash hash;
    private final AuditLog audit;
    private final ParcelsProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final OnlineSelection selection;
    private final RejectionLog rejections;
    private final SiteDayCounters siteDays;

    ParcelScreening(DeclarationReader reader, ParcelStore store, ArrivalScorer scorer, KeyedHash hash, AuditLog audit,
            ParcelsProperties properties, ObjectMapper json, Optional<Clock> clock, RejectionLog rejections,
            SiteDayCounters siteDays) {
        this.rejections = rejections;
        this.siteDays = siteDays;
        this.reader = reader;
        this.store = store;
        this.scorer = scorer;
        this.hash = hash;
        this.audit = audit;
        this.properties = properties;
        this.json = json;
        this.clock = clock.orElse(Clock.systemUTC());
        this.selection = new OnlineSelection(properties);
    }

    private DeclaredLicences declaredLicences;

    /** The CN23 box 12 licence check (issue 13), set apart from the constructor. */
    @org.springframework.beans.factory.annotation.Autowired
    void declaredLicences(DeclaredLicences declaredLicences) {
        this.declaredLicences = declaredLicences;
    }

    /** The documented batch limit. */
    public int maxBatch() {
        return properties.getMaxBatch();
    }

    /**
     * Takes a batch from {@code operator}: each item checked, a re-sent identical item answered with the decision it
     * has, a corrected one stored as a new version and decided again.
     */
    @Transactional
    public BatchAnswer submit(String operator, List<JsonNode> items, boolean allOrNothing) {
        if (operator == null || !operator.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "operator: expected an operator code of 1 to 40 letters, digits, _ or -",
                    List.of(new FieldProblem("operator", "expected an operator code of 1 to 40 letters, digits, _ or -")));
        }
        if (items.isEmpty()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "items: a batch holds at least one item",
                    List.of(new FieldProblem("items", "a batch holds at least one item")));
        }
        if (items.size() > properties.getMaxBatch()) {
            throw new FerretException(ErrorCode.BATCH_TOO_LARGE, "a batch holds at most " + properties.getMaxBatch()
                    + " items, this one " + items.size() + "; send it in smaller batches");
        }
        ItemAnswer[] answers = new ItemAnswer[items.size()];
        DeclarationReader.Parsed[] parsed = new DeclarationReader.Parsed[items.size()];
        Map<String, List<Integer>> byId = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            parsed[i] = reader.read(items.get(i), operator);
            String id = itemIdOf(items.get(i), parsed[i]);
            if (id != null) byId.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
        }
        for (int i = 0; i < items.size(); i++) {
            String id = itemIdOf(items.get(i), parsed[i]);
            List<FieldProblem> problems = new ArrayList<>();
            for (FieldProblem p : parsed[i].problems()) problems.add(prefixed(i, p));
            List<Integer> same = id == null ? List.of() : byId.get(id);
            if (same.size() > 1) {
                problems.add(new FieldProblem("items[" + i + "].itemId", null, "item " + id + " appears "
                        + same.size() + " times in this batch (items " + same.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                        + "); send each item once, a correction in a later batch"));
            }
            if (!problems.isEmpty()) {
                answers[i] = ItemAnswer.rejected(i, id, problems);
            }
        }
        // the precision the database keeps, so that what is stored is what this process used
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String actor = Actor.current().username();
        // the rejected items, kept for the operator's submissions screen
        List<RejectionLog.Problem> rejected = new ArrayList<>();
        for (ItemAnswer a : answers) {
            if (a == null) continue;
            for (FieldProblem p : a.problems()) rejected.add(new RejectionLog.Problem(a.index(), a.itemId(), p.field(), p.message()));
        }
        if (allOrNothing) {
            List<FieldProblem> all = new ArrayList<>();
            for (ItemAnswer a : answers) if (a != null) all.addAll(a.problems());
            if (!all.isEmpty()) {
                rejections.recordAlone(operator, rejected, now, actor);
                throw new FerretException(ErrorCode.IMPORT_REJECTED, all.size() + " problem(s) in the batch; nothing was stored", all);
            }
        }
        rejections.record(operator, rejected, false, now, actor);
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        // new versions, in batch order
        List<Integer> fresh = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        Map<Integer, Object[]> pending = new LinkedHashMap<>();
        // the latest stored version of every item of the batch, in one look-up (not one per item)
        List<String> checkedIds = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (answers[i] == null) checkedIds.add(parsed[i].declaration().itemId());
        }
        Map<String, ParcelStore.Latest> latestById = checkedIds.isEmpty() ? Map.of() : store.latestOf(operator, checkedIds);
        for (int i = 0; i < items.size(); i++) {
            if (answers[i] != null) continue;
            Declaration d = parsed[i].declaration();
            String fingerprint = fingerprint(d);
            Optional<ParcelStore.Latest> latest = Optional.ofNullable(latestById.get(d.itemId()));
            if (latest.isPresent() && latest.get().fingerprint().equals(fingerprint)) {
                answers[i] = unchanged(i, d.itemId(), latest.get());
                continue;
            }
            boolean kcs = d.kcs() != null;
            String senderHash = kcs ? null : hash.of(d.sender());
            String addresseeHash = kcs ? null : hash.of(d.addressee());
            String row = kcs ? ProfileRows.kcs(d, now) : ProfileRows.postal(d, operator, now, senderHash, addresseeHash);
            fresh.add(i);
            rows.add(row);
            pending.put(i, new Object[] {d, fingerprint, latest.orElse(null), senderHash, addresseeHash, row});
        }
        // each profile's rows scored by its own model, in arrival order; answers kept in batch order
        List<ArrivalScorer.Scored> scored = new ArrayList<>(java.util.Collections.nCopies(rows.size(), (ArrivalScorer.Scored) null));
        Map<String, List<Integer>> byProfile = new LinkedHashMap<>();
        for (int k = 0; k < fresh.size(); k++) {
            byProfile.computeIfAbsent(((Declaration) pending.get(fresh.get(k))[0]).profile(), x -> new ArrayList<>()).add(k);
        }
        for (Map.Entry<String, List<Integer>> e : byProfile.entrySet()) {
            List<ArrivalScorer.Scored> s = scorer.score(e.getKey(), (int) day.toEpochDay(), e.getValue().stream().map(rows::get).toList());
            for (int j = 0; j < s.size(); j++) {
                scored.set(e.getValue().get(j), s.get(j));
            }
        }
        // the declaration versions, stored before the site counters are locked (they do not depend on the decision)
        List<ParcelStore.NewDeclaration> newDeclarations = new ArrayList<>(fresh.size());
        UUID[] ids = new UUID[fresh.size()];
        int[] versions = new int[fresh.size()];
        for (int k = 0; k < fresh.size(); k++) {
            Object[] p = pending.get(fresh.get(k));
            ParcelStore.Latest previous = (ParcelStore.Latest) p[2];
            ids[k] = TimeOrderedIds.next();
            versions[k] = previous == null ? 1 : previous.version() + 1;
            Declaration d = (Declaration) p[0];
            newDeclarations.add(new ParcelStore.NewDeclaration(ids[k], operator, versions[k], d, (String) p[3], (String) p[4], contentsJson(d),
                    (String) p[5], (String) p[1], now, actor));
        }
        store.insertDeclarations(newDeclarations);
        // what does not depend on the site's counters: the licence check, mandatory rules, a held earlier version
        ArrivalScorer.Scored[] withRules = new ArrivalScorer.Scored[fresh.size()];
        boolean[] mandatoryHold = new boolean[fresh.size()];
        OnlineSelection.Pick[] picks = new OnlineSelection.Pick[fresh.size()];
        for (int k = 0; k < fresh.size(); k++) {
            Object[] p = pending.get(fresh.get(k));
            Declaration d = (Declaration) p[0];
            ParcelStore.Latest previous = (ParcelStore.Latest) p[2];
            ArrivalScorer.Scored s = scored.get(k);
            DeclaredLicences.Result licence = declaredLicences.check(d, day);
            List<MandatoryRules.Hit> mandatory = licence.holds();
            List<String> rulesHit = new ArrayList<>(s.rulesHit());
            mandatory.forEach(h -> rulesHit.add(h.id()));
            String reasons = licence.passed() == null ? s.reasons()
                    : licence.passed() + (s.reasons().isEmpty() ? "" : "; " + s.reasons());
            for (MandatoryRules.Hit h : mandatory) reasons = "mandatory " + h.id() + ": " + h.reason() + (reasons.isEmpty() ? "" : "; " + reasons);
            withRules[k] = new ArrivalScorer.Scored(s.risk(), s.critical(), reasons, rulesHit, s.modelVersion(), s.rulePack());
            mandatoryHold[k] = !mandatory.isEmpty();
            Optional<ParcelStore.Held> wasHeld = previous == null ? Optional.empty() : store.held(previous.id());
            // a correction does not release what is already held for inspection
            if (wasHeld.isPresent()) picks[k] = new OnlineSelection.Pick(true, wasHeld.get().pickedBy(), Double.NaN);
        }
        // several instances (and threads) share each site's day budget: its counters are locked until the commit, in
        // site order (issue 12); the process's own selection state is taken only for the in-memory decisions
        java.util.Set<String> sites = new java.util.TreeSet<>();
        for (int i : fresh) sites.add(((Declaration) pending.get(i)[0]).site());
        Map<String, OnlineSelection.DayCounts> locked = siteDays.lock(sites, day);
        Map<String, Integer> previousArrivals = new HashMap<>();
        for (String site : locked.keySet()) previousArrivals.put(site, siteDays.previousArrivals(site, day));
        Map<String, OnlineSelection.DayCounts> after = new HashMap<>();
        synchronized (selection) {
            locked.forEach((site, c) -> selection.restore(site, day, c, previousArrivals.get(site)));
            for (int k = 0; k < fresh.size(); k++) {
                if (picks[k] != null) continue;
                Declaration d = (Declaration) pending.get(fresh.get(k))[0];
                ArrivalScorer.Scored s = withRules[k];
                picks[k] = selection.decide(d.site(), day, s.risk(), s.critical(), mandatoryHold[k], () -> locked.get(d.site()));
            }
            for (String site : sites) after.put(site, selection.counts(site));
        }
        List<Map<String, Object>> auditItems = new ArrayList<>();
        List<ParcelStore.NewDecision> newDecisions = new ArrayList<>(fresh.size());
        for (int k = 0; k < fresh.size(); k++) {
            int i = fresh.get(k);
            Declaration d = (Declaration) pending.get(i)[0];
            ArrivalScorer.Scored s = withRules[k];
            OnlineSelection.Pick pick = picks[k];
            newDecisions.add(new ParcelStore.NewDecision(ids[k], d.site(), day, s, pick.threshold(), pick.hold(), pick.why(),
                    String.join(",", s.rulesHit()), now));
            ItemAnswer.Decision decision = pick.hold() ? ItemAnswer.Decision.HOLD : ItemAnswer.Decision.RELEASE;
            answers[i] = new ItemAnswer(i, d.itemId(), ItemAnswer.Status.ACCEPTED, versions[k], decision, pick.why(), s.risk(), s.reasons(),
                    List.copyOf(s.rulesHit()), List.of());
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("itemId", d.itemId());
            a.put("version", versions[k]);
            a.put("decision", decision.name());
            auditItems.add(a);
        }
        store.insertDecisions(newDecisions);
        for (String site : sites) siteDays.save(site, day, after.get(site));
        if (!auditItems.isEmpty()) {
            audit.record("PARCEL_DECLARATIONS_ACCEPTED", "parcel_batch", operator,
                    null, Map.of("operator", operator, "items", auditItems));
        }
        return BatchAnswer.of(operator, List.of(answers));
    }

    /**
     * The sender and addressee of a declaration version (personal data): for roles with the need, each read audited
     * as READ_PERSONAL_DATA.
     */
    @Transactional(readOnly = true)
    public Map<String, Declaration.Party> parties(UUID declaration) {
        Map<String, Declaration.Party> out = new LinkedHashMap<>();
        store.jdbc().sql("select party_role, name, address, postcode, country, phone, email from parcel_party where declaration_id = ? order by party_role desc")
                .param(declaration)
                .query(rs -> {
                    out.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), new Declaration.Party(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                });
        if (out.isEmpty() && store.decision(declaration).isEmpty()) {
            throw new FerretException(ErrorCode.NOT_FOUND, "no declaration " + declaration);
        }
        audit.recordRead("parcel_declaration", declaration.toString(), "sender and addressee");
        return out;
    }

    /** The declaration versions of an item from an operator, latest first. */
    @Transactional(readOnly = true)
    public List<UUID> declarationsOf(String operator, String itemId) {
        return store.jdbc().sql("select id from parcel_declaration where operator = ? and item_id = ? order by version desc")
                .params(operator, itemId).query(UUID.class).list();
    }

    /** The stored decision of a declaration version. */
    @Transactional(readOnly = true)
    public Optional<ParcelStore.DecisionRow> decision(UUID declaration) {
        return store.decision(declaration);
    }

    private ItemAnswer unchanged(int index, String itemId, ParcelStore.Latest latest) {
        ParcelStore.DecisionRow d = store.decision(latest.id()).orElseThrow();
        return new ItemAnswer(index, itemId, ItemAnswer.Status.UNCHANGED, latest.version(),
                d.inQueue() ? ItemAnswer.Decision.HOLD : ItemAnswer.Decision.RELEASE, d.pickedBy(), d.score(), d.reasons(),
                d.rulesHit(), List.of());
    }

    private static String itemIdOf(JsonNode item, DeclarationReader.Parsed p) {
        if (p.ok()) return p.declaration().itemId();
        JsonNode id = item == null ? null : item.get("itemId");
        return id != null && id.isString() && !id.stringValue().isBlank() ? id.stringValue().strip().toUpperCase(java.util.Locale.ROOT) : null;
    }

    private static FieldProblem prefixed(int i, FieldProblem p) {
        return new FieldProblem("items[" + i + "]." + p.field(), p.line(), p.message());
    }

    private String contentsJson(Declaration d) {
        return d.kcs() != null ? json.writeValueAsString(d.kcs()) : json.writeValueAsString(d.contents());
    }

    static String fingerprint(Declaration d) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(d.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
