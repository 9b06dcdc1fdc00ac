package org.ferret.standards;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Packs an authority uploads at run time (docs/standards.md, "Uploading a pack"): validated by the one reader, stored
 * with their text and sha-256, audited, and added to {@link StandardPacks} at once; read again at every start. A new
 * version of an id is added beside the old ones; the same id and version again is accepted only with the same text
 * (nothing changes); a pack read from a file (shipped, or ferret.standards.packs-dir) is never replaced. Other
 * instances on the same database read new and withdrawn versions at their next {@link #refresh}.
 */
@Service
public class UploadedPacks {

    /** What is kept of an uploaded version beside its text. */
    public record Stored(String id, String version, String fileName, String sha256, String uploadedBy, Instant uploadedAt,
            String withdrawnBy, Instant withdrawnAt, String withdrawnReason) {
        public String reference() {
            return id + "@" + version;
        }

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    /** The answer to an upload: the pack, what was stored, and whether this upload stored it (false: the same text was there). */
    public record Uploaded(StandardPack pack, Stored stored, boolean created) {
    }

    static final String PASTED = "pasted text";

    private final StandardPacks packs;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<String, Stored> stored = new ConcurrentHashMap<>();

    UploadedPacks(StandardPacks packs, JdbcClient jdbc, AuditLog audit, PlatformTransactionManager txm, ObjectProvider<Clock> clock) {
        this.packs = packs;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = new TransactionTemplate(txm);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        loadStored();
    }

    /** Every stored pack, read again with the reader of this version; one that no longer validates stops the start. */
    private void loadStored() {
        load(true);
    }

    /**
     * Reads the versions other instances on this database stored or withdrew since (every
     * {@code ferret.standards.uploads.refresh}, 30 s by default): one small query when nothing changed.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${ferret.standards.uploads.refresh:PT30S}",
            initialDelayString = "${ferret.standards.uploads.refresh:PT30S}")
    public void refresh() {
        load(false);
    }

    private synchronized void load(boolean atStart) {
        record Key(String id, String version, boolean withdrawn) {
        }
        List<Key> keys = jdbc.sql("select pack_id, pack_version, withdrawn_at from standards_pack order by uploaded_at, pack_id, pack_version")
                .query((rs, n) -> new Key(rs.getString(1), rs.getString(2), rs.getObject(3) != null)).list();
        for (Key k : keys) {
            Stored known = stored.get(k.id() + "@" + k.version());
            if (known != null && known.withdrawn() == k.withdrawn()) {
                continue;
            }
            record Row(Stored stored, String text) {
            }
            Row r = jdbc.sql("select * from standards_pack where pack_id = ? and pack_version = ?").params(k.id(), k.version())
                    .query((rs, n) -> new Row(stored(rs), rs.getString("pack_text"))).single();
            StandardPack pack = packs.find(k.id(), k.version()).orElse(null);
            if (pack == null) {
                pack = StandardPack.parse(r.stored().fileName(), r.text());
                packs.add(pack);
            } else if (packs.fromFile(pack)) {
                PackInvalidException clash = new PackInvalidException(r.stored().fileName(), List.of(new FieldProblem("version", null,
                        pack.reference() + " was uploaded on " + r.stored().uploadedAt() + " and is also read from " + pack.file()
                        + "; remove the file or give it another version")));
                if (atStart) {
                    throw clash;
                }
                org.slf4j.LoggerFactory.getLogger(UploadedPacks.class).error(clash.getMessage());
                continue;
            }
            if (r.stored().withdrawn()) {
                packs.withdraw(pack);
            }
            stored.put(pack.reference(), r.stored());
        }
    }

    /**
     * Validates and stores a pack's text ({@code fileName}: the uploaded file's name, or null for pasted text). Refused:
     * a pack that does not validate (every problem with its line and field), the id and version of a pack read from a
     * file, or of a stored one with a different text.
     */
    public Uploaded upload(String fileName, String text) {
        String name = fileName == null || fileName.isBlank() ? PASTED : fileName.strip();
        if (name.length() > 200) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "The file name is too long",
                    List.of(new FieldProblem("fileName", "at most 200 characters")));
        }
        if (text == null || text.isBlank()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "No pack text was given",
                    List.of(new FieldProblem("text", "give the pack's YAML text (docs/standards.md)")));
        }
        String normal = text.replace("\r\n", "\n").replace('\r', '\n');
        StandardPack pack = StandardPack.parse(name, normal);
        if (pack.version().length() > 64 || !pack.version().matches("[^@\\p{Cntrl}]+")) {
            throw new PackInvalidException(name, List.of(new FieldProblem("version", null,
                    "a version is at most 64 characters, without '@' (which separates id and version in a reference)")));
        }
        if (packs.find(pack.id(), pack.version()).filter(packs::fromFile).isPresent()) {
            StandardPack file = packs.get(pack.id(), pack.version());
            throw new FerretException(ErrorCode.CONFLICT, pack.reference() + " is read from " + file.file()
                    + " and cannot be replaced by an upload; give your text another version",
                    List.of(new FieldProblem("version", "version " + pack.version() + " of " + pack.id() + " comes with Ferret ("
                            + file.file() + "); give the changed text a new version")));
        }
        String sha = sha256(normal);
        Uploaded done;
        try {
            done = tx.execute(s -> store(pack, name, normal, sha));
        } catch (DuplicateKeyException raced) {
            done = tx.execute(s -> store(pack, name, normal, sha));
        }
        synchronized (this) { // against a refresh adding the same version
            if (packs.find(pack.id(), pack.version()).isEmpty()) {
                packs.add(done.pack());
            }
            stored.put(pack.reference(), done.stored());
        }
        return done;
    }

    private Uploaded store(StandardPack pack, String name, String text, String sha) {
        Optional<Stored> before = jdbc.sql("select * from standards_pack where pack_id = ? and pack_version = ?")
                .params(pack.id(), pack.version()).query((rs, n) -> stored(rs)).optional();
        if (before.isPresent()) {
            Stored b = before.get();
            if (b.sha256().equals(sha)) {
                return new Uploaded(packs.find(pack.id(), pack.version()).orElse(pack), b, false);
            }
            String why = "version " + pack.version() + " of " + pack.id() + " was uploaded by " + b.uploadedBy() + " at "
                    + b.uploadedAt() + " with another text (sha-256 " + b.sha256().substring(0, 12) + "…); a changed text needs a new version";
            throw new FerretException(ErrorCode.CONFLICT, pack.reference() + " is already stored with another text",
                    List.of(new FieldProblem("version", why)));
        }
        Instant now = clock.instant();
        String by = Actor.current().username();
        jdbc.sql("""
                insert into standards_pack (pack_id, pack_version, sha256, file_name, pack_text, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(pack.id(), pack.version(), sha, name, text, by, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("standard", pack.reference());
        after.put("title", pack.title());
        after.put("purpose", pack.purpose().fileName());
        after.put("requirements", pack.requirements().size());
        after.put("file", name);
        after.put("sha256", sha);
        audit.record("STANDARD_PACK_UPLOADED", "standards_pack", pack.reference(), null, after);
        return new Uploaded(pack, new Stored(pack.id(), pack.version(), name, sha, by, now, null, null, null), true);
    }

    /** Withdraws an uploaded version: kept and readable, no new assessment under it. A pack read from a file cannot be. */
    public Stored withdraw(String id, String version, String reason) {
        StandardPack pack = packs.get(id, version);
        if (packs.fromFile(pack)) {
            throw new FerretException(ErrorCode.CONFLICT, pack.reference() + " is read from " + pack.file() + " and cannot be withdrawn here",
                    List.of(new FieldProblem("version", "only uploaded versions are withdrawn here; a file pack is removed from its directory")));
        }
        if (reason == null || reason.isBlank()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "Say why the version is withdrawn",
                    List.of(new FieldProblem("reason", "must be given")));
        }
        if (reason.length() > 2000) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "The reason is too long", List.of(new FieldProblem("reason", "at most 2000 characters")));
        }
        Stored done = tx.execute(s -> {
            Stored b = jdbc.sql("select * from standards_pack where pack_id = ? and pack_version = ?")
                    .params(id, version).query((rs, n) -> stored(rs)).single();
            if (b.withdrawn()) {
                throw new FerretException(ErrorCode.ILLEGAL_TRANSITION, pack.reference() + " was already withdrawn by "
                        + b.withdrawnBy() + " at " + b.withdrawnAt());
            }
            Instant now = clock.instant();
            String by = Actor.current().username();
            jdbc.sql("update standards_pack set withdrawn_by = ?, withdrawn_at = ?, withdrawn_reason = ? where pack_id = ? and pack_version = ?")
                    .params(by, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), reason.strip(), id, version).update();
            audit.record("STANDARD_PACK_WITHDRAWN", "standards_pack", pack.reference(), Map.of("withdrawn", false),
                    Map.of("withdrawn", true, "reason", reason.strip()));
            return new Stored(b.id(), b.version(), b.fileName(), b.sha256(), b.uploadedBy(), b.uploadedAt(), by, now, reason.strip());
        });
        synchronized (this) {
            packs.withdraw(pack);
            stored.put(pack.reference(), done);
        }
        return done;
    }

    /** What is stored of an uploaded version; empty for a pack read from a file. */
    public Optional<Stored> stored(StandardPack pack) {
        return Optional.ofNullable(stored.get(pack.reference()));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime w = rs.getObject("withdrawn_at", OffsetDateTime.class);
        return new Stored(rs.getString("pack_id"), rs.getString("pack_version"), rs.getString("file_name"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), rs.getString("withdrawn_by"),
                w == null ? null : w.toInstant(), rs.getString("withdrawn_reason"));
    }
}
