package org.ferret.screening.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema profile: which columns a declaration source has, what each holds, and which of them carry the
 * roles the engine needs (time, value, weight, description, parties whose history counts).
 */
public record Profile(
        String name,
        List<Column> columns,
        String idColumn,
        String timeColumn,
        String labelColumn,
        String severityColumn,
        String valueColumn,
        String weightColumn,
        String quantityColumn,
        String descriptionColumn,
        List<HistoryKey> historyKeys) {

    public Profile {
        Objects.requireNonNull(name);
        columns = List.copyOf(columns);
        historyKeys = List.copyOf(historyKeys);
        for (String role : new String[] {idColumn, timeColumn, labelColumn}) {
            if (role == null || indexOf(columns, role) < 0) throw new IllegalArgumentException("profile " + name + " lacks role column " + role);
        }
        for (String opt : new String[] {severityColumn, valueColumn, weightColumn, quantityColumn, descriptionColumn}) {
            if (opt != null && indexOf(columns, opt) < 0) throw new IllegalArgumentException("profile " + name + ": no column " + opt);
        }
        for (HistoryKey k : historyKeys) {
            for (String c : k.columns()) {
                if (indexOf(columns, c) < 0) throw new IllegalArgumentException("profile " + name + ": history key on unknown column " + c);
            }
        }
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(name)) return i;
        return -1;
    }

    /** Index of the named column, or -1. */
    public int indexOf(String column) {
        return indexOf(columns, column);
    }

    public Optional<Column> column(String column) {
        int i = indexOf(column);
        return i < 0 ? Optional.empty() : Optional.of(columns.get(i));
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (Column c : columns) names.add(c.name());
        return names;
    }
}
