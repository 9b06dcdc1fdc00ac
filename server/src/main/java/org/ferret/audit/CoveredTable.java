package org.ferret.audit;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A table whose rows the audit chain covers ({@link RecordCoverage}): a module declares one as a bean for each table
 * it owns. Every column is hashed (so a column added later is covered without a change here) except {@code derived}:
 * purely derived or cached columns, such as a projection rewritten from the history, which are checked against the
 * history instead ({@link DerivedStateCheck}).
 *
 * @param name       the table
 * @param key        its primary-key columns, in order
 * @param derived    columns left out of the row hash
 */
public record CoveredTable(String name, List<String> key, Set<String> derived) {

    public CoveredTable {
        name = name.toLowerCase(Locale.ROOT);
        key = key.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        derived = Set.copyOf(derived.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a covered table needs its primary-key columns: " + name);
        }
        if (!name.matches("[a-z_][a-z0-9_]*") || !key.stream().allMatch(c -> c.matches("[a-z_][a-z0-9_]*"))) {
            throw new IllegalArgumentException("not a plain table or column name: " + name + " " + key);
        }
    }

    /** A table with a single-column key and no derived columns. */
    public static CoveredTable of(String name, String key) {
        return new CoveredTable(name, List.of(key), Set.of());
    }
}
