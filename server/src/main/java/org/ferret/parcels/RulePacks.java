package org.ferret.parcels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.parcels.internal.RulePackStore;
import org.ferret.screening.data.BadInputException;
import org.ferret.screening.data.OnError;
import org.ferret.screening.data.RowProblem;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.profile.ColumnKind;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.profile.Profiles;
import org.ferret.screening.rules.BoundPack;
import org.ferret.screening.rules.Condition;
import org.ferret.screening.rules.Rule;
import org.ferret.screening.rules.RulePack;
import org.ferret.screening.rules.RulePackParser;
import org.ferret.screening.rules.RulePackWriter;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rule pack versions in analysts' hands (issue 12): drafts checked rule by rule with the screening library's own
 * parser, a preview over the previous day's stored items, four-eyes approval (the author never approves their own),
 * diffs against the version before, and each indicator's hit rate and precision re-estimated from outcomes.
 */
@Service
public class RulePacks {
    public static final int MAX_RULES = 200;
    public static final int MAX_CONDITIONS = 20;
    public static final int MAX_CONDITION_CHARS = 2000;
    public static final int MAX_TEXT_CHARS = 500;
    public static final double MAX_WEIGHT = 10;

    private final RulePackStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    RulePacks(RulePackStore store, AuditLog audit, Optional<Clock> clock, PlatformTransactionManager txm) {
        this.store = store;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
        this.tx = new TransactionTemplate(txm);
    }

    /** One rule as an analyst edits it: its id, its conditions (one per entry, as after "when"), weight, rationale, source. */
    public record PackRule(String id, List<String> conditions, String weight, String rationale, String source) {
        public PackRule {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }
    }

    /** A stored version with its rules. */
    public record Version(String profile, int version, String label, RulePackState state, Integer basedOn, String author,
            Instant createdAt, Instant updatedAt, Instant submittedAt, String approver, Instant decidedAt, String reason,
            Instant supersededAt, List<PackRule> rules, String text) {}

    /** What a rule would have done on the previous day's stored items: hits, of them inspected and seized. */
    public record Preview(String ruleId, LocalDate day, int items, int hits, int inspected, int seized) {}

    /** The problems of a draft (each naming the rule and field) and, for the rules that are sound, their preview. */
    public record Check(List<FieldProblem> problems, List<Preview> preview) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** One field of a rule that differs between two versions. */
    public record FieldChange(String field, String before, String after) {}

    /** A rule added, removed or changed (field by field) between the version before and this one. */
    public record Change(String kind, String ruleId, List<FieldChange> fields) {}

    /** An indicator's week: items decided, hits, hits inspected, of them seized, precision (null when none inspected). */
    public record Week(LocalDate monday, long decided, long hits, long inspected, long seized, Double precision) {}

    /** An indicator of the active pack re-estimated from recorded outcomes over the weeks asked for. */
    public record Indicator(String ruleId, String weight, long decided, long hits, Double hitRate, long inspected, long seized,
            Double precision, List<Week> weeks) {}

    // ---- start-up -------------------------------------------------------------------------------------------------

    /** A fresh database gets each profile's bundled pack as version 1, ACTIVE. */
    @EventListener(ApplicationReadyEvent.class)
    void seedOnStart() {
        for (String profile : RulePackStore.BUNDLED.keySet()) {
            try {
                tx.executeWithoutResult(s -> seed(profile));
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // another instance on the same database seeded it first
            }
        }
    }

    private void seed(String profile) {
        if (!store.all(profile).isEmpty()) return;
        String text = RulePackStore.bundled(profile).orElseThrow();
        RulePack pack = parseStored(text);
        Instant now = clock.instant();
        store.insert(new RulePackStore.Row(profile, 1, pack.label(), RulePackState.ACTIVE.name(), null, text, "system", now, now, now,
                "system", now, "the bundled pack " + pack.label() + " (version 1 of a new database)", null));
        audit.recordAs(new Actor("system", null), "RULE_PACK_ACTIVATED", "parcel_rule_pack", profile + ":1", null,
                Map.of("profile", profile, "version", 1, "label", pack.label(), "reason", "bundled pack of a new database"));
    }

