package org.ferret.tracing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;


import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.registry.ItemCategory;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemKind;
import org.ferret.registry.ItemView;
import org.ferret.registry.RecordedMarking;
import org.ferret.registry.Registry;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.tracing.internal.IndexLoader;
import org.ferret.tracing.internal.ItemFacts;
import org.ferret.tracing.matching.Confusion;
import org.ferret.tracing.matching.MalformedPatternException;
import org.ferret.tracing.matching.MarkingIndex;
import org.ferret.tracing.matching.MarkingPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Obliteration-tolerant search over every firearm and component serial in the registry, answered from an
 * in-memory {@link MarkingIndex} that is rebuilt from the database at start-up and kept current from the registry's
 * events. Also records confirmations: a result stays a candidate until someone checks it against the item.
 */
@Service
public class MarkingSearch {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;
    static final String NOTE = "Candidates only: confirm against the physical item before any action (NCIC practice).";

    private static final Logger log = LoggerFactory.getLogger(MarkingSearch.class);

    private final JdbcClient jdbc;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;
    private final long readyWaitMillis;

    private volatile MarkingIndex index = new MarkingIndex();
    private volatile ItemFacts facts = new ItemFacts();
    private volatile CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean rebuilding;
    private final Set<UUID> changedDuringRebuild = ConcurrentHashMap.newKeySet();

