package org.ferret.tracing.internal;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ferret.registry.ItemId;
import org.ferret.registry.ItemView;
import org.ferret.registry.RecordedMarking;
import org.ferret.registry.Registry;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.tracing.matching.Confusion;
import org.ferret.tracing.matching.MarkingIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The marking index's lifecycle: built from the registry in the background at start-up (searches wait for it, up
 * to a limit), rebuilt on demand, and kept current item by item from the registry's events.
 */
@Component
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final Registry registry;
    private final long readyWaitMillis;

    private volatile MarkingIndex index = new MarkingIndex();
    private volatile ItemFacts facts = new ItemFacts();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean rebuilding;
    private final Set<UUID> changedDuringRebuild = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile java.time.Instant buildStartedAt;

    SearchIndex(Registry registry, @Value("${ferret.tracing.index.ready-wait-ms:20000}") long readyWaitMillis) {
        this.registry = registry;
        this.readyWaitMillis = readyWaitMillis;
    }

    /** The index and the attribute table it refers to, as one consistent pair. */
    public record Snapshot(MarkingIndex index, ItemFacts facts) {
    }

    /**
     * Builds the index in the background once the server is up. Offline jobs (CLI import, other benchmarks) have no
     * web server: they build it only if they search.
     */
    @EventListener(ApplicationReadyEvent.class)
    void buildAtStartup(ApplicationReadyEvent e) {
        if (e.getApplicationContext() instanceof WebServerApplicationContext) {
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
     * since the first search builds it from the registry anyway.
     */
    public void rebuildIfStarted() {
        if (started.get()) {
            rebuild();
        }
    }

    /** Re-reads every serial from the registry and swaps the new index in; returns the build time in ms. */
    public synchronized long rebuild() {
        started.set(true);
        long t0 = System.nanoTime();
        rebuilding = true;
        buildStartedAt = java.time.Instant.now();
        changedDuringRebuild.clear();
        MarkingIndex fresh = new MarkingIndex();
        ItemFacts freshFacts = new ItemFacts();
        long n;
        try {
            n = IndexLoader.load(registry, fresh, freshFacts, c -> log.info("marking index: {} serials loaded", c));
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
        return ms;
    }

    public boolean isReady() {
        return ready.getCount() == 0;
    }

    public Snapshot snapshot() {
        return new Snapshot(index, facts);
    }

    /** The current index once it is built (starting the build if nobody has); 503 after the wait limit. */
    public Snapshot awaitReady() {
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
        return snapshot();
    }

    /**
     * Brings one item's serials up to date: adds those the index does not hold yet (after registration or a new
     * marking) and withdraws markings a correction retracted.
     */
    public void indexItem(ItemId id) {
        if (rebuilding) {
            changedDuringRebuild.add(id.value());
        }
        ItemView item = registry.find(id).orElse(null);
        if (item == null) {
            return;
        }
        MarkingIndex current = index;
        int f = facts.intern(new ItemFacts.Facts(item.kind().name(), item.attributes().manufacturer(),
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

    /**
     * Adds the serials of newly registered items (a bulk import's batch) with one registry read, rather than
     * rebuilding the index. Does nothing before the index exists: its build reads them anyway.
     */
    public void indexItems(java.util.List<ItemId> ids, java.time.Instant registeredAt) {
        if (rebuilding) {
            ids.forEach(id -> changedDuringRebuild.add(id.value()));
        }
        if (!started.get()) {
            return;
        }
        // items written after the last build started cannot be in it (its read saw only what was committed when it
        // began): add them without the costly "already there?" search. Older ones (an event replayed after a
        // restart) are checked one by one.
        java.time.Instant builtFrom = buildStartedAt;
        boolean fresh = registeredAt != null && builtFrom != null && registeredAt.isAfter(builtFrom);
        MarkingIndex current = index;
        ItemFacts currentFacts = facts;
        registry.forEachSerialOf(ids, s -> {
            if (Confusion.normaliseSerial(s.serialNumber()).isEmpty()) {
                return;
            }
            int f = currentFacts.intern(new ItemFacts.Facts(s.kind(), s.manufacturer(), s.model(), s.calibre(),
                    s.countryOfManufacture()));
            synchronized (current) {
                if (fresh || !current.contains(s.item(), s.serialNumber())) {
                    current.add(s.item(), s.serialNumber(), f);
                }
            }
        });
    }
}
