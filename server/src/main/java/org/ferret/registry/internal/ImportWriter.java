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
import org.ferret.registry.ItemStatus;
import org.ferret.registry.Marking;
import org.ferret.registry.MarkingElements;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes validated import rows with JDBC batch inserts; rows whose external_ref exists are skipped. */
@Repository
public class ImportWriter {

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    ImportWriter(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** The rows of the chunk actually written, after skipping external refs already in the registry. */
    public List<CsvLayout.Row> write(List<CsvLayout.Row> rows, UUID job, Instant at, String actor) {
        Set<String> existing = new HashSet<>(client.sql("select external_ref from registry_item where external_ref in (:refs)")
                .param("refs", rows.stream().map(CsvLayout.Row::externalRef).toList())
                .query(String.class).list());
        List<CsvLayout.Row> fresh = existing.isEmpty() ? rows
                : rows.stream().filter(r -> !existing.contains(r.externalRef())).toList();
        if (fresh.isEmpty()) {
            return fresh;
        }
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        List<UUID> ids = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            ids.add(UUID.randomUUID());
        }
        jdbc.batchUpdate("""
                insert into registry_item (id, external_ref, category, kind, manufacturer, model, calibre,
                    country_of_manufacture, year_of_manufacture, construction, quantity, status, status_since,
                    holder_id, fitted_to, marking_required, import_job, registered_at, registered_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, ?, ?, ?, ?)""",
                batch(fresh.size(), (ps, i) -> {
                    CsvLayout.Row r = fresh.get(i);
                    ItemAttributes a = r.attributes();
                    ps.setObject(1, ids.get(i));
                    ps.setString(2, r.externalRef());
                    ps.setString(3, r.kind().category().name());
                    ps.setString(4, r.kind().name());
                    string(ps, 5, a.manufacturer());
                    string(ps, 6, a.model());
                    string(ps, 7, a.calibre() == null ? null : a.calibre().value());
                    string(ps, 8, a.countryOfManufacture() == null ? null : a.countryOfManufacture().value());
                    integer(ps, 9, a.yearOfManufacture());
                    string(ps, 10, a.construction() == null ? null : a.construction().name());
                    integer(ps, 11, a.quantity());
                    ps.setString(12, ItemStatus.IN_LAWFUL_POSSESSION.name());
                    ps.setBoolean(13, r.markingRequired());
                    ps.setObject(14, job);
                    ps.setObject(15, when);
                    string(ps, 16, actor);
                }));
        List<Object[]> markings = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            int order = 0;
            for (Marking m : fresh.get(i).markings()) {
                markings.add(new Object[] {ids.get(i), ++order, m});
            }
        }
        if (!markings.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into registry_marking (id, item_id, mark_order, kind, manufacturer, country_or_place,
                        serial_number, serial_normalised, mark_year, import_country, import_year, model, calibre,
                        geometric_symbols, symbol_code, location, method, recorded_at, event_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)""",
                    batch(markings.size(), (ps, i) -> {
                        Object[] row = markings.get(i);
                        Marking m = (Marking) row[2];
                        MarkingElements e = m.elements();
                        ps.setObject(1, UUID.randomUUID());
                        ps.setObject(2, row[0]);
                        ps.setInt(3, (Integer) row[1]);
                        ps.setString(4, m.kind().name());
                        string(ps, 5, e.manufacturer());
                        string(ps, 6, e.countryOrPlace());
                        string(ps, 7, e.serialNumber() == null ? null : e.serialNumber().value());
                        string(ps, 8, e.serialNumber() == null ? null : e.serialNumber().normalised());
                        integer(ps, 9, e.year());
                        string(ps, 10, e.importCountry() == null ? null : e.importCountry().value());
                        integer(ps, 11, e.importYear());
                        string(ps, 12, e.model());
                        string(ps, 13, e.calibre() == null ? null : e.calibre().value());
                        string(ps, 14, e.geometricSymbols());
                        string(ps, 15, e.symbolCode());
                        string(ps, 16, m.location());
                        string(ps, 17, m.method() == null ? null : m.method().name());
                        ps.setObject(18, when);
                    }));
        }
        return fresh;
    }

    @FunctionalInterface
    private interface Setter {
        void set(PreparedStatement ps, int i) throws SQLException;
    }

    private static BatchPreparedStatementSetter batch(int size, Setter setter) {
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                setter.set(ps, i);
            }

            @Override
            public int getBatchSize() {
                return size;
            }
        };
    }

    private static void string(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    private static void integer(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
