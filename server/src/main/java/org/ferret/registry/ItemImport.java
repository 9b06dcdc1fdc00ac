package org.ferret.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.registry.internal.CsvLayout;
import org.ferret.registry.internal.ImportWriter;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of items with their markings from CSV (layout in docs/csv-import.md). Every row is validated; in
 * {@link ImportMode#ALL_OR_NOTHING} a single bad row rejects the whole file and nothing is written, in
 * {@link ImportMode#COMMIT_VALID_ROWS} the good rows are committed. Rows are idempotent by external_ref. Writes are
 * JDBC batches in one transaction, audited as one job entry (counts and the file's SHA-256); each imported item
 * records the job id, so an auditor can list exactly what a job created.
 */
@Service
public class ItemImport {

    /** Rows per JDBC batch. */
    static final int CHUNK = 2_000;
    /** Progress is reported every this many rows. */
    static final int PROGRESS_EVERY = 5_000;

    private final ImportWriter writer;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ItemImport(ImportWriter writer, AuditLog audit, ApplicationEventPublisher events,
            PlatformTransactionManager txManager, Clock clock) {
        this.writer = writer;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** Imports the CSV read from {@code csv} (the caller closes it). Never throws for bad rows: see the report. */
    public ImportReport importCsv(Reader csv, ImportMode mode, ProgressListener progress) {
        ImportMode m = mode == null ? ImportMode.ALL_OR_NOTHING : mode;
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        DigestingReader input = new DigestingReader(csv);
        return tx.execute(status -> {
            Job job = new Job(m, listener, input, Actor.current(), clock.instant().truncatedTo(ChronoUnit.MICROS));
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
        final String agency;
        final Instant at;
        final List<FieldProblem> problems = new ArrayList<>();
        final Map<String, Integer> seenRefs = new HashMap<>();
        final List<CsvLayout.Row> pending = new ArrayList<>(CHUNK);
        long rows;
        long created;
        long alreadyPresent;
        long rejected;
        boolean fatal;

        Job(ImportMode mode, ProgressListener listener, DigestingReader input, Actor who, Instant at) {
            this.mode = mode;
            this.listener = listener;
            this.input = input;
            this.actor = who.username();
            this.agency = who.agency();
            this.at = at;
        }

        void run() {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
            try (CSVParser parser = CSVParser.builder().setReader(input).setFormat(format).get()) {
                List<String> header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
                if (header.isEmpty()) {
                    fail(new FieldProblem("(file)", 1, "the file is empty; expected a header line naming the columns"));
                    return;
                }
                List<FieldProblem> headerProblems = CsvLayout.checkHeader(header);
                if (!headerProblems.isEmpty()) {
                    headerProblems.forEach(this::fail);
                    return;
                }
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    index.put(header.get(i), i);
                }
                for (CSVRecord record : parser) {
                    row(record, index);
                }
                flush();
            } catch (IOException e) {
                throw new UncheckedIOException("reading the import file failed", e);
            } catch (UncheckedIOException e) {
                // commons-csv reports unparseable input (e.g. an unterminated quote) this way
                fail(new FieldProblem("(file)", (int) Math.max(1, rows + 2),
                        "the CSV cannot be parsed after line " + (rows + 1) + ": " + rootMessage(e)));
            }
        }

        private void row(CSVRecord record, Map<String, Integer> index) {
            rows++;
            int line = (int) record.getRecordNumber() + 1;
            int before = problems.size();
            CsvLayout.Row row = CsvLayout.parse(record, index, line, problems);
            if (row != null) {
                Integer earlier = seenRefs.putIfAbsent(row.externalRef(), line);
                if (earlier != null) {
                    problems.add(new FieldProblem(CsvLayout.EXTERNAL_REF, line,
                            "external_ref '" + row.externalRef() + "' already appears on line " + earlier));
                    row = null;
                }
            }
            if (row == null || problems.size() > before) {
                rejected++;
            } else if (writing()) {
                pending.add(row);
                if (pending.size() >= CHUNK) {
                    flush();
                }
            }
            if (rows % PROGRESS_EVERY == 0) {
                listener.progress(rows, input.chars);
            }
        }

        /** In all-or-nothing mode, writing stops at the first bad row: nothing will be committed anyway. */
        private boolean writing() {
            return !fatal && (mode == ImportMode.COMMIT_VALID_ROWS || problems.isEmpty());
        }

        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            if (writing()) {
                int written = writer.write(pending, id, at, actor, agency).size();
                created += written;
                alreadyPresent += pending.size() - written;
            }
            pending.clear();
        }

        private void fail(FieldProblem p) {
            fatal = true;
            problems.add(p);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage();
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
