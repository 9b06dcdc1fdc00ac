package org.ferret.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    /**
     * Covers the rows of a result that the caller has just written, as that result gives them: the rows of an
     * {@code insert … returning *} (or a {@code select *}) of {@code table}, every column in the table's order. For bulk
     * inserts of rows that do not change again in the transaction: the row is hashed from what the database returned,
     * with no read-back at the commit. Returns the number of rows covered.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int coverResult(String table, ResultSet rows) throws SQLException {
        return audit.buffer().coverage.hashResult(table, rows);
    }

    /**
     * The first {@code n} values as a PostgreSQL array literal of text ({@code {"a","b\"c",NULL}}), to bind as one
     * parameter of type {@code text[]} (sent as an untyped string: the driver's own array encoding of thousands of
     * strings cost more than the insert it serves).
     */
    public static String textArray(String[] values, int n) {
        int size = 2;
        for (int i = 0; i < n; i++) size += values[i] == null ? 5 : values[i].length() + 3;
        StringBuilder sb = new StringBuilder(size + 16).append('{');
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(',');
            String v = values[i];
            if (v == null) {
                sb.append("NULL");
                continue;
            }
            sb.append('"');
            if (v.indexOf('"') < 0 && v.indexOf('\\') < 0) {
                sb.append(v); // the common case, copied whole (a character at a time cost 5 % of a stream's CPU)
            } else {
                for (int k = 0; k < v.length(); k++) {
                    char ch = v.charAt(k);
                    if (ch == '"' || ch == '\\') sb.append('\\');
                    sb.append(ch);
                }
            }
            sb.append('"');
        }
        return sb.append('}').toString();
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
