package org.ferret.parcels.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.ferret.audit.RecordCoverage;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds and deletes parcels past retention; the only code that deletes parcels rows. An item (operator and item id,
 * all its versions) is past retention when none of its versions was inspected (no outcome) and its last decision and
 * last queue change are older than the cutoff. On PostgreSQL the tables are append-only by trigger and the deletes go
 * through {@code ferret_parcels_retention_delete} (db/vendor/postgresql/V106), which refuses inspected items.
 */
@Repository
public class ParcelRetentionStore {
    private final JdbcClient jdbc;
    private final RecordCoverage coverage;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    ParcelRetentionStore(JdbcClient jdbc, RecordCoverage coverage, DataSource dataSource) {
        this.jdbc = jdbc;
        this.coverage = coverage;
        this.dataSource = dataSource;
    }

    /** Declaration versions past retention at {@code cutoff}, whole items only, at most {@code limit}. */
    public List<UUID> eligible(Instant cutoff, int limit) {
        return jdbc.sql("""
                select p.id from parcel_declaration p join (
                  select p2.operator op, p2.item_id iid from parcel_declaration p2
                  join parcel_decision d on d.declaration_id = p2.id
                  left join parcel_outcome o on o.declaration_id = p2.id
                  group by p2.operator, p2.item_id
                  having count(o.id) = 0 and max(d.decided_at) <= :cutoff
                ) e on e.op = p.operator and e.iid = p.item_id
                where not exists (select 1 from parcel_queue_change q join parcel_declaration p3 on p3.id = q.declaration_id
                                  where p3.operator = p.operator and p3.item_id = p.item_id and q.changed_at > :cutoff)
                order by p.operator, p.item_id, p.version""")
                .param("cutoff", ParcelStore.ts(cutoff))
                .query(UUID.class).list().stream().limit(limit).toList();
    }

    /** How many items (operator and item id) these versions are of. */
    public java.util.Map<String, Object> summary(List<UUID> ids) {
        long items = jdbc.sql("select count(*) from (select distinct operator, item_id from parcel_declaration where id in (:ids)) x")
                .param("ids", ids).query(Long.class).single();
        return java.util.Map.of("items", items);
    }

    /** Whether any of these declaration versions has an outcome (such an item is never purged). */
    public boolean anyInspected(List<UUID> ids) {
        return !ids.isEmpty() && jdbc.sql("select count(*) from parcel_outcome where declaration_id in (:ids)")
                .param("ids", ids).query(Long.class).single() > 0;
    }

    /** Deletes the versions with their parties, decisions, detections and queue changes, releasing their coverage. */
    public int delete(List<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<List<Object>> parties = new ArrayList<>();
        jdbc.sql("select declaration_id, party_role from parcel_party where declaration_id in (:ids)").param("ids", ids)
                .query(rs -> {
                    parties.add(List.of(rs.getObject(1, UUID.class), rs.getString(2)));
                });
        coverage.releaseRows(ParcelsCoverage.PARTY, parties);
        coverage.release(ParcelsCoverage.QUEUE_CHANGE, jdbc.sql("select id from parcel_queue_change where declaration_id in (:ids)")
                .param("ids", ids).query(UUID.class).list());
        coverage.release(ParcelsCoverage.DETECTION, jdbc.sql("select id from parcel_detection where declaration_id in (:ids)")
                .param("ids", ids).query(UUID.class).list());
        coverage.release(ParcelsCoverage.DECISION, jdbc.sql("select declaration_id from parcel_decision where declaration_id in (:ids)")
                .param("ids", ids).query(UUID.class).list());
        coverage.release(ParcelsCoverage.DECLARATION, ids);
        if (postgres()) {
            Integer n = new JdbcTemplate(dataSource).execute((ConnectionCallback<Integer>) con -> {
                try (var ps = con.prepareStatement("select ferret_parcels_retention_delete(?)")) {
                    ps.setArray(1, con.createArrayOf("uuid", ids.toArray()));
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            });
            return n == null ? 0 : n;
        }
        jdbc.sql("delete from parcel_queue_change where declaration_id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from parcel_detection where declaration_id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from parcel_party where declaration_id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from parcel_decision where declaration_id in (:ids)").param("ids", ids).update();
        return jdbc.sql("delete from parcel_declaration where id in (:ids)").param("ids", ids).update();
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
}
