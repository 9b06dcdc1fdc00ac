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
}
