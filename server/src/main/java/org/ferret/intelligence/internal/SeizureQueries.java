package org.ferret.intelligence.internal;

import java.util.ArrayList;
import java.util.List;

import org.ferret.intelligence.SeizureFilter;

/** The SQL of a {@link SeizureFilter}, shared by the seizure list, the analytics and the export. */
public final class SeizureQueries {

    private SeizureQueries() {
    }

    /** A where clause over {@code intel_seizure} as {@code alias}, with its parameters in order. */
    public record Where(String sql, List<Object> params) {
    }

    public static Where where(SeizureFilter f, String alias) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        parts.add("1 = 1");
        if (f.from() != null) {
            parts.add(alias + ".seized_on >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            parts.add(alias + ".seized_on <= ?");
            params.add(f.to());
        }
        if (f.country() != null && !f.country().isBlank()) {
            parts.add(alias + ".country = ?");
            params.add(f.country().strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (f.kind() != null) {
            parts.add(alias + ".kind = ?");
            params.add(f.kind().name());
        }
        if (f.context() != null) {
            parts.add(alias + ".criminal_context = ?");
            params.add(f.context().name());
        }
        if (f.conveyance() != null) {
            parts.add(alias + ".conveyance = ?");
            params.add(f.conveyance().name());
        }
        if (f.itemType() != null) {
            parts.add("exists (select 1 from intel_seizure_item fi where fi.seizure_id = " + alias + ".id and fi.item_type = ?)");
            params.add(f.itemType().name());
        }
        return new Where(String.join(" and ", parts), params);
    }
}
