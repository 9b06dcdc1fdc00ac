package org.ferret.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the covered tables against the record hashes the audit chain commits ({@link RecordCoverage}), and runs the
 * modules' checks of derived state ({@link DerivedStateCheck}). Finds, and names by table, record and audit entry:
 * coverage records altered, removed or added (their batch no longer matches its entry's digest); a row whose content
 * differs from its latest record (edited directly); a covered row that is gone (deleted directly); a row that no audit
 * entry covers (inserted directly).
 */
@Service
public class RecordCoverageVerifier {

    /** Problems reported at most; the count of all of them is always given. */
    static final int MAX_PROBLEMS = 100;

    /** One finding: which table and record (null for a whole batch or a derived-state check), the entry, and what. */
    public record Problem(String table, String record, Long entry, String what) {
        @Override
        public String toString() {
            return what;
        }
    }

    /** The outcome: intact when nothing was found; {@code problems} holds the first {@value #MAX_PROBLEMS}. */
    public record Verification(boolean intact, long recordsChecked, long derivedChecked, long problemCount,
            String reason, List<Problem> problems, List<String> tables) {
    }

    private final JdbcTemplate jdbc;
    private final RecordHashing hashing;
    private final ObjectProvider<DerivedStateCheck> derivedChecks;

    RecordCoverageVerifier(DataSource dataSource, RecordHashing hashing, ObjectProvider<DerivedStateCheck> derivedChecks) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.hashing = hashing;
        this.derivedChecks = derivedChecks;
    }

    private static final class Findings {
        final List<Problem> shown = new ArrayList<>();
        long count;

        void add(Problem p) {
            count++;
            if (shown.size() < MAX_PROBLEMS) {
                shown.add(p);
            }
        }
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        Findings f = new Findings();
        Map<UUID, Long> batchEntry = batches(f);
        long checked = 0;
        List<String> tables = new ArrayList<>(hashing.declared().keySet());
        for (String table : tables) {
            checked += table(hashing.table(table), batchEntry, f);
        }
        long derived = 0;
        for (DerivedStateCheck c : derivedChecks.orderedStream().toList()) {
            derived += c.check(what -> f.add(new Problem(null, null, null, c.describe() + ": " + what)));
        }
        return new Verification(f.count == 0, checked, derived, f.count, f.shown.isEmpty() ? null : f.shown.getFirst().what(),
                List.copyOf(f.shown), List.copyOf(tables));
    }

    private record Committed(long seq, long count, String digest) {
    }

    /** Checks every batch of records against the digest its entry commits; returns batch → entry seq. */
    private Map<UUID, Long> batches(Findings f) {
        Map<UUID, Committed> committed = new HashMap<>();
        jdbc.query("select seq, cover_batch, cover_count, cover_digest from audit_log where cover_batch is not null", rs -> {
            committed.put(rs.getObject(2, UUID.class), new Committed(rs.getLong(1), rs.getLong(3), rs.getString(4).trim()));
        });
        Map<UUID, Long> seen = new LinkedHashMap<>();
        Object[] current = {null, null, 0L};
        MessageDigest[] digest = {RecordHashing.digest()};
        Runnable close = () -> {
            UUID b = (UUID) current[0];
            if (b == null) {
                return;
            }
            long n = (Long) current[2];
            Committed c = committed.get(b);
            String d = HexFormat.of().formatHex(digest[0].digest());
            if (c == null) {
                f.add(new Problem(null, null, null, n + " coverage record(s) of batch " + b
                        + " belong to no audit entry: they were inserted directly"));
            } else if (c.count() != n || !c.digest().equals(d)) {
                f.add(new Problem(null, null, c.seq(), "the coverage records committed by entry " + c.seq()
                        + " were altered, removed or added (" + n + " found, " + c.count() + " committed)"));
            }
            seen.put(b, c == null ? null : c.seq());
        };
        jdbc.query("select batch, pos, table_name, record_key, row_hash from audit_record_all order by batch, pos", rs -> {
            UUID b = rs.getObject(1, UUID.class);
            if (!b.equals(current[0])) {
                close.run();
                current[0] = b;
                current[2] = 0L;
                digest[0] = RecordHashing.digest();
            }
            current[2] = (Long) current[2] + 1;
            String hash = rs.getString(5);
            digest[0].update(RecordHashing.recordText(rs.getInt(2), rs.getString(3), rs.getString(4),
                    hash == null ? null : hash.trim()));
        });
        close.run();
        Map<UUID, Long> out = new HashMap<>();
        committed.forEach((b, c) -> {
            if (!seen.containsKey(b)) {
                f.add(new Problem(null, null, c.seq(), "the " + c.count() + " coverage record(s) committed by entry "
                        + c.seq() + " are missing"));
            }
            out.put(b, c.seq());
        });
        return out;
    }

    /** A row's latest record: the entry that committed it and the hash (null if released). */
    private record Latest(String key, long entry, String hash) {
    }

    /**
     * Compares every covered row with its latest record. Records are streamed grouped by key (the last of a group, by
     * entry and position, is the latest); rows are read back by key in chunks; then, if the table holds more rows than
     * were matched, the rows no live record covers are named ({@link #uncovered}).
     */
    private long table(RecordHashing.Table t, Map<UUID, Long> batchEntry, Findings f) {
        List<Latest> chunk = new ArrayList<>(RecordHashing.CHUNK);
        long[] matched = {0};
        latest(t, batchEntry, l -> {
            if (l.hash() == null) {
                return;
            }
            chunk.add(l);
            if (chunk.size() >= RecordHashing.CHUNK) {
                compare(t, chunk, matched, f);
            }
        });
        compare(t, chunk, matched, f);
        long rows = jdbc.queryForObject("select count(*) from " + t.name(), Long.class);
        if (rows > matched[0]) {
            uncovered(t, batchEntry, f);
        }
        return rows;
    }

    /** Streams the latest record of each key of the table that has a record in a committed batch, in key order. */
    private void latest(RecordHashing.Table t, Map<UUID, Long> batchEntry, java.util.function.Consumer<Latest> each) {
        Latest[] group = {null};
        long[] groupPos = {-1};
        jdbc.query("select record_key, batch, pos, row_hash from audit_record_all where table_name = ? order by record_key",
                rs -> {
                    String key = rs.getString(1);
                    Long entry = batchEntry.get(rs.getObject(2, UUID.class));
                    long pos = rs.getLong(3);
                    String hash = rs.getString(4);
                    if (entry == null) {
                        return; // reported with its batch
                    }
                    if (group[0] != null && !group[0].key().equals(key)) {
                        each.accept(group[0]);
                        group[0] = null;
                    }
                    if (group[0] == null || entry > group[0].entry() || (entry == group[0].entry() && pos > groupPos[0])) {
                        group[0] = new Latest(key, entry, hash == null ? null : hash.trim());
                        groupPos[0] = pos;
                    }
                }, t.name());
        if (group[0] != null) {
            each.accept(group[0]);
        }
    }

    private void compare(RecordHashing.Table t, List<Latest> chunk, long[] matched, Findings f) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<String, String> hashes = new HashMap<>();
        hashing.hashRows(t, chunk.stream().map(l -> t.parse(l.key())).toList(), hashes::put);
        for (Latest l : chunk) {
            String now = hashes.get(l.key());
            if (now == null) {
                f.add(new Problem(t.name(), l.key(), l.entry(), "row " + l.key() + " of " + t.name()
                        + " was deleted: audit entry " + l.entry() + " covers it, the table no longer has it"));
            } else {
                matched[0]++;
                if (!now.equals(l.hash())) {
                    f.add(new Problem(t.name(), l.key(), l.entry(), "row " + l.key() + " of " + t.name()
                            + " was altered: its content no longer matches what audit entry " + l.entry() + " covered"));
                }
            }
        }
        chunk.clear();
    }

    /**
     * Names the rows of the table that no live record covers: the rows with no record of a committed batch at all,
     * found by the database (an anti-join of the table's keys, as text, against the records: one query, whichever
     * way the records are stored), then the rows whose latest record released them (streamed, read back by key in
     * chunks).
     */
    private void uncovered(RecordHashing.Table t, Map<UUID, Long> batchEntry, Findings f) {
        String key = keyText(t, "t");
        jdbc.query("select " + key + " from " + t.name() + " t where not exists (select 1 from audit_record_all r"
                + " join audit_log a on a.cover_batch = r.batch where r.table_name = ? and r.record_key = " + key + ")", rs -> {
                    String k = rs.getString(1);
                    f.add(new Problem(t.name(), k, null, "row " + k + " of " + t.name()
                            + " is covered by no audit entry: it was inserted directly"));
                }, t.name());
        List<Latest> released = new ArrayList<>(RecordHashing.CHUNK);
        latest(t, batchEntry, l -> {
            if (l.hash() != null) {
                return;
            }
            released.add(l);
            if (released.size() >= RecordHashing.CHUNK) {
                stillThere(t, released, f);
            }
        });
        stillThere(t, released, f);
    }

    /** Reports the released rows that the table holds again. */
    private void stillThere(RecordHashing.Table t, List<Latest> released, Findings f) {
        if (released.isEmpty()) {
            return;
        }
        java.util.Set<String> there = new java.util.HashSet<>();
        hashing.hashRows(t, released.stream().map(l -> t.parse(l.key())).toList(), (k, h) -> there.add(k));
        for (Latest l : released) {
            if (there.contains(l.key())) {
                f.add(new Problem(t.name(), l.key(), null, "row " + l.key() + " of " + t.name() + " is covered by no audit entry"
                        + " (entry " + l.entry() + " released it): it was inserted directly"));
            }
        }
        released.clear();
    }

    /**
     * A row's key as the records write it ({@code RecordHashing.Table.key}: the key columns' values as text, joined by
     * '/'), as SQL over the table's alias: the covered tables' keys are uuids, text and integers, whose text is the
     * same in Java and in both databases.
     */
    private static String keyText(RecordHashing.Table t, String alias) {
        List<String> cols = t.spec().key().stream().map(c -> "cast(" + alias + "." + c + " as varchar)").toList();
        return cols.size() == 1 ? cols.getFirst() : "concat_ws('/', " + String.join(", ", cols) + ")";
    }
}
