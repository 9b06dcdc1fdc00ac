package org.ferret.standards;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Runs, stores and audits assessments; a stored result is derived again from its pack version and what was given. */
@Service
public class Assessments {

    private final StandardPacks packs;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    Assessments(StandardPacks packs, JdbcClient jdbc, AuditLog audit, ObjectMapper json,
            org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        this.packs = packs;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Assesses and stores; bad facts, or a withdrawn version, are refused naming each field and nothing is written. */
    @Transactional
    public Assessment run(String packId, String version, FirearmType type, UUID item, Map<String, ?> facts,
            Map<String, HumanDecision> decisions) {
        StandardPack pack = packs.get(packId, version);
        if (packs.withdrawn(pack)) {
            throw new org.ferret.shared.FerretException(org.ferret.shared.ErrorCode.CONFLICT, pack.reference()
                    + " was withdrawn; no new assessment is made under it", List.of(new org.ferret.shared.FerretException.FieldProblem(
                    "version", "withdrawn; assess under another version: " + String.join(", ", packs.versions(pack.id()).stream()
                            .filter(p -> !packs.withdrawn(p)).map(StandardPack::version).toList()))));
        }
        Map<String, Object> given = new LinkedHashMap<>();
        if (facts != null) {
            facts.forEach((k, v) -> {
                if (v != null && !v.toString().isBlank()) {
                    given.put(k, v);
                }
            });
        }
        Map<String, HumanDecision> decided = decisions == null ? Map.of() : Map.copyOf(decisions);
        AssessmentResult result = Assessor.assess(pack, type, given, decided);
        Map<String, Object> stored = new LinkedHashMap<>(Assessor.values(pack, given));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String by = Actor.current().username();
        jdbc.sql("""
                insert into standards_assessment (id, pack_id, pack_version, firearm_type, item_id, facts, decisions,
                    verdict, assessed_by, assessed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, pack.id(), pack.version(), type == null ? null : type.name(), item, json.writeValueAsString(stored),
                        json.writeValueAsString(decided), result.verdict().name(), by, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("standard", pack.reference());
        after.put("firearmType", type == null ? null : type.name());
        after.put("item", item == null ? null : item.toString());
        after.put("verdict", result.verdict().name());
        after.put("missing", result.missing());
        audit.record("STANDARD_ASSESSED", "standards_assessment", id.toString(), null, after);
        if (item != null && result.verdict() != Verdict.INCOMPLETE) {
            completeReviews(item, pack, id, now, result.verdict());
        }
        return new Assessment(id, pack.id(), pack.version(), type, item, stored, decided, result, by, now);
    }

    /**
     * A decided assessment of an item completes the reviews opened for it under the same pack version (a seized
     * semi-finished frame or receiver awaiting a person's decision).
     */
    private void completeReviews(UUID item, StandardPack pack, UUID assessment, Instant at, Verdict verdict) {
        List<UUID> open = jdbc.sql("""
                select event_id from standards_review where item_id = ? and pack_id = ? and pack_version = ?
                and completed_assessment is null""").params(item, pack.id(), pack.version()).query(UUID.class).list();
        for (UUID event : open) {
            jdbc.sql("update standards_review set completed_assessment = ?, completed_at = ? where event_id = ?")
                    .params(assessment, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), event).update();
            audit.record("STANDARD_REVIEW_COMPLETED", "standards_review", event.toString(), Map.of("completed", false),
                    Map.of("item", item.toString(), "assessment", assessment.toString(), "standard", pack.reference(),
                            "verdict", verdict.name()));
        }
    }

    public Optional<Assessment> find(UUID id) {
        return jdbc.sql("select * from standards_assessment where id = ?").param(id).query((rs, n) -> row(rs)).optional();
    }

    /** The item's assessments, newest first. */
    public List<Assessment> forItem(UUID item) {
        return jdbc.sql("select * from standards_assessment where item_id = ? order by assessed_at desc, id")
                .param(item).query((rs, n) -> row(rs)).list();
    }

    /** The item's newest assessment under a pack version ({@code id@version}). */
    public Optional<Assessment> latest(UUID item, String reference) {
        return forItem(item).stream().filter(a -> a.reference().equals(reference)).findFirst();
    }

    /**
     * Items the registry deactivated under another standard version whose recorded facts do not meet {@code than}
     * (failed or never recorded operations): the para 46 list.
     */
    public List<WeakerDeactivation> deactivatedUnderWeaker(StandardPack than) {
        record Link(UUID event, UUID item, UUID assessment, String certificate, Instant at) {
        }
        List<Link> links = jdbc.sql("""
                select event_id, item_id, assessment_id, certificate, recorded_at from standards_deactivation
                where not (pack_id = ? and pack_version = ?) and withdrawn = false order by recorded_at, event_id""")
                .params(than.id(), than.version())
                .query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
        List<WeakerDeactivation> out = new java.util.ArrayList<>();
        for (Link l : links) {
            Assessment a = find(l.assessment()).orElseThrow();
            Comparison.Result r = Comparison.compare(a.reference(), a.facts(), than, a.firearmType(), Map.of());
            if (!r.operationsSuffice()) {
                out.add(new WeakerDeactivation(l.item(), l.event(), l.certificate(), a.reference(), l.at(), a.id(), than.reference(),
                        r.failed().stream().map(RequirementResult::paragraph).toList(),
                        r.notRecorded().stream().map(RequirementResult::paragraph).toList()));
            }
        }
        return out;
    }

    private Assessment row(java.sql.ResultSet rs) throws java.sql.SQLException {
        StandardPack pack = packs.get(rs.getString("pack_id"), rs.getString("pack_version"));
        String t = rs.getString("firearm_type");
        FirearmType type = t == null ? null : FirearmType.valueOf(t);
        Map<String, Object> facts = json.readValue(rs.getString("facts"), new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, HumanDecision> decisions = json.readValue(rs.getString("decisions"),
                new TypeReference<LinkedHashMap<String, HumanDecision>>() { });
        Object item = rs.getObject("item_id");
        return new Assessment(rs.getObject("id", UUID.class), pack.id(), pack.version(), type,
                item == null ? null : rs.getObject("item_id", UUID.class), facts, decisions,
                Assessor.assess(pack, type, facts, decisions), rs.getString("assessed_by"),
                rs.getObject("assessed_at", OffsetDateTime.class).toInstant());
    }
}
