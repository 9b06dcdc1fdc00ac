package org.ferret.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.ferret.shared.access.Capability;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log for auditors, newest first, optionally narrowed to one entity or one actor. */
@Service
public class AuditTrail {

    /** Filters for a page of the trail; null means "any". */
    public record Filter(String entityType, String entityId, String actor, String action) {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final PersonalDataMask mask;
    private final AuditLog audit;

    AuditTrail(JdbcClient jdbc, tools.jackson.databind.ObjectMapper json, AuditLog audit) {
        this.jdbc = jdbc;
        this.mask = new PersonalDataMask(json);
        this.audit = audit;
    }

    /**
     * A page of the trail as a reader sees it: personal data masked, or, with {@code reveal} (for a reader whose
     * role grants {@link Capability#REVEAL_PERSONAL_DATA_IN_AUDIT}), shown and each such view of a record's
     * personal data recorded as READ_PERSONAL_DATA. Asking to reveal without the capability is refused.
     */
    public List<AuditEntry> view(Filter f, int offset, int limit, boolean reveal) {
        if (reveal && !mayReveal()) {
            throw new AccessDeniedException("Your role does not allow seeing personal data in the audit trail.");
        }
        List<AuditEntry> rows = page(f, offset, limit);
        if (!reveal) {
            return rows.stream().map(mask::mask).toList();
        }
        rows.stream().filter(mask::holdsPersonalData).forEach(e -> audit.recordRead(e.entityType(), e.entityId(),
                "personal data in audit entry " + e.seq()));
        return rows;
    }

    /** Whether the current user's role grants seeing personal data in the trail. */
    public static boolean mayReveal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String wanted = Capability.REVEAL_PERSONAL_DATA_IN_AUDIT.authority();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> wanted.equals(a.getAuthority()));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> page(Filter f, int offset, int limit) {
        return jdbc.sql("""
                select seq, at, actor, agency, action, entity_type, entity_id, before_json, after_json, prev_hash, hash,
                    cover_batch, cover_count, cover_digest
                from audit_log
                where (cast(:entityType as varchar) is null or entity_type = :entityType)
                  and (cast(:entityId as varchar) is null or entity_id = :entityId)
                  and (cast(:actor as varchar) is null or actor = :actor)
                  and (cast(:action as varchar) is null or action = :action)
                order by seq desc
                offset :offset rows fetch next :limit rows only""")
                .param("entityType", blankToNull(f.entityType())).param("entityId", blankToNull(f.entityId()))
                .param("actor", blankToNull(f.actor())).param("action", blankToNull(f.action()))
                .param("offset", Math.max(0, offset)).param("limit", Math.clamp(limit, 1, 500))
                .query((rs, n) -> new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("agency"), rs.getString("action"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("before_json"),
                        rs.getString("after_json"), rs.getString("prev_hash").trim(), rs.getString("hash").trim(),
                        AuditEntry.covers(rs.getObject("cover_batch"), rs.getObject("cover_count"), rs.getObject("cover_digest"))))
                .list();
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from audit_log").query(Long.class).single();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
