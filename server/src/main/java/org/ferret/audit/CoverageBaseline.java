package org.ferret.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Covers, once, the rows of a covered table that has rows but no coverage record at all: a database upgraded from a
 * version before record coverage, or a table declared covered later. Audited as {@code RECORDS_BASELINED} with the
 * count per table: what was there before is taken as it is (nothing older can be checked), what changes after is
 * checked.
 */
@Component
class CoverageBaseline {

    private static final Logger log = LoggerFactory.getLogger(CoverageBaseline.class);

    private final RecordHashing hashing;
    private final RecordCoverage coverage;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    CoverageBaseline(RecordHashing hashing, RecordCoverage coverage, AuditLog audit, DataSource dataSource,
            PlatformTransactionManager txManager) {
        this.hashing = hashing;
        this.coverage = coverage;
        this.audit = audit;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.tx = new TransactionTemplate(txManager);
    }

    @EventListener(ApplicationReadyEvent.class)
    void baseline() {
        tx.executeWithoutResult(s -> {
            Map<String, Long> covered = new LinkedHashMap<>();
            for (CoveredTable t : hashing.declared().values()) {
                Long records = jdbc.queryForObject("select count(*) from (select 1 from audit_record_all where table_name = ? fetch first 1 rows only) r", Long.class,
                        t.name());
                if (records != null && records == 0) {
                    long n = cover(hashing.table(t.name()));
                    if (n > 0) {
                        covered.put(t.name(), n);
                    }
                }
            }
            if (!covered.isEmpty()) {
                audit.recordAs(new Actor("system", null), "RECORDS_BASELINED", "record-coverage", null, null, covered);
                log.info("record coverage: covered the existing rows of {}", covered);
            }
        });
    }

    private long cover(RecordHashing.Table t) {
        List<List<Object>> chunk = new ArrayList<>(RecordHashing.CHUNK);
        long[] n = {0};
        jdbc.query("select " + String.join(", ", t.spec().key()) + " from " + t.name(), rs -> {
            List<Object> key = new ArrayList<>(t.spec().key().size());
            for (int i = 1; i <= t.spec().key().size(); i++) {
                key.add(rs.getObject(i));
            }
            chunk.add(key);
            n[0]++;
            if (chunk.size() >= RecordHashing.CHUNK) {
                audit.buffer().coverage.hashNow(t.name(), List.copyOf(chunk));
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            audit.buffer().coverage.hashNow(t.name(), chunk);
        }
        return n[0];
    }
}
