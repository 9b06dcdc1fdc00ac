package org.ferret.registry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's change feed, read from the database: the items whose history gained an event (registration, a
 * marking, a correction, any lifecycle event) after a time, whichever instance wrote it. For modules that keep state
 * derived from the registry in memory and must stay current when several instances share one database (issue 12):
 * published events reach only the process that published them.
 */
@Component
public class RegistryChanges {
    private final JdbcClient jdbc;

    RegistryChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An item and the time of its latest event. */
    public record Change(ItemId item, Instant at) {}

    /**
     * Items registered or with an event recorded after {@code after}, oldest first. A bulk import writes items and
     * markings without events, so its items count by their registration time.
     */
    @Transactional(readOnly = true)
    public List<Change> since(Instant after) {
        OffsetDateTime t = after.atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                select item_id, max(at) as latest from (
                  select item_id, recorded_at as at from registry_event where recorded_at > ?
                  union all
                  select id as item_id, registered_at as at from registry_item where registered_at > ?) c
                group by item_id order by latest""")
                .params(t, t)
                .query((rs, n) -> new Change(new ItemId(rs.getObject(1, UUID.class)), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
    }
}
