package org.ferret.audit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Clob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The row hashing behind {@link RecordCoverage}: a row is read back by its primary key and hashed in a canonical form
 * (every column but the table's derived ones, sorted by name, each {@code name=length:value;}, SQL nulls left out so
 * that adding a nullable column keeps the hashes of existing rows), and the records of a transaction are written as
 * one batch with a running digest that its audit entry commits.
 */
@Component
class RecordHashing {

    /** Keys per SELECT when rows are read back, and records per INSERT. */
    static final int CHUNK = 500;
    /** Records per INSERT on PostgreSQL, where they go as arrays (one statement of constant text). */
    static final int ARRAY_CHUNK = 10_000;

    private final JdbcTemplate jdbc;
    private final ObjectProvider<CoveredTable> declared;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();

    RecordHashing(DataSource dataSource, ObjectProvider<CoveredTable> declared) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.declared = declared;
    }

    /** The covered tables the modules declared, by name. */
    Map<String, CoveredTable> declared() {
        Map<String, CoveredTable> out = new LinkedHashMap<>();
        declared.orderedStream().forEach(t -> out.put(t.name(), t));
        return out;
    }

    Table table(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return tables.computeIfAbsent(n, k -> {
            CoveredTable t = declared().get(k);
            if (t == null) {
                throw new IllegalArgumentException("table " + k + " is not declared as a CoveredTable");
            }
            Map<String, String> typeNames = new LinkedHashMap<>();
            Map<String, Integer> types = keyTypes(t, typeNames);
            return new Table(t, types, postgres() ? postgresKeyTypes(t, typeNames) : null);
        });
    }

    private Map<String, Integer> keyTypes(CoveredTable t, Map<String, String> typeNames) {
        return jdbc.query("select * from " + t.name() + " where 1 = 0", rs -> {
            ResultSetMetaData md = rs.getMetaData();
            Map<String, Integer> types = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String col = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                if (t.key().contains(col)) {
                    String type = md.getColumnTypeName(i).toLowerCase(Locale.ROOT);
                    typeNames.put(col, type);
                    types.put(col, type.contains("uuid") ? Types.OTHER
                            : type.contains("int") ? Types.BIGINT : Types.VARCHAR);
                }
            }
            return types;
        });
    }

    /** PostgreSQL type names of the key columns, in key order, or null if one is not a plain type name to cast to. */
    private static List<String> postgresKeyTypes(CoveredTable t, Map<String, String> typeNames) {
        List<String> out = new ArrayList<>();
        for (String k : t.key()) {
            String type = typeNames.get(k);
            if (type == null || !type.matches("[a-z][a-z0-9_]*")) {
                return null;
            }
            out.add(type);
        }
        return out;
    }

    private volatile Boolean postgres;

    private boolean postgres() {
        if (postgres == null) {
            postgres = Boolean.TRUE.equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) con ->
                    con.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
        }
        return postgres;
    }

    /**
     * A covered table with what is needed to query it by key; {@code arrayKeyTypes}, on PostgreSQL, the key columns'
     * type names for reading rows back by arrays of keys (null: by an {@code in} list).
     */
    record Table(CoveredTable spec, Map<String, Integer> keyTypes, List<String> arrayKeyTypes) {

        String name() {
            return spec.name();
        }

        /** The canonical text of a key: its parts joined by '/'. */
        static String key(List<?> parts) {
            if (parts.size() == 1) {
                return String.valueOf(parts.getFirst());
            }
            StringBuilder sb = new StringBuilder();
            for (Object p : parts) {
                if (!sb.isEmpty()) {
                    sb.append('/');
                }
                sb.append(p);
            }
            return sb.toString();
        }

        /** The typed key values of a canonical key text. */
        List<Object> parse(String key) {
            String[] parts = spec.key().size() == 1 ? new String[] {key} : key.split("/", -1);
            List<Object> out = new ArrayList<>(parts.length);
            for (int i = 0; i < spec.key().size(); i++) {
                String p = parts[i];
                out.add(switch (keyTypes.getOrDefault(spec.key().get(i), Types.VARCHAR)) {
                    case Types.OTHER -> UUID.fromString(p);
                    case Types.BIGINT -> Long.parseLong(p);
                    default -> p;
                });
            }
            return out;
        }

        String whereKeyIn(int n) {
            StringBuilder sb = new StringBuilder(" where ");
            if (spec.key().size() == 1) {
                sb.append(spec.key().getFirst()).append(" in (").append("?,".repeat(n - 1)).append("?)");
            } else {
                String one = "(" + "?,".repeat(spec.key().size() - 1) + "?)";
                sb.append('(').append(String.join(", ", spec.key())).append(") in (");
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append(one);
                }
                sb.append(')');
            }
            return sb.toString();
        }
    }

    /**
     * Reads the rows with these keys (typed key values, in key-column order) and gives each one's canonical key and
     * hash to {@code sink}; keys with no row are simply not given.
     */
    void hashRows(Table t, List<List<Object>> keys, BiConsumer<String, String> sink) {
        if (t.arrayKeyTypes() != null) {
            hashRowsByArrays(t, keys, sink);
            return;
        }
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<List<Object>> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            jdbc.query(con -> {
                PreparedStatement ps = con.prepareStatement("select * from " + t.name() + t.whereKeyIn(chunk.size()));
                int p = 1;
                for (List<Object> k : chunk) {
                    for (Object v : k) {
                        ps.setObject(p++, v);
                    }
                }
                return ps;
            }, hashEach(t, sink));
        }
    }

    /**
     * PostgreSQL: the rows read back with the keys as arrays (one per key column, as text cast to the column's type),
     * one look-up by the primary key per key ({@code unnest} and a lateral join, {@code limit 1} so that it is not
     * flattened into a hash join), whatever the table's statistics. The {@code (a, b) in ((?, ?), …)} of 1,000 keys was
     * planned as a 1,000-armed OR (tens of milliseconds to plan, every time) and dominated the cost of writing parcels,
     * and an {@code id in (…)} or {@code = any(…)} of 500 keys was planned, on a table never analysed, as a scan of the
     * whole table (docs/benchmarks.md, "Kafka ingest"). Keys are read once each, as by an {@code in} list.
     */
    private void hashRowsByArrays(Table t, List<List<Object>> keys, BiConsumer<String, String> sink) {
        List<String> cols = t.spec().key();
        List<String> types = t.arrayKeyTypes();
        StringBuilder arrays = new StringBuilder(), names = new StringBuilder(), match = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            arrays.append(i == 0 ? "" : ", ").append("?::text[]");
            names.append(i == 0 ? "" : ", ").append("k").append(i);
            match.append(i == 0 ? "" : " and ").append("t0.").append(cols.get(i)).append(" = k.k").append(i).append("::").append(types.get(i));
        }
        String sql = "select r.* from unnest(" + arrays + ") as k(" + names + ") cross join lateral (select * from " + t.name()
                + " t0 where " + match + " limit 1) r";
        List<List<Object>> distinct = List.copyOf(new LinkedHashSet<>(keys));
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<List<Object>> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            jdbc.query(con -> {
                PreparedStatement ps = con.prepareStatement(sql);
                if (ps.isWrapperFor(org.postgresql.PGStatement.class)) {
                    // never a server-side prepared statement: a select * whose table gains a column (a migration of
                    // another instance, a test) would fail with "cached plan must not change result type"
                    ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
                }
                for (int c = 0; c < cols.size(); c++) {
                    String[] values = new String[chunk.size()];
                    for (int r = 0; r < chunk.size(); r++) {
                        values[r] = String.valueOf(chunk.get(r).get(c));
                    }
                    ps.setArray(c + 1, con.createArrayOf("text", values));
                }
                return ps;
            }, hashEach(t, sink));
        }
    }

    /** Gives each row of a {@code select *} result its canonical key and hash. */
    private static org.springframework.jdbc.core.ResultSetExtractor<Void> hashEach(Table t, BiConsumer<String, String> sink) {
        return rs -> {
            RowHasher h = new RowHasher(rs.getMetaData(), t.spec());
            while (rs.next()) {
                sink.accept(h.key(rs), h.hash(rs));
            }
            return null;
        };
    }

    /** Hashes one row of a result set of {@code select *} on a covered table. */
    static final class RowHasher {
        private final int[] columns;
        private final String[] names;
        private final int[] types;
        private final int[] keyColumns;

        RowHasher(ResultSetMetaData md, CoveredTable spec) throws SQLException {
            Map<String, Integer> byName = new java.util.TreeMap<>();
            Map<String, Integer> all = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                all.put(name, i);
                if (!spec.derived().contains(name)) {
                    byName.put(name, i);
                }
            }
            columns = byName.values().stream().mapToInt(Integer::intValue).toArray();
            names = byName.keySet().toArray(String[]::new);
            types = new int[columns.length];
            for (int c = 0; c < columns.length; c++) {
                int type = md.getColumnType(columns[c]);
                String typeName = String.valueOf(md.getColumnTypeName(columns[c])).toLowerCase(Locale.ROOT);
                if (typeName.contains("timestamptz") || typeName.contains("time zone")) {
                    type = Types.TIMESTAMP_WITH_TIMEZONE;
                }
                types[c] = type;
            }
            keyColumns = spec.key().stream().mapToInt(k -> {
                Integer i = all.get(k);
                if (i == null) {
                    throw new IllegalStateException("covered table " + spec.name() + " has no key column " + k);
                }
                return i;
            }).toArray();
        }

        String key(ResultSet rs) throws SQLException {
            List<Object> parts = new ArrayList<>(keyColumns.length);
            for (int k : keyColumns) {
                parts.add(rs.getObject(k));
            }
            return Table.key(parts);
        }

        String hash(ResultSet rs) throws SQLException {
            StringBuilder sb = new StringBuilder(256);
            for (int c = 0; c < columns.length; c++) {
                String v = canonical(rs, columns[c], types[c]);
                if (v != null) {
                    sb.append(names[c]).append('=').append(v.length()).append(':').append(v).append(';');
                }
            }
            return sha256(sb.toString());
        }

        /** The column's value as canonical text, null for SQL null; each value read once, by its type's getter. */
        private static String canonical(ResultSet rs, int i, int type) throws SQLException {
            switch (type) {
                case Types.TIMESTAMP_WITH_TIMEZONE -> {
                    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                    return t == null ? null : t.toInstant().toString();
                }
                case Types.TIMESTAMP -> {
                    LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                    return t == null ? null : t.toString();
                }
                case Types.DATE -> {
                    LocalDate d = rs.getObject(i, LocalDate.class);
                    return d == null ? null : d.toString();
                }
                case Types.CHAR, Types.NCHAR -> {
                    String c = rs.getString(i);
                    return c == null ? null : c.stripTrailing();
                }
                case Types.NUMERIC, Types.DECIMAL -> {
                    BigDecimal d = rs.getBigDecimal(i);
                    return d == null ? null : d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
                }
                default -> {
                    Object v = rs.getObject(i);
                    return v == null ? null : v instanceof Clob clob ? clob.getSubString(1, (int) clob.length())
                            : v instanceof byte[] b ? HexFormat.of().formatHex(b) : v.toString();
                }
            }
        }
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final MessageDigest SHA_256 = newDigest();

    /** A fresh SHA-256: a copy of a prototype (the provider look-up of getInstance, per covered row, cost more than the copy). */
    static MessageDigest digest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newDigest();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The digest input of one record: its position, table, key and hash (or '-' for a release), length-prefixed. */
    static byte[] recordText(int pos, String table, String key, String hash) {
        String h = hash == null ? "-" : hash;
        return (pos + "|" + table.length() + ":" + table + "|" + key.length() + ":" + key + "|" + h + ";")
                .getBytes(StandardCharsets.UTF_8);
    }

    Batch newBatch() {
        return new Batch();
    }

    /** One transaction's records: rows to hash at commit, records waiting to be written, and the running digest. */
    final class Batch {
        private final UUID id = UUID.randomUUID();
        private final Map<String, Set<List<Object>>> deferred = new LinkedHashMap<>();
        private final List<Object[]> unwritten = new ArrayList<>(CHUNK);
        private final MessageDigest digest = RecordHashing.digest();
        private int pos;
        private String sealed;

        UUID id() {
            return id;
        }

        long count() {
            return pos;
        }

        String digest() {
            return sealed;
        }

        void defer(String table, List<Object> key) {
            deferred.computeIfAbsent(table(table).name(), k -> new LinkedHashSet<>()).add(List.copyOf(key));
        }

        void hashNow(String table, Collection<List<Object>> keys) {
            Table t = table(table);
            List<List<Object>> list = List.copyOf(keys);
            Set<String> found = new java.util.HashSet<>();
            hashRows(t, list, (key, hash) -> {
                found.add(key);
                append(t.name(), key, hash);
            });
            for (List<Object> k : list) {
                if (!found.contains(Table.key(k))) {
                    throw new IllegalStateException("no row " + Table.key(k) + " in " + t.name() + " to cover");
                }
            }
        }

        /** Hashes every row of a {@code returning *} / {@code select *} result of {@code table} now; the count. */
        int hashResult(String table, ResultSet rs) throws SQLException {
            Table t = table(table);
            RowHasher h = new RowHasher(rs.getMetaData(), t.spec());
            int n = 0;
            while (rs.next()) {
                append(t.name(), h.key(rs), h.hash(rs));
                n++;
            }
            return n;
        }

        void release(String table, Collection<List<Object>> keys) {
            Table t = table(table);
            for (List<Object> k : keys) {
                Set<List<Object>> pending = deferred.get(t.name());
                if (pending != null) {
                    pending.remove(k);
                }
                append(t.name(), Table.key(k), null);
            }
        }

        private void append(String table, String key, String hash) {
            if (sealed != null) {
                throw new IllegalStateException("records covered after the transaction's audit entries were written");
            }
            pos++;
            digest.update(recordText(pos, table, key, hash));
            unwritten.add(new Object[] {id, pos, table, key, hash});
            if (unwritten.size() >= (postgres() ? ARRAY_CHUNK : CHUNK)) {
                write();
            }
        }

        private void write() {
            if (unwritten.isEmpty()) {
                return;
            }
            if (postgres()) {
                writeSets();
                return;
            }
            String one = "(?,?,?,?,?)";
            StringBuilder sql = new StringBuilder("insert into audit_record (batch, pos, table_name, record_key, row_hash) values ");
            for (int i = 0; i < unwritten.size(); i++) {
                sql.append(i == 0 ? "" : ",").append(one);
            }
            List<Object> args = new ArrayList<>(unwritten.size() * 5);
            unwritten.forEach(r -> args.addAll(java.util.Arrays.asList(r)));
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(sql.toString());
                for (int i = 0; i < args.size(); i++) {
                    Object v = args.get(i);
                    if (v == null) {
                        ps.setNull(i + 1, Types.CHAR);
                    } else {
                        ps.setObject(i + 1, v);
                    }
                }
                return ps;
            });
            unwritten.clear();
        }

        /**
         * PostgreSQL: the records as sets, one row of {@code audit_record_set} per run of consecutive records of one
         * table (their keys and hashes as two arrays, positions {@code first_pos} on): a batch of a hundred parcels
         * costs three rows and their index entries, not four hundred (docs/benchmarks.md, "Where the WAL goes, and
         * the coverage records in sets"). The records read back one by one through the view {@code audit_record_all}.
         */
        private void writeSets() {
            int n = unwritten.size();
            List<Object[]> sets = new ArrayList<>();
            int from = 0;
            for (int i = 1; i <= n; i++) {
                if (i == n || !unwritten.get(i)[2].equals(unwritten.get(from)[2])) {
                    String[] keys = new String[i - from], hashes = new String[i - from];
                    for (int k = from; k < i; k++) {
                        keys[k - from] = (String) unwritten.get(k)[3];
                        hashes[k - from] = (String) unwritten.get(k)[4];
                    }
                    Object[] first = unwritten.get(from);
                    sets.add(new Object[] {first[0], first[1], first[2], RecordCoverage.textArray(keys, keys.length),
                            RecordCoverage.textArray(hashes, hashes.length)});
                    from = i;
                }
            }
            jdbc.batchUpdate("""
                    insert into audit_record_set (batch, first_pos, table_name, record_keys, row_hashes)
                    values (?, ?, ?, ?::text[], ?::text[])""", sets, sets.size(), (ps, set) -> {
                ps.setObject(1, set[0]);
                ps.setInt(2, (Integer) set[1]);
                ps.setString(3, (String) set[2]);
                ps.setObject(4, set[3], Types.OTHER);
                ps.setObject(5, set[4], Types.OTHER);
            });
            unwritten.clear();
        }
    }

    /** Hashes the rows deferred to the commit, writes the last records and fixes the batch's digest. */
    void seal(Batch b) {
        if (b.sealed != null) {
            return;
        }
        for (Map.Entry<String, Set<List<Object>>> e : b.deferred.entrySet()) {
            b.hashNow(e.getKey(), e.getValue());
        }
        b.deferred.clear();
        b.write();
        b.sealed = HexFormat.of().formatHex(b.digest.digest());
    }
}
