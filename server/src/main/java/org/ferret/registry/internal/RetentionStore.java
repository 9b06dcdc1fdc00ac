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

    RetentionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    public void delete(List<ItemId> items) {
        for (List<UUID> chunk : chunks(items)) {
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
