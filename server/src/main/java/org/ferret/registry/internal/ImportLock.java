package org.ferret.registry.internal;

import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;

/**
 * Imports one at a time: the caller's transaction locks the single row of {@code registry_import_lock} (V61) until
 * it ends, on every instance sharing the database. A second import waits for the lock at most the configured time
 * (PostgreSQL: {@code lock_timeout} for this transaction; H2: the connection's LOCK_TIMEOUT, 10 s in Ferret's
 * URLs) and is then refused with IMPORT_IN_PROGRESS (409).
 */
@Repository
public class ImportLock {

    private final JdbcClient jdbc;
    private final boolean postgres;

    ImportLock(JdbcClient jdbc, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.postgres = product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /** Takes the import lock for the current transaction, or refuses with IMPORT_IN_PROGRESS after {@code wait}. */
    public void acquire(String actor, Instant now, Duration wait) {
        try {
            if (postgres) {
                jdbc.sql("select set_config('lock_timeout', ?, true)").param(Math.max(1, wait.toMillis()) + "ms")
                        .query().singleValue();
            }
            jdbc.sql("update registry_import_lock set holder = ?, since = ? where id = 1")
                    .param(actor.length() > 200 ? actor.substring(0, 200) : actor)
                    .param(now.atOffset(ZoneOffset.UTC)).update();
            if (postgres) {
                jdbc.sql("select set_config('lock_timeout', '0', true)").query().singleValue();
            }
        } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
            throw new FerretException(ErrorCode.IMPORT_IN_PROGRESS, "Another import is running and did not finish within "
                    + wait.toSeconds() + " s; nothing of this file was written. Try again when it has finished.");
        }
    }
}
