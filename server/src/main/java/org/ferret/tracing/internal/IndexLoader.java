package org.ferret.tracing.internal;

import java.util.UUID;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.ferret.registry.Registry;
import org.ferret.tracing.matching.MarkingIndex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a {@link MarkingIndex} from a query whose columns are (item id, kind, manufacturer, model, calibre,
 * country, serial), streaming the rows (a cursor on PostgreSQL) so ten million serials need no result list.
 */
public final class IndexLoader {

    private IndexLoader() {
    }

    /** Loads the registry's serials through its public streaming read, and seals; returns the number of serials added. */
    public static long load(Registry registry, MarkingIndex index, ItemFacts facts, LongConsumer progress) {
        long[] count = {0};
        registry.forEachSerial(s -> add(index, facts, s.item(), s.kind(), s.manufacturer(), s.model(), s.calibre(),
                s.countryOfManufacture(), s.serialNumber(), count, progress));
        index.seal();
        return count[0];
    }

    private static void add(MarkingIndex index, ItemFacts facts, UUID item, String kind, String manufacturer,
            String model, String calibre, String country, String serial, long[] count, LongConsumer progress) {
        int f = facts.intern(new ItemFacts.Facts(kind, manufacturer, model, calibre, country));
        if (index.add(item, serial, f) >= 0) {
            count[0]++;
            if (progress != null && count[0] % 1_000_000 == 0) {
                progress.accept(count[0]);
            }
        }
    }

    /** Loads from a query of the bench's own table (same columns), and seals; returns the number of serials added. */
    public static long load(DataSource dataSource, String sql, MarkingIndex index, ItemFacts facts, LongConsumer progress) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(10_000);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tx.setReadOnly(true);
        long[] count = {0};
        tx.executeWithoutResult(s -> jdbc.query(sql, rs -> {
            add(index, facts, rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), count, progress);
        }));
        index.seal();
        return count[0];
    }
}
