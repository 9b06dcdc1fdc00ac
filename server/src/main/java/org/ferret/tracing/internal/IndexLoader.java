package org.ferret.tracing.internal;

import java.util.UUID;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.ferret.tracing.matching.MarkingIndex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a {@link MarkingIndex} from a query whose columns are (item id, kind, manufacturer, model, calibre,
 * country, serial), streaming the rows (a cursor on PostgreSQL) so ten million serials need no result list.
 */
public final class IndexLoader {

    /** The registry's serials with the attributes searches filter on; markings retracted by a correction are left out. */
    public static final String REGISTRY_SQL = """
            select i.id, i.kind, i.manufacturer, i.model, i.calibre, i.country_of_manufacture, m.serial_number
            from registry_marking m join registry_item i on i.id = m.item_id
            where m.serial_number is not null
            and (m.event_id is null or not exists (
                select 1 from registry_event c where c.corrects_event = m.event_id))""";

    private IndexLoader() {
    }

    /** Loads and seals; returns the number of serials added. */
    public static long load(DataSource dataSource, String sql, MarkingIndex index, ItemFacts facts, LongConsumer progress) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(10_000);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tx.setReadOnly(true);
        long[] count = {0};
        tx.executeWithoutResult(s -> jdbc.query(sql, rs -> {
            UUID item = rs.getObject(1, UUID.class);
            int f = facts.intern(new ItemFacts.Facts(rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6)));
            if (index.add(item, rs.getString(7), f) >= 0) {
                count[0]++;
                if (progress != null && count[0] % 1_000_000 == 0) {
                    progress.accept(count[0]);
                }
            }
        }));
        index.seal();
        return count[0];
    }
}
