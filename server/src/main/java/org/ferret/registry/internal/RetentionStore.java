package org.ferret.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.registry.ItemId;
import org.ferret.registry.ItemStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds and deletes records past retention; the only code that deletes registry rows. */
@Repository
public class RetentionStore {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final org.ferret.audit.RecordCoverage coverage;
    private final javax.sql.DataSource dataSource;
    private volatile Boolean postgres;

    RetentionStore(JdbcClient jdbc, org.ferret.audit.RecordCoverage coverage, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.coverage = coverage;
        this.dataSource = dataSource;
    }

    private boolean postgres() {
        if (postgres == null) {
            try (var c = dataSource.getConnection()) {
                postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            } catch (java.sql.SQLException e) {
                throw new org.springframework.dao.DataAccessResourceFailureException("cannot tell the database", e);
            }
        }
        return postgres;
    }

    /** An item's status as far as retention is concerned. */
    public record Terminal(ItemStatus status, LocalDate since) {
        public boolean terminal() {
            return status == ItemStatus.DESTROYED || status == ItemStatus.EXPORTED;
        }
    }

    public List<ItemId> eligible(LocalDate cutoff) {
        return jdbc.sql("""
                select id from registry_item where status in ('DESTROYED', 'EXPORTED') and status_since <= :cutoff
                order by status_since, id""")
                .param("cutoff", cutoff).query((rs, n) -> new ItemId(rs.getObject(1, UUID.class))).list();
    }

    public Map<ItemId, Terminal> terminalState(List<ItemId> items) {
        Map<ItemId, Terminal> out = new HashMap<>();
        for (List<UUID> chunk : chunks(items)) {
            jdbc.sql("select id, status, status_since from registry_item where id in (:ids)").param("ids", chunk)
                    .query((rs, n) -> out.put(new ItemId(rs.getObject(1, UUID.class)),
                            new Terminal(ItemStatus.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class))))
                    .list();
        }
        return out;
    }

    /**
     * Deletes the items with their events and markings, releasing their rows from the audit chain's record coverage
     * in the same transaction (the purge's audit entry commits the release). On PostgreSQL the rows are append-only
     * by trigger and the deletes go through {@code ferret_retention_delete} (see db/vendor/postgresql).
     */
    public void delete(List<ItemId> items) {
        for (List<UUID> chunk : chunks(items)) {
            coverage.release(RegistryCoverage.EVENT, jdbc.sql("select id from registry_event where item_id in (:ids)")
                    .param("ids", chunk).query(UUID.class).list());
            coverage.release(RegistryCoverage.MARKING, jdbc.sql("select id from registry_marking where item_id in (:ids)")
                    .param("ids", chunk).query(UUID.class).list());
            coverage.release(RegistryCoverage.ITEM, chunk);
            if (postgres()) {
                new org.springframework.jdbc.core.JdbcTemplate(dataSource).execute(
                        (org.springframework.jdbc.core.ConnectionCallback<Void>) con -> {
                            try (var ps = con.prepareStatement("select ferret_retention_delete(?)")) {
                                ps.setArray(1, con.createArrayOf("uuid", chunk.toArray()));
                                ps.executeQuery().close();
                            }
                            return null;
                        });
                continue;
            }
            jdbc.sql("delete from registry_event where item_id in (:ids)").param("ids", chunk).update();
            jdbc.sql("delete from registry_marking where item_id in (:ids)").param("ids", chunk).update();
            jdbc.sql("delete from registry_item where id in (:ids)").param("ids", chunk).update();
        }
    }

    private static List<List<UUID>> chunks(List<ItemId> items) {
        List<List<UUID>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)).stream().map(ItemId::value).toList());
        }
        return chunks;
    }
}
