package org.ferret.parcels;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.ferret.registry.Construction;
import org.ferret.registry.ItemKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The non-nominal facts of a recorded outcome for other modules (intelligence turns a seizure outcome into a
 * seizure record): where the item was screened, which way it moved, its route and mail class, and what was found.
 * Never a party's name or address.
 */
@Service
public class ParcelOutcomes {

    private final JdbcClient jdbc;

    ParcelOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What an outcome found and the declaration's route, without personal data. */
    public record Facts(UUID declaration, String itemId, String site, Declaration.Direction direction,
            Declaration.MailClass mailClass, String origin, String destination, OutcomeKind kind, ItemKind itemKind,
            Construction construction, Boolean marked, LocalDate recordedOn) {
    }

    @Transactional(readOnly = true)
    public Optional<Facts> facts(UUID declaration) {
        return jdbc.sql("""
                select d.id, d.item_id, d.site, d.direction, d.mail_class, d.origin, d.destination, o.kind, o.component,
                  o.construction, o.marked, o.recorded_at
                from parcel_declaration d join parcel_outcome o on o.declaration_id = d.id where d.id = ?""")
                .param(declaration)
                .query((rs, n) -> new Facts(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Declaration.Direction.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? null : Declaration.MailClass.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(7), OutcomeKind.valueOf(rs.getString(8)),
                        rs.getString(9) == null ? null : ItemKind.valueOf(rs.getString(9)),
                        rs.getString(10) == null ? null : Construction.valueOf(rs.getString(10)), (Boolean) rs.getObject(11),
                        rs.getObject(12, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()))
                .optional();
    }

    /**
     * Why held items were held, against what their inspection found: one row per reason and finding with the number
     * of items. The reason is each rule the item hit when a rule, its score or its critical-class risk held it (an
     * item that hit two rules counts under both), else how it was picked (at random for exploration, a detector's
     * verdict, by hand, by score with no rule); the finding is the outcome's kind, or none while not yet inspected.
     * Items held on a screening day in {@code from}..{@code to} (either open). Nothing about a party.
     */
    public record HeldReason(String rule, PickedBy pickedBy, OutcomeKind found, long items) {}

    @Transactional(readOnly = true)
    public java.util.List<HeldReason> heldReasons(LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder("""
                select d.picked_by, d.rules_hit, o.kind, count(*) from parcel_decision d
                left join parcel_outcome o on o.declaration_id = d.declaration_id where d.in_queue = true""");
        java.util.List<Object> params = new java.util.ArrayList<>();
        if (from != null) { sql.append(" and d.screening_day >= ?"); params.add(from); }
        if (to != null) { sql.append(" and d.screening_day <= ?"); params.add(to); }
        sql.append(" group by d.picked_by, d.rules_hit, o.kind");
        java.util.Map<java.util.List<Object>, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params).query((java.sql.ResultSet rs) -> {
            PickedBy by = rs.getString(1) == null ? PickedBy.HAND : PickedBy.valueOf(rs.getString(1));
            String rules = rs.getString(2);
            OutcomeKind found = rs.getString(3) == null ? null : OutcomeKind.valueOf(rs.getString(3));
            long n = rs.getLong(4);
            boolean byRules = (by == PickedBy.RULE || by == PickedBy.SCORE || by == PickedBy.CRITICAL) && rules != null && !rules.isBlank();
            if (byRules) {
                for (String rule : rules.split(",")) {
                    if (!rule.isBlank()) counts.merge(java.util.Arrays.asList(rule.strip(), by == PickedBy.RULE ? PickedBy.RULE : null, found), n, Long::sum);
                }
            } else {
                counts.merge(java.util.Arrays.asList(null, by, found), n, Long::sum);
            }
        });
        java.util.List<HeldReason> out = new java.util.ArrayList<>();
        counts.forEach((k, n) -> out.add(new HeldReason((String) k.get(0), (PickedBy) k.get(1), (OutcomeKind) k.get(2), n)));
        return out;
    }
}