    MarkingSearch(JdbcClient jdbc, Registry registry, AuditLog audit, Clock clock,
            @Value("${ferret.tracing.index.ready-wait-ms:20000}") long readyWaitMillis) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.readyWaitMillis = readyWaitMillis;
    }

    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Builds the index in the background once the server is up; searches wait for it (up to a limit). Offline jobs
     * (CLI import, other benchmarks) have no web server: they build it only if they search.
     */
    @EventListener(ApplicationReadyEvent.class)
    void buildAtStartup(ApplicationReadyEvent e) {
        if (e.getApplicationContext() instanceof org.springframework.boot.web.server.context.WebServerApplicationContext) {
            startBuild();
        }
    }

    private void startBuild() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                rebuild();
            } catch (RuntimeException e) {
                log.error("marking index build failed; searches will answer 503 until a rebuild succeeds", e);
            }
        }, "tracing-index-build");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Rebuilds the index if one exists or is being built (waiting for that build first); otherwise does nothing,
     * since the first search builds it from the registry anyway. Offline jobs thus never build it for nothing.
     */
    public void rebuildIfStarted() {
        if (started.get()) {
            rebuild();
        }
    }

    /** Size and build time of a rebuilt index. */
    public record IndexStatus(boolean ready, int serials, int attributeCombinations, long buildMillis) {
    }

    /** Re-reads every serial from the registry's tables and swaps the new index in. */
    public synchronized IndexStatus rebuild() {
        started.set(true);
        long t0 = System.nanoTime();
        rebuilding = true;
        changedDuringRebuild.clear();
        MarkingIndex fresh = new MarkingIndex();
        ItemFacts freshFacts = new ItemFacts();
        long n;
        try {
            n = IndexLoader.load(registry, fresh, freshFacts,
                    c -> log.info("marking index: {} serials loaded", c));
        } finally {
            rebuilding = false;
        }
        index = fresh;
        facts = freshFacts;
        ready.countDown();
        for (UUID id : changedDuringRebuild) {
            indexItem(new ItemId(id));
        }
        changedDuringRebuild.clear();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        log.info("marking index ready: {} serials, {} attribute combinations, {} ms", n, freshFacts.size(), ms);
        return status(ms);
    }

    public IndexStatus status() {
        return status(-1);
    }

    private IndexStatus status(long ms) {
        return new IndexStatus(ready.getCount() == 0, index.size(), facts.size(), ms);
    }

    /**
     * Brings one item's serials up to date: adds those the index does not hold yet (after registration or a new
     * marking) and withdraws markings a correction retracted.
     */
    void indexItem(ItemId id) {
        if (rebuilding) {
            changedDuringRebuild.add(id.value());
        }
        ItemView item = registry.find(id).orElse(null);
        if (item == null) {
            return;
        }
        MarkingIndex current = index;
        ItemFacts currentFacts = facts;
        int f = currentFacts.intern(new ItemFacts.Facts(item.kind().name(), item.attributes().manufacturer(),
                item.attributes().model(), item.attributes().calibre() == null ? null : item.attributes().calibre().value(),
                item.attributes().countryOfManufacture() == null ? null : item.attributes().countryOfManufacture().value()));
        for (RecordedMarking m : item.markings()) {
            if (m.marking().elements().serialNumber() == null) {
                continue;
            }
            String serial = m.marking().elements().serialNumber().value();
            synchronized (current) {
                if (m.retracted()) {
                    current.remove(id.value(), serial); // withdrawn by a correction: no longer a match
                } else if (!Confusion.normaliseSerial(serial).isEmpty() && !current.contains(id.value(), serial)) {
                    current.add(id.value(), serial, f);
                }
            }
        }
    }

    /** Runs a search; bad patterns and filters are refused naming the parameter. */
    public SearchResult search(SearchQuery q) {
        MarkingPattern pattern = parse(q.q(), q.ncic());
        int limit = q.limit() == null ? DEFAULT_LIMIT : q.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        Filter filter = filter(q);
        awaitReady();
        long t0 = System.nanoTime();
        MarkingIndex current = index;
        List<ItemFacts.Facts> table = facts.snapshot();
        BitSet allowed = new BitSet(table.size());
        for (int i = 0; i < table.size(); i++) {
            if (filter.test(table.get(i))) {
                allowed.set(i);
            }
        }
        // ask for more than the limit: one item can carry the same serial twice (e.g. frame and import marking)
        MarkingIndex.Result r = current.search(pattern, allowed::get, 4 * limit + 8);
        Map<UUID, Candidate> best = new LinkedHashMap<>();
        for (MarkingIndex.Hit h : r.hits()) {
            if (best.containsKey(h.item())) {
                continue;
            }
            ItemFacts.Facts f = table.get(h.factsId());
            best.put(h.item(), new Candidate(h.item(), f.kind(), f.manufacturer(), f.model(), f.calibre(), f.country(),
                    h.match().serial(), h.match().score(), h.match().summary(), h.match().explanation()));
            if (best.size() >= limit + 1) {
                break;
            }
        }
        List<Candidate> list = new ArrayList<>(best.values());
        boolean truncated = list.size() > limit;
        if (truncated) {
            list = list.subList(0, limit);
        }
        long micros = (System.nanoTime() - t0) / 1000;
        return new SearchResult(pattern.symbols(), pattern.ncic(), r.total(), truncated, List.copyOf(list), micros, NOTE);
    }

    private void awaitReady() {
        startBuild();
        try {
            if (!ready.await(readyWaitMillis, TimeUnit.MILLISECONDS)) {
                throw new FerretException(ErrorCode.SEARCH_INDEX_NOT_READY,
                        "The marking index is still being loaded from the registry; try again shortly.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerretException(ErrorCode.SEARCH_INDEX_NOT_READY, "Interrupted while waiting for the marking index.");
        }
    }

    static MarkingPattern parse(String q, boolean ncic) {
        try {
            return MarkingPattern.parse(q, ncic);
        } catch (MalformedPatternException e) {
            throw invalid("q", e.getMessage());
        }
    }

    private interface Filter {
        boolean test(ItemFacts.Facts f);
    }

    private static Filter filter(SearchQuery q) {
        List<Filter> parts = new ArrayList<>();
        if (notBlank(q.type())) {
            String t = q.type().strip().toUpperCase(Locale.ROOT).replace(' ', '_');
            if (t.equals("COMPONENT")) {
                t = ItemCategory.ESSENTIAL_COMPONENT.name();
            }
            String type = t;
            boolean isCategory = Arrays.stream(ItemCategory.values()).anyMatch(c -> c.name().equals(type));
            boolean isKind = Arrays.stream(ItemKind.values()).anyMatch(k -> k.name().equals(type));
            if (!isCategory && !isKind) {
                throw invalid("type", "unknown type '" + q.type() + "'; expected one of "
                        + Arrays.toString(ItemCategory.values()) + " or " + Arrays.toString(ItemKind.values()));
            }
            parts.add(f -> {
                if (f.kind() == null) {
                    return false;
                }
                return isKind ? f.kind().equals(type) : ItemKind.valueOf(f.kind()).category().name().equals(type);
            });
        }
        if (notBlank(q.country())) {
            String c = q.country().strip().toUpperCase(Locale.ROOT);
            if (!Arrays.asList(Locale.getISOCountries()).contains(c)) {
                throw invalid("country", "'" + q.country() + "' is not an ISO 3166-1 alpha-2 country code (e.g. DE, FI, US)");
            }
            parts.add(f -> c.equals(f.country()));
        }
        addContains(parts, q.manufacturer(), ItemFacts.Facts::manufacturer);
        addContains(parts, q.model(), ItemFacts.Facts::model);
        if (notBlank(q.calibre())) {
            String c = ItemFacts.fold(q.calibre());
            parts.add(f -> f.calibre() != null && ItemFacts.fold(f.calibre()).equals(c));
        }
        return f -> parts.stream().allMatch(p -> p.test(f));
    }

    private static void addContains(List<Filter> parts, String wanted, java.util.function.Function<ItemFacts.Facts, String> get) {
        if (notBlank(wanted)) {
            String w = ItemFacts.fold(wanted);
            parts.add(f -> get.apply(f) != null && ItemFacts.fold(get.apply(f)).contains(w));
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static FerretException invalid(String field, String message) {
        return new FerretException(ErrorCode.VALIDATION_FAILED, field + ": " + message,
                List.of(new FieldProblem(field, message)));
    }

    // ---- confirmation ---------------------------------------------------------------------------

    /** Records that a candidate is, or is not, the item in hand; the serial must be one the item carries. */
    @Transactional
    public Confirmation decide(UUID itemId, String pattern, String serial, Confirmation.Decision decision,
            UUID traceRequest, String note) {
        List<FieldProblem> problems = new ArrayList<>();
        if (itemId == null) {
            problems.add(new FieldProblem("itemId", "must be given"));
        }
        if (pattern == null || pattern.isBlank() || pattern.length() > 100) {
            problems.add(new FieldProblem("pattern", "the marking as read must be given (at most 100 characters)"));
        }
        if (serial == null || serial.isBlank()) {
            problems.add(new FieldProblem("serial", "the recorded serial that was matched must be given"));
        }
        if (decision == null) {
            problems.add(new FieldProblem("decision", "must be CONFIRMED or REJECTED"));
        }
        if (note != null && note.length() > 2000) {
            problems.add(new FieldProblem("note", "at most 2000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "the confirmation is incomplete", problems);
        }
        ItemView item = registry.find(new ItemId(itemId)).orElseThrow(() ->
                new FerretException(ErrorCode.NOT_FOUND, "item " + itemId + " not found",
                        List.of(new FieldProblem("itemId", "no such item"))));
        String normal = Confusion.normaliseSerial(serial);
        boolean carries = item.markings().stream().map(m -> m.marking().elements().serialNumber())
                .filter(s -> s != null).anyMatch(s -> Confusion.normaliseSerial(s.value()).equals(normal));
        if (!carries) {
            throw invalid("serial", "item " + itemId + " carries no serial " + serial);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Confirmation c = new Confirmation(UUID.randomUUID(), itemId, pattern.strip(), normal, decision, traceRequest,
                note == null || note.isBlank() ? null : note.strip(), Actor.current().username(), Actor.current().agency(), now);
        jdbc.sql("""
                insert into tracing_confirmation (id, item_id, pattern, serial, decision, trace_request, note,
                    decided_by, agency, decided_at)
                values (:id, :item, :pattern, :serial, :decision, :trace, :note, :by, :agency, :at)""")
                .param("id", c.id()).param("item", itemId).param("pattern", c.pattern()).param("serial", normal)
                .param("decision", decision.name()).param("trace", traceRequest).param("note", c.note())
                .param("by", c.decidedBy()).param("agency", c.agency())
                .param("at", now.atOffset(java.time.ZoneOffset.UTC)).update();
        audit.record("CANDIDATE_" + decision.name(), "item", itemId.toString(), null, c);
        return c;
    }

    /** Every recorded decision about an item, newest first. */
    public List<Confirmation> decisions(UUID itemId) {
        return jdbc.sql("""
                select id, item_id, pattern, serial, decision, trace_request, note, decided_by, agency, decided_at
                from tracing_confirmation where item_id = :item order by decided_at desc""")
                .param("item", itemId)
                .query((rs, n) -> new Confirmation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), Confirmation.Decision.valueOf(rs.getString(5)),
                        rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

}
