package org.ferret.audit;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts rows of the modules' own tables under the audit chain. A module calls it in the transaction that writes a
 * row of a {@link CoveredTable}; the row's content hash is then recorded and committed by that transaction's audit
 * entry, so that an edit, a removal or an insertion made directly in the database is found by
 * {@link RecordCoverageVerifier}. Keys are the row's primary-key values in the table's key-column order.
 */
@Service
public class RecordCoverage {

    private final AuditLog audit;

    RecordCoverage(AuditLog audit) {
        this.audit = audit;
    }

    /** Covers the row as it is when the transaction commits (so later changes in the transaction are included). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cover(String table, Object... key) {
        audit.buffer().coverage.defer(table, List.of(key));
    }

    /** Covers these rows (single-column keys) as they are when the transaction commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void coverAll(String table, Collection<?> keys) {
        var batch = audit.buffer().coverage;
        keys.forEach(k -> batch.defer(table, List.of(k)));
    }

    /**
     * Covers these rows (single-column keys) now, reading them back in chunks: for bulk writes of rows that do not
     * change again in the transaction, so that nothing is held in memory until the commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void coverWritten(String table, Collection<?> keys) {
        audit.buffer().coverage.hashNow(table, keys.stream().map(k -> List.<Object>of(k)).toList());
    }

    /** Releases rows that the transaction deletes through an audited path (the retention purge). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(String table, Collection<?> keys) {
        audit.buffer().coverage.release(table, keys.stream().map(k -> List.<Object>of(k)).toList());
    }

    /** Releases rows with multi-column keys (each key's values in the table's key-column order). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void releaseRows(String table, Collection<? extends List<?>> keys) {
        audit.buffer().coverage.release(table, keys.stream().map(k -> List.<Object>copyOf(k)).toList());
    }
}
