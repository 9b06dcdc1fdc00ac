package org.ferret.registry.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.ferret.registry.ItemAttributes;
import org.ferret.registry.Marking;
import org.ferret.registry.MarkingElements;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes batches of prepared registrations ({@code Registry.registerBatch}, the bulk import's road): multi-row INSERT
 * statements (many rows per statement) sent as JDBC batches, which is fast on both H2 and PostgreSQL without
 * driver-specific settings.
 */
@Repository
public class ImportWriter {

    /** Rows per INSERT statement. */
    static final int ROWS_PER_STATEMENT = 100;

    private static final String ITEM_INSERT = """
            insert into registry_item (id, external_ref, category, kind, manufacturer, model, calibre,
                country_of_manufacture, year_of_manufacture, construction, quantity, status, status_since, holder_id,
                marking_required, import_job, registered_at, registered_by, registered_agency) values""";
    private static final int[] ITEM_TYPES = {Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
            Types.DATE, Types.OTHER, Types.BOOLEAN, Types.OTHER, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR};

    private static final String MARKING_INSERT = """
            insert into registry_marking (id, item_id, mark_order, kind, manufacturer, country_or_place,
                serial_number, serial_normalised, mark_year, import_country, import_year, model, calibre,
                geometric_symbols, symbol_code, location, method, recorded_at) values""";
    private static final int[] MARKING_TYPES = {Types.OTHER, Types.OTHER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE};

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final RegistryStore store;
    private final org.ferret.audit.RecordCoverage coverage;

    ImportWriter(JdbcTemplate jdbc, JdbcClient client, RegistryStore store, org.ferret.audit.RecordCoverage coverage) {
        this.jdbc = jdbc;
        this.client = client;
        this.store = store;
        this.coverage = coverage;
    }

    /** Which of these external references are registered already (one query). */
    public Set<String> existingRefs(List<String> refs) {
        if (refs.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(client.sql("select external_ref from registry_item where external_ref in (:refs)")
                .param("refs", refs).query(String.class).list());
    }

    /** Writes prepared registrations: items and markings as multi-row inserts, first events (rare here) one by one. */
    public void write(List<Registration> registrations, UUID job, String actor, String agency) {
        if (registrations.isEmpty()) {
            return;
        }
        List<Object[]> items = new ArrayList<>(registrations.size());
        List<Object[]> markings = new ArrayList<>(registrations.size() * 2);
        for (Registration reg : registrations) {
            StoredItem r = reg.item();
            UUID id = r.id().value();
            OffsetDateTime when = r.registeredAt().atOffset(ZoneOffset.UTC);
            ItemAttributes a = r.attributes();
            items.add(new Object[] {id, r.externalRef(), r.kind().category().name(), r.kind().name(), a.manufacturer(),
                    a.model(), str(a.calibre()), str(a.countryOfManufacture()), a.yearOfManufacture(),
                    a.construction() == null ? null : a.construction().name(), a.quantity(),
                    r.status().name(), r.statusSince(), r.holder() == null ? null : r.holder().value(),
                    r.markingRequired(), job, when, actor, agency});
            int order = 0;
            for (Marking m : reg.markings()) {
                MarkingElements e = m.elements();
                markings.add(new Object[] {TimeOrderedIds.next(), id, ++order, m.kind().name(), e.manufacturer(),
                        e.countryOrPlace(), e.serialNumber() == null ? null : e.serialNumber().value(),
                        e.serialNumber() == null ? null : e.serialNumber().normalised(), e.year(),
                        str(e.importCountry()), e.importYear(), e.model(), str(e.calibre()), e.geometricSymbols(),
                        e.symbolCode(), m.location(), m.method() == null ? null : m.method().name(), when});
            }
        }
        insert(ITEM_INSERT, ITEM_TYPES, items);
        insert(MARKING_INSERT, MARKING_TYPES, markings);
        for (Registration reg : registrations) {
            reg.history().forEach(store::insertEvent);
        }
        // imported rows do not change again in the import's transaction: hash them now, chunk by chunk
        coverage.coverWritten(RegistryCoverage.ITEM, items.stream().map(r -> r[0]).toList());
        coverage.coverWritten(RegistryCoverage.MARKING, markings.stream().map(r -> r[0]).toList());
    }

    /** Inserts rows with {@value #ROWS_PER_STATEMENT} rows per statement, full statements sent as one batch. */
    private void insert(String insert, int[] types, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int full = rows.size() / ROWS_PER_STATEMENT;
        int rest = rows.size() % ROWS_PER_STATEMENT;
        if (full > 0) {
            jdbc.batchUpdate(sql(insert, types.length, ROWS_PER_STATEMENT), new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int statement) throws SQLException {
                    bind(ps, rows, statement * ROWS_PER_STATEMENT, ROWS_PER_STATEMENT, types);
                }

                @Override
                public int getBatchSize() {
                    return full;
                }
            });
        }
        if (rest > 0) {
            jdbc.execute(sql(insert, types.length, rest), (PreparedStatementCallback<Integer>) ps -> {
                bind(ps, rows, full * ROWS_PER_STATEMENT, rest, types);
                return ps.executeUpdate();
            });
        }
    }

    private static String sql(String insert, int columns, int rows) {
        String one = "(" + "?,".repeat(columns - 1) + "?)";
        StringBuilder sb = new StringBuilder(insert.length() + rows * (one.length() + 1)).append(insert).append(' ');
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(one);
        }
        return sb.toString();
    }

    private static void bind(PreparedStatement ps, List<Object[]> rows, int from, int count, int[] types)
            throws SQLException {
        int p = 1;
        for (int r = from; r < from + count; r++) {
            Object[] values = rows.get(r);
            for (int c = 0; c < types.length; c++, p++) {
                if (values[c] == null) {
                    ps.setNull(p, types[c]);
                } else {
                    ps.setObject(p, values[c]);
                }
            }
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
