package org.ferret.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.registry.internal.CsvImportReader;
import org.ferret.registry.internal.CsvLayout;
import org.ferret.registry.internal.ImportLock;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.StrictUtf8Reader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of items with their markings from CSV (layout in docs/csv-import.md). Every row is validated; in
 * {@link ImportMode#ALL_OR_NOTHING} a single bad row rejects the whole file and nothing is written, in
 * {@link ImportMode#COMMIT_VALID_ROWS} the good rows are committed. Rows are idempotent by external_ref. Writes are
 * JDBC batches in one transaction, audited as one job entry (counts and the file's SHA-256); each imported item
 * records the job id, so an auditor can list exactly what a job created. Imports run one at a time
 * ({@link ImportLock}); one that cannot get its turn within {@code ferret.import.lock-wait} is refused with
 * IMPORT_IN_PROGRESS, the only exception it throws.
 */
@Service
@EnableConfigurationProperties(ImportLimits.class)
public class ItemImport {

    /** Rows per JDBC batch. */
    static final int CHUNK = 2_000;
    /** Progress is reported every this many rows. */
    static final int PROGRESS_EVERY = 5_000;

    private final Registry registry;
    private final ImportLock lock;
    private final ImportLimits limits;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ItemImport(Registry registry, AuditLog audit, ApplicationEventPublisher events,
            PlatformTransactionManager txManager, Clock clock, ImportLock lock, ImportLimits limits) {
        this.registry = registry;
        this.lock = lock;
        this.limits = limits;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** Imports the CSV read from {@code csv} (the caller closes it). Never throws for bad rows: see the report. */
    public ImportReport importCsv(Reader csv, ImportMode mode, ProgressListener progress) {
        return importCsv(csv, mode, progress, Long.MAX_VALUE);
    }

    /**
     * Imports the UTF-8 CSV file read from {@code csv} (the caller closes it); a file that is not valid UTF-8 is
     * rejected naming the line and byte offset of the first bad byte. More than {@code maxRows} data rows reject
     * the file. Never throws for bad input: see the report.
     */
    public ImportReport importCsv(InputStream csv, ImportMode mode, ProgressListener progress, long maxRows) {
        return importCsv(new StrictUtf8Reader(csv), mode, progress, maxRows);
    }

    private ImportReport importCsv(Reader csv, ImportMode mode, ProgressListener progress, long maxRows) {
        ImportMode m = mode == null ? ImportMode.ALL_OR_NOTHING : mode;
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        DigestingReader input = new DigestingReader(csv);
        return tx.execute(status -> {
            lock.acquire(Actor.current().username(), clock.instant(), limits.lockWait());
            Job job = new Job(m, listener, input, Actor.current().username(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                    maxRows);
            job.run();
            boolean committed = m == ImportMode.COMMIT_VALID_ROWS ? !job.fatal : job.problems.isEmpty();
            if (!committed) {
                status.setRollbackOnly();
            }
            ImportReport report = new ImportReport(job.id, m, job.rows, committed ? job.created : 0,
                    committed ? job.alreadyPresent : 0, job.rejected, committed, input.sha256(), job.problems);
            if (committed) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("mode", m.name());
                after.put("sha256", report.sha256());
                after.put("rows", report.rows());
                after.put("created", report.created());
                after.put("alreadyPresent", report.alreadyPresent());
                after.put("rejected", report.rejected());
                after.put("rejectedLines", job.problems.stream().map(FieldProblem::line).distinct().limit(1000).toList());
                audit.record("ITEMS_IMPORTED", "import-job", job.id.toString(), null, after);
                if (report.created() > 0) {
                    events.publishEvent(new ItemsImported(job.id, report.created()));
                }
            }
            listener.progress(job.rows, input.chars);
            return report;
        });
    }

    /** One run of an import: parsing, validation and chunked writing. */
    private final class Job {
        final UUID id = UUID.randomUUID();
        final ImportMode mode;
        final ProgressListener listener;
        final DigestingReader input;
        final String actor;
        final Instant at;
        final long maxRows;
        final List<FieldProblem> problems = new ArrayList<>();
        final List<CsvLayout.Row> pending = new ArrayList<>(CHUNK);
        long rows;
        long created;
        long alreadyPresent;
        long rejected;
        boolean fatal;

        Job(ImportMode mode, ProgressListener listener, DigestingReader input, String actor, Instant at, long maxRows) {
            this.maxRows = maxRows;
            this.mode = mode;
            this.listener = listener;
            this.input = input;
            this.actor = actor;
            this.at = at;
        }

        void run() {
            CsvImportReader reader = new CsvImportReader(maxRows, problems);
            try {
                reader.read(input, row -> {
                    if (writing(reader)) {
                        pending.add(row);
                        if (pending.size() >= CHUNK) {
                            flush(reader);
                        }
                    }
                }, n -> {
                    if (n % PROGRESS_EVERY == 0) {
                        listener.progress(n, input.chars);
                    }
                });
                flush(reader);
            } finally {
                rows = reader.rows();
                rejected = reader.rejected();
                fatal = reader.fatal();
            }
        }

        /** In all-or-nothing mode, writing stops at the first bad row: nothing will be committed anyway. */
        private boolean writing(CsvImportReader reader) {
            return !reader.fatal() && (mode == ImportMode.COMMIT_VALID_ROWS || !reader.hasProblems());
        }

        private void flush(CsvImportReader reader) {
            if (pending.isEmpty()) {
                return;
            }
            if (writing(reader)) {
                // the same registration road as Registry.register, batched; publishes ItemsRegistered per batch
                int written = registry.registerBatch(pending.stream().map(r -> new NewItem(r.kind(), r.attributes(),
                        r.markings(), r.externalRef(), null)).toList(), id, at);
                created += written;
                alreadyPresent += pending.size() - written;
            }
            pending.clear();
        }
    }

    /** Passes characters through while counting them and hashing their UTF-8 bytes. */
    private static final class DigestingReader extends Reader {
        private final Reader in;
        private final MessageDigest sha;
        long chars;

        DigestingReader(Reader in) {
            this.in = in;
            try {
                this.sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                chars += n;
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(buf, off, n));
                sha.update(bytes);
            }
            return n;
        }

        String sha256() {
            return java.util.HexFormat.of().formatHex(sha.digest());
        }

        @Override
        public void close() {
            // the caller owns the underlying reader
        }
    }
}
