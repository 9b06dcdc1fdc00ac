package org.ferret.prints.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ferret.printfiles.fingerprint.Fingerprint;
import org.ferret.printfiles.fingerprint.Library;
import org.ferret.prints.HeldFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of print screening: known parts, held screenings and held file bytes (V180). */
@Repository
public class PrintStore {
    private final JdbcClient jdbc;

    public PrintStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant at(ResultSet rs, String c) throws SQLException {
        OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The library as it stands: every known part, its version the highest an added part made. */
    public Library library() {
        List<Library.Entry> entries = jdbc.sql("select id, part_type, source, sha256, fingerprint from prints_known_part order by library_version")
                .query((rs, n) -> new Library.Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4).isEmpty() ? java.util.Set.of() : new LinkedHashSet<>(Arrays.asList(rs.getString(4).split(","))),
                        Fingerprint.decode(rs.getString(5)))).list();
        long version = jdbc.sql("select coalesce(max(library_version), 0) from prints_known_part").query(Long.class).single();
        return new Library(version, entries);
    }

    public long version() {
        return jdbc.sql("select coalesce(max(library_version), 0) from prints_known_part").query(Long.class).single();
    }

    public boolean partExists(String id) {
        return jdbc.sql("select count(*) from prints_known_part where id = ?").param(id).query(Integer.class).single() > 0;
    }

    public void addPart(Library.Entry e, long version, String by, Instant at) {
        jdbc.sql("insert into prints_known_part (id, library_version, part_type, source, sha256, fingerprint, added_by, added_at) values (?,?,?,?,?,?,?,?)")
                .params(e.id(), version, e.partType(), e.source(), String.join(",", e.sha256()), e.fingerprint().encode(), by, ts(at)).update();
    }

    public void hold(UUID id, String client, String fileName, String sha256, String verdict, String json, String fingerprint,
            long libraryVersion, Instant at, byte[] bytes) {
        jdbc.sql("insert into prints_held (id, client, file_name, sha256, verdict, screening_json, fingerprint, library_version, screened_at) values (?,?,?,?,?,?,?,?,?)")
                .params(id, client, fileName, sha256, verdict, json, fingerprint, libraryVersion, ts(at)).update();
        jdbc.sql("insert into prints_held_file (held_id, bytes) values (?, ?)").params(id, bytes).update();
    }

    private static final String COLUMNS = "h.id, h.client, h.file_name, h.sha256, h.verdict, h.screening_json, h.library_version, h.screened_at, "
            + "h.outcome, h.disposition, h.decision_reason, h.decided_by, h.decided_at, (select count(*) from prints_held_file f where f.held_id = h.id) as has_file";

    private static HeldFile row(ResultSet rs, int n) throws SQLException {
        return new HeldFile(rs.getObject("id", UUID.class), rs.getString("client"), rs.getString("file_name"), rs.getString("sha256"),
                rs.getString("verdict"), rs.getString("screening_json"), rs.getLong("library_version"), at(rs, "screened_at"),
                rs.getString("outcome") == null ? null : org.ferret.prints.ReviewOutcome.valueOf(rs.getString("outcome")),
                rs.getString("disposition") == null ? null : org.ferret.prints.FileDisposition.valueOf(rs.getString("disposition")),
                rs.getString("decision_reason"), rs.getString("decided_by"), at(rs, "decided_at"), rs.getInt("has_file") > 0);
    }

    public List<HeldFile> list(boolean open, int limit) {
        return jdbc.sql("select " + COLUMNS + " from prints_held h where h.decided_at is " + (open ? "" : "not ") + "null order by h.screened_at "
                + (open ? "asc" : "desc") + " limit " + limit).query(PrintStore::row).list();
    }

    public Optional<HeldFile> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from prints_held h where h.id = ?").param(id).query(PrintStore::row).optional();
    }

    public Optional<byte[]> bytes(UUID id) {
        return jdbc.sql("select bytes from prints_held_file where held_id = ?").param(id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Records the decision once (false when another reviewer decided first). */
    public boolean decide(UUID id, String outcome, String disposition, String reason, String by, Instant at) {
        return jdbc.sql("update prints_held set outcome = ?, disposition = ?, decision_reason = ?, decided_by = ?, decided_at = ? where id = ? and decided_at is null")
                .params(outcome, disposition, reason, by, ts(at), id).update() == 1;
    }

    public void deleteBytes(UUID id) {
        jdbc.sql("delete from prints_held_file where held_id = ?").param(id).update();
    }
}