    /** A version number as a path gives it; anything else is no version (404). */
    public static int number(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new FerretException(ErrorCode.NOT_FOUND, "no rule pack version '" + text + "' (versions are numbered from 1)");
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    private static String profileOf(String profile) {
        String p = profile == null || profile.isBlank() ? "postal" : profile.strip();
        if (!RulePackStore.BUNDLED.containsKey(p)) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "profile: rule packs are kept for " + RulePackStore.BUNDLED.keySet()
                    + ", not '" + p + "'", List.of(new FieldProblem("profile", "rule packs are kept for " + RulePackStore.BUNDLED.keySet())));
        }
        return p;
    }

    @Transactional
    public List<Version> versions(String profile) {
        String p = profileOf(profile);
        seed(p);
        return store.all(p).stream().map(RulePacks::version).toList();
    }

    @Transactional(readOnly = true)
    public Version version(String profile, int version) {
        return version(row(profileOf(profile), version));
    }

    @Transactional
    public Version active(String profile) {
        String p = profileOf(profile);
        seed(p);
        return version(store.activeRow(p).orElseThrow());
    }

    private RulePackStore.Row row(String profile, int version) {
        return store.find(profile, version)
                .orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "no rule pack version " + version + " of profile " + profile));
    }

    private static Version version(RulePackStore.Row r) {
        RulePack pack = parseStored(r.text());
        return new Version(r.profile(), r.version(), r.label(), RulePackState.valueOf(r.state()), r.basedOn(), r.author(), r.createdAt(),
                r.updatedAt(), r.submittedAt(), r.approver(), r.decidedAt(), r.reason(), r.supersededAt(), rulesOf(pack), r.text());
    }

    /** The rules of a parsed pack in the editor's terms. */
    public static List<PackRule> rulesOf(RulePack pack) {
        return pack.rules().stream().map(r -> new PackRule(r.id(), r.conditions().stream().map(RulePackWriter::condition).toList(),
                weightText(r.weight()), r.rationale(), r.source())).toList();
    }

    private static String weightText(double w) {
        return w == Math.rint(w) && Math.abs(w) < 1e6 ? Long.toString((long) w) : Double.toString(w);
    }

    private static RulePack parseStored(String text) {
        try {
            return RulePackParser.parse("stored rule pack", text);
        } catch (BadInputException e) {
            throw new IllegalStateException("a stored rule pack does not parse: " + e.problems(), e);
        }
    }

    // ---- drafts ---------------------------------------------------------------------------------------------------

    /** A new draft: the given rules, or (rules null) a copy of the active version's. */
    @Transactional
    public Version createDraft(String profile, List<PackRule> rules) {
        String p = profileOf(profile);
        seed(p);
        RulePackStore.Row active = store.activeRow(p).orElseThrow();
        RulePack base = parseStored(active.text());
        List<PackRule> content = rules == null ? rulesOf(base) : rules;
        int v = store.nextVersion(p);
        RulePack pack = checked(p, base.name(), v, content);
        Instant now = clock.instant();
        String author = Actor.current().username();
        String text = RulePackWriter.write(pack);
        store.insert(new RulePackStore.Row(p, v, pack.label(), RulePackState.DRAFT.name(), active.version(), text, author, now, now, null,
                null, null, null, null));
        audit.record("RULE_PACK_DRAFTED", "parcel_rule_pack", p + ":" + v, null,
                Map.of("profile", p, "version", v, "label", pack.label(), "basedOn", active.version(), "rules", pack.rules().size()));
        return version(store.find(p, v).orElseThrow());
    }

    /** Replaces a draft's rules: only its author, only while it is a draft. */
    @Transactional
    public Version updateDraft(String profile, int version, List<PackRule> rules) {
        String p = profileOf(profile);
        RulePackStore.Row r = lock(p, version);
        requireState(r, RulePackState.DRAFT, "edited");
        if (!r.author().equals(Actor.current().username())) {
            throw new FerretException(ErrorCode.FORBIDDEN, "only its author (" + r.author() + ") edits draft " + version);
        }
        RulePack pack = checked(p, parseStored(r.text()).name(), version, rules);
        String text = RulePackWriter.write(pack);
        store.updateDraft(p, version, pack.label(), text, clock.instant());
        audit.record("RULE_PACK_EDITED", "parcel_rule_pack", p + ":" + version, Map.of("rules", parseStored(r.text()).rules().size()),
                Map.of("rules", pack.rules().size(), "changes", diff(parseStored(r.text()), pack).size()));
        return version(store.find(p, version).orElseThrow());
    }

    @Transactional
    public Version submit(String profile, int version) {
        String p = profileOf(profile);
        RulePackStore.Row r = lock(p, version);
        requireState(r, RulePackState.DRAFT, "submitted");
        if (!r.author().equals(Actor.current().username())) {
            throw new FerretException(ErrorCode.FORBIDDEN, "only its author (" + r.author() + ") submits draft " + version);
        }
        store.submitted(p, version, clock.instant());
        audit.record("RULE_PACK_SUBMITTED", "parcel_rule_pack", p + ":" + version, Map.of("state", r.state()),
                Map.of("state", RulePackState.AWAITING_APPROVAL.name(), "label", r.label()));
        return version(store.find(p, version).orElseThrow());
    }

    /** Four eyes: a second person approves; the version becomes ACTIVE and the active one SUPERSEDED, in one transaction. */
    @Transactional
    public Version approve(String profile, int version, String reason) {
        String p = profileOf(profile);
        RulePackStore.Row r = lock(p, version);
        requireState(r, RulePackState.AWAITING_APPROVAL, "approved");
        String me = Actor.current().username();
        if (r.author().equals(me)) {
            throw new FerretException(ErrorCode.FOUR_EYES_REQUIRED, "version " + version + " was written by " + me
                    + ": a second person with the supervisor's role approves it, never its author");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        checkReason(why, false);
        Instant now = clock.instant();
        RulePackStore.Row before = store.activeRow(p).orElse(null);
        if (before != null) {
            store.lock(p, before.version());
            store.superseded(p, before.version(), now);
        }
        store.decided(p, version, RulePackState.ACTIVE.name(), me, why, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", RulePackState.ACTIVE.name());
        after.put("label", r.label());
        after.put("author", r.author());
        after.put("supersedes", before == null ? null : before.version());
        if (why != null) after.put("reason", why);
        audit.record("RULE_PACK_APPROVED", "parcel_rule_pack", p + ":" + version, Map.of("state", r.state()), after);
        return version(store.find(p, version).orElseThrow());
    }

    @Transactional
    public Version reject(String profile, int version, String reason) {
        String p = profileOf(profile);
        RulePackStore.Row r = lock(p, version);
        requireState(r, RulePackState.AWAITING_APPROVAL, "rejected");
        String me = Actor.current().username();
        if (r.author().equals(me)) {
            throw new FerretException(ErrorCode.FOUR_EYES_REQUIRED, "version " + version + " was written by " + me
                    + ": a second person decides on it, never its author");
        }
        String why = reason == null ? null : reason.strip();
        checkReason(why, true);
        store.decided(p, version, RulePackState.REJECTED.name(), me, why, clock.instant());
        audit.record("RULE_PACK_REJECTED", "parcel_rule_pack", p + ":" + version, Map.of("state", r.state()),
                Map.of("state", RulePackState.REJECTED.name(), "label", r.label(), "reason", why));
        return version(store.find(p, version).orElseThrow());
    }

    private static void checkReason(String why, boolean required) {
        if (required && (why == null || why.isEmpty())) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "reason: a rejection says why",
                    List.of(new FieldProblem("reason", "a rejection says why")));
        }
        if (why != null && why.length() > 2000) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "reason: at most 2000 characters",
                    List.of(new FieldProblem("reason", "at most 2000 characters, this one has " + why.length())));
        }
    }

    private RulePackStore.Row lock(String profile, int version) {
        return store.lock(profile, version)
                .orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "no rule pack version " + version + " of profile " + profile));
    }

    private static void requireState(RulePackStore.Row r, RulePackState expected, String what) {
        if (!r.state().equals(expected.name())) {
            throw new FerretException(ErrorCode.ILLEGAL_TRANSITION, "version " + r.version() + " is " + r.state()
                    + "; only a version that is " + expected + " can be " + what);
        }
    }

    // ---- checking -------------------------------------------------------------------------------------------------

    /** The pack the rules make, or a RULE_PACK_INVALID refusal listing every problem. */
    private RulePack checked(String profile, String name, int version, List<PackRule> rules) {
        List<FieldProblem> problems = new ArrayList<>();
        RulePack pack = build(profile, name, "r" + version, rules, problems);
        if (!problems.isEmpty()) {
            throw new FerretException(ErrorCode.RULE_PACK_INVALID, problems.size() + " problem(s) in the rule pack; nothing was stored", problems);
        }
        return pack;
    }

    /** Checks rules as they are typed and previews the sound ones over the previous day's stored items. */
    @Transactional(readOnly = true)
    public Check check(String profile, List<PackRule> rules) {
        String p = profileOf(profile);
        List<FieldProblem> problems = new ArrayList<>();
        List<Rule> sound = new ArrayList<>();
        buildRules(p, rules, problems, sound);
        return new Check(problems, preview(p, sound));
    }

    private static RulePack build(String profile, String name, String version, List<PackRule> rules, List<FieldProblem> problems) {
        List<Rule> sound = new ArrayList<>();
        buildRules(profile, rules, problems, sound);
        if (!problems.isEmpty()) return null;
        // the whole pack through the library once more, exactly as it will be stored and read
        RulePack pack = new RulePack(name, version, profile, sound);
        String text = RulePackWriter.write(pack);
        if (text.length() > 1_000_000) {
            problems.add(new FieldProblem("rules", "the pack's text would be " + text.length() + " characters, at most 1,000,000"));
            return null;
        }
        try {
            RulePack again = RulePackParser.parse("draft", text);
            new BoundPack(again, Profiles.byName(profile));
            return again;
        } catch (BadInputException | IllegalArgumentException e) {
            problems.add(new FieldProblem("rules", "the pack does not read back: " + e.getMessage()));
            return null;
        }
    }

    private static void buildRules(String profile, List<PackRule> rules, List<FieldProblem> problems, List<Rule> sound) {
        if (rules == null || rules.isEmpty()) {
            problems.add(new FieldProblem("rules", "a pack holds at least one rule"));
            return;
        }
        if (rules.size() > MAX_RULES) {
            problems.add(new FieldProblem("rules", "a pack holds at most " + MAX_RULES + " rules, this one " + rules.size()));
            return;
        }
        Profile prof = Profiles.byName(profile);
        Map<String, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            PackRule r = rules.get(i);
            Rule built = buildRule(prof, i, r, problems);
            String id = r.id() == null ? "" : r.id().strip();
            if (!id.isEmpty()) {
                Integer other = firstAt.putIfAbsent(id, i);
                if (other != null) {
                    problems.add(new FieldProblem("rules[" + i + "].id", "rule " + id + ", id: appears twice (rules " + (other + 1)
                            + " and " + (i + 1) + "); each rule has its own id"));
                    continue;
                }
            }
            if (built != null) sound.add(built);
        }
    }

    /** One rule through the library's parser and binder; its problems name the rule and the field. */
    private static Rule buildRule(Profile profile, int i, PackRule r, List<FieldProblem> problems) {
        String at = "rules[" + i + "].";
        String id = r.id() == null ? "" : r.id().strip();
        String name = id.isEmpty() ? "number " + (i + 1) : id;
        int before = problems.size();
        if (id.isEmpty()) problems.add(new FieldProblem(at + "id", "rule " + name + ", id: a rule id is required"));
        oneLine(problems, at + "id", name, "id", id, 64);
        List<String> conditions = new ArrayList<>();
        for (String c : r.conditions()) {
            if (c == null) continue;
            String s = c.strip();
            if (s.regionMatches(true, 0, "when ", 0, 5)) s = s.substring(5).strip();
            if (!s.isEmpty()) conditions.add(s);
        }
        if (conditions.isEmpty()) problems.add(new FieldProblem(at + "conditions", "rule " + name + ", conditions: at least one condition is required"));
        if (conditions.size() > MAX_CONDITIONS) {
            problems.add(new FieldProblem(at + "conditions", "rule " + name + ", conditions: at most " + MAX_CONDITIONS + ", this one has " + conditions.size()));
        }
        for (int j = 0; j < conditions.size() && j < MAX_CONDITIONS; j++) {
            oneLine(problems, at + "conditions[" + j + "]", name, "condition " + (j + 1), conditions.get(j), MAX_CONDITION_CHARS);
        }
        String weight = r.weight() == null ? "" : r.weight().strip();
        if (weight.isEmpty()) problems.add(new FieldProblem(at + "weight", "rule " + name + ", weight: a weight is required"));
        oneLine(problems, at + "weight", name, "weight", weight, 40);
        String rationale = r.rationale() == null ? "" : r.rationale().strip();
        if (rationale.isEmpty()) problems.add(new FieldProblem(at + "rationale", "rule " + name + ", rationale: a one-line rationale is required"));
        oneLine(problems, at + "rationale", name, "rationale", rationale, MAX_TEXT_CHARS);
        String source = r.source() == null ? "" : r.source().strip();
        oneLine(problems, at + "source", name, "source", source, MAX_TEXT_CHARS);
        if (problems.size() > before) return null;

        // the rule as the pack's text has it, so that the library's own parser judges it line by line
        List<String> lineField = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        line(text, lineField, RulePackParser.MAGIC, "");
        line(text, lineField, "name: check", "");
        line(text, lineField, "version: check", "");
        line(text, lineField, "profile: " + profile.name(), "");
        line(text, lineField, "rule " + id, "id");
        for (int j = 0; j < conditions.size(); j++) line(text, lineField, "  when " + conditions.get(j), "conditions[" + j + "]");
        line(text, lineField, "  weight: " + weight, "weight");
        line(text, lineField, "  rationale: " + rationale, "rationale");
        if (!source.isEmpty()) line(text, lineField, "  source: " + source, "source");
        RulePack pack;
        try {
            pack = RulePackParser.parse("rule " + name, text.toString());
        } catch (BadInputException e) {
            for (RowProblem p : e.problems()) {
                int ln = (int) p.line();
                String f = ln >= 1 && ln <= lineField.size() && !lineField.get(ln - 1).isEmpty() ? lineField.get(ln - 1) : "id";
                problems.add(new FieldProblem(at + f, "rule " + name + ", " + words(f) + ": " + p.reason()));
            }
            return null;
        }
        Rule rule = pack.rules().get(0);
        if (Math.abs(rule.weight()) > MAX_WEIGHT) {
            problems.add(new FieldProblem(at + "weight", "rule " + name + ", weight: " + weight + " is outside -" + (int) MAX_WEIGHT
                    + " to " + (int) MAX_WEIGHT + " (a log-odds lift)"));
            return null;
        }
        // each condition against the profile's columns (a field the profile does not have, a text test on a number)
        for (int j = 0; j < rule.conditions().size(); j++) {
            try {
                new BoundPack(new RulePack("check", "check", profile.name(), List.of(new Rule(rule.id(), List.of(rule.conditions().get(j)),
                        rule.weight(), rule.rationale(), rule.source()))), profile);
            } catch (IllegalArgumentException e) {
                String m = e.getMessage().startsWith("rule " + rule.id() + ": ") ? e.getMessage().substring(("rule " + rule.id() + ": ").length()) : e.getMessage();
                problems.add(new FieldProblem(at + "conditions[" + j + "]", "rule " + name + ", condition " + (j + 1) + ": " + m
                        + hintFields(profile, rule.conditions().get(j))));
            }
        }
        return problems.size() > before ? null : rule;
    }

    private static String hintFields(Profile profile, Condition c) {
        return " (the " + profile.name() + " profile's fields: " + String.join(", ", profile.columnNames()) + ")";
    }

    private static String words(String f) {
        return f.startsWith("conditions[") ? "condition " + (Integer.parseInt(f.substring(11, f.length() - 1)) + 1) : f;
    }

    private static void line(StringBuilder sb, List<String> fields, String line, String field) {
        sb.append(line).append('\n');
        fields.add(field);
    }

    private static void oneLine(List<FieldProblem> problems, String field, String rule, String what, String value, int max) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            problems.add(new FieldProblem(field, "rule " + rule + ", " + what + ": must be one line"));
        }
        if (value.length() > max) {
            problems.add(new FieldProblem(field, "rule " + rule + ", " + what + ": at most " + max + " characters, this one has " + value.length()));
        }
    }

    // ---- preview --------------------------------------------------------------------------------------------------

    /** Each rule over the stored items of the day before today (UTC): how many it hits, of them inspected and seized. */
    private List<Preview> preview(String profile, List<Rule> rules) {
        if (rules.isEmpty()) return List.of();
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        Profile prof = Profiles.byName(profile);
        List<String> rows = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        store.jdbc().sql("""
                select d.profile_row, o.kind from parcel_declaration d join parcel_decision c on c.declaration_id = d.id
                left join parcel_outcome o on o.declaration_id = d.id
                where d.profile = ? and c.screening_day = ? order by d.received_at, d.id""")
                .params(profile, day).query(rs -> {
                    rows.add(rs.getString(1));
                    outcomes.add(rs.getString(2));
                });
        List<Preview> out = new ArrayList<>();
        if (rows.isEmpty()) {
            for (Rule r : rules) out.add(new Preview(r.id(), day, 0, 0, 0, 0));
            return out;
        }
        Table t = table(prof, rows);
        BoundPack bound = new BoundPack(new RulePack("preview", "preview", profile, rules), prof);
        BoundPack.FirstSeen firstSeen = firstSeen(profile, prof, rules, day);
        String[][] lowered = bound.lowered(t);
        for (int i = 0; i < rules.size(); i++) {
            int hits = 0, inspected = 0, seized = 0;
            for (int r = 0; r < t.size(); r++) {
                if (!bound.hit(i, t, r, lowered, firstSeen)) continue;
                hits++;
                String kind = outcomes.get(r);
                if (kind != null) {
                    inspected++;
                    if (OutcomeKind.valueOf(kind).registersSeizure()) seized++;
                }
            }
            out.add(new Preview(rules.get(i).id(), day, t.size(), hits, inspected, seized));
        }
        return out;
    }

    /** When each party was first seen in the stored items before {@code day} (only read when a rule asks). */
    private BoundPack.FirstSeen firstSeen(String profile, Profile prof, List<Rule> rules, LocalDate day) {
        boolean asks = rules.stream().flatMap(r -> r.conditions().stream()).anyMatch(c -> c instanceof Condition.FirstShipmentWithin);
        if (!asks) return (column, value) -> Integer.MAX_VALUE;
        List<String> earlier = store.jdbc().sql("""
                select d.profile_row from parcel_declaration d join parcel_decision c on c.declaration_id = d.id
                where d.profile = ? and c.screening_day < ? order by d.received_at, d.id""").params(profile, day).query(String.class).list();
        Map<Integer, Map<String, Integer>> first = new HashMap<>();
        if (!earlier.isEmpty()) {
            Table t = table(prof, earlier);
            for (int c = 0; c < prof.columns().size(); c++) {
                if (prof.columns().get(c).kind() != ColumnKind.PARTY) continue;
                Map<String, Integer> m = first.computeIfAbsent(c, k -> new HashMap<>());
                for (int r = 0; r < t.size(); r++) m.merge(t.text(c, r), t.epochDay(r), Math::min);
            }
        }
        return (column, value) -> first.getOrDefault(column, Map.of()).getOrDefault(value, Integer.MAX_VALUE);
    }

    private static Table table(Profile p, List<String> rows) {
        StringBuilder csv = new StringBuilder().append(String.join(",", p.columnNames())).append('\n');
        for (String r : rows) csv.append(r).append('\n');
        Table.Builder b = new Table.Builder(p);
        try {
            new TableReader(p, OnError.STOP).read("stored rows", new BufferedReader(new StringReader(csv.toString())), b, new ArrayList<RowProblem>());
        } catch (IOException | BadInputException e) {
            throw new IllegalStateException("a stored " + p.name() + " row does not read: " + e.getMessage(), e);
        }
        return b.build();
    }

    // ---- diff -----------------------------------------------------------------------------------------------------

    /** What a version changes against the version it was based on (the one active when it was drafted). */
    @Transactional(readOnly = true)
    public List<Change> diff(String profile, int version) {
        String p = profileOf(profile);
        RulePackStore.Row r = row(p, version);
        if (r.basedOn() == null) return List.of();
        return diff(parseStored(row(p, r.basedOn()).text()), parseStored(r.text()));
    }

    static List<Change> diff(RulePack before, RulePack after) {
        Map<String, PackRule> a = new LinkedHashMap<>(), b = new LinkedHashMap<>();
        rulesOf(before).forEach(x -> a.put(x.id(), x));
        rulesOf(after).forEach(x -> b.put(x.id(), x));
        List<Change> out = new ArrayList<>();
        for (PackRule x : b.values()) {
            PackRule old = a.get(x.id());
            if (old == null) {
                out.add(new Change("added", x.id(), fields(new PackRule(x.id(), List.of(), null, null, null), x)));
            } else {
                List<FieldChange> f = fields(old, x);
                if (!f.isEmpty()) out.add(new Change("changed", x.id(), f));
            }
        }
        for (PackRule x : a.values()) {
            if (!b.containsKey(x.id())) out.add(new Change("removed", x.id(), fields(x, new PackRule(x.id(), List.of(), null, null, null))));
        }
        return out;
    }

    private static List<FieldChange> fields(PackRule a, PackRule b) {
        List<FieldChange> out = new ArrayList<>();
        String ca = String.join("\n", a.conditions()), cb = String.join("\n", b.conditions());
        if (!ca.equals(cb)) out.add(new FieldChange("conditions", blank(ca), blank(cb)));
        if (!eq(a.weight(), b.weight())) out.add(new FieldChange("weight", a.weight(), b.weight()));
        if (!eq(a.rationale(), b.rationale())) out.add(new FieldChange("rationale", a.rationale(), b.rationale()));
        if (!eq(blank(a.source()), blank(b.source()))) out.add(new FieldChange("source", blank(a.source()), blank(b.source())));
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    // ---- indicators -----------------------------------------------------------------------------------------------

    /**
     * Each rule of the active pack over the decisions of the last {@code weeks} weeks (this week included): hit rate
     * (hits over items decided) and precision (seized over inspected hits), overall and week by week. A decision's
     * rules are the ones it recorded, whatever pack version took it.
     */
    @Transactional
    public List<Indicator> indicators(String profile, int weeks) {
        String p = profileOf(profile);
        seed(p);
        int w = Math.max(1, Math.min(weeks, 52));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(w - 1);
        TreeMap<LocalDate, long[]> decidedPerWeek = new TreeMap<>();
        for (int k = 0; k < w; k++) decidedPerWeek.put(from.plusWeeks(k), new long[1]);
        Map<String, TreeMap<LocalDate, long[]>> perRule = new HashMap<>();
        store.jdbc().sql("""
                select c.screening_day, c.rules_hit, o.kind from parcel_decision c join parcel_declaration d on d.id = c.declaration_id
                left join parcel_outcome o on o.declaration_id = c.declaration_id
                where d.profile = ? and c.screening_day >= ? and c.screening_day <= ?""")
                .params(p, from, today).query(rs -> {
                    LocalDate monday = rs.getObject(1, LocalDate.class).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    decidedPerWeek.get(monday)[0]++;
                    String hits = rs.getString(2);
                    if (hits == null || hits.isBlank()) return;
                    String kind = rs.getString(3);
                    for (String id : hits.split(",")) {
                        long[] c = perRule.computeIfAbsent(id, k -> new TreeMap<>()).computeIfAbsent(monday, k -> new long[3]);
                        c[0]++;
                        if (kind != null) {
                            c[1]++;
                            if (OutcomeKind.valueOf(kind).registersSeizure()) c[2]++;
                        }
                    }
                });
        long decided = decidedPerWeek.values().stream().mapToLong(x -> x[0]).sum();
        List<Indicator> out = new ArrayList<>();
        for (PackRule r : rulesOf(parseStored(store.activeRow(p).orElseThrow().text()))) {
            TreeMap<LocalDate, long[]> m = perRule.getOrDefault(r.id(), new TreeMap<>());
            List<Week> ws = new ArrayList<>();
            long hits = 0, inspected = 0, seized = 0;
            for (Map.Entry<LocalDate, long[]> e : decidedPerWeek.entrySet()) {
                long[] c = m.getOrDefault(e.getKey(), new long[3]);
                hits += c[0];
                inspected += c[1];
                seized += c[2];
                ws.add(new Week(e.getKey(), e.getValue()[0], c[0], c[1], c[2], c[1] == 0 ? null : (double) c[2] / c[1]));
            }
            out.add(new Indicator(r.id(), r.weight(), decided, hits, decided == 0 ? null : (double) hits / decided, inspected, seized,
                    inspected == 0 ? null : (double) seized / inspected, ws));
        }
        return out;
    }
}
