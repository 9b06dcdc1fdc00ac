package org.ferret.tracing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.registry.ItemId;
import org.ferret.registry.ItemStatus;
import org.ferret.registry.Registry;
import org.ferret.shared.FerretException;
import org.ferret.tracing.internal.Confirmations;
import org.ferret.tracing.internal.ItemFacts;
import org.ferret.tracing.internal.SearchFilter;
import org.ferret.tracing.internal.SearchIndex;
import org.ferret.tracing.matching.MalformedPatternException;
import org.ferret.tracing.matching.MarkingIndex;
import org.ferret.tracing.matching.MarkingPattern;
import org.springframework.stereotype.Service;

/**
 * Obliteration-tolerant search over every firearm and component serial in the registry, answered from the
 * in-memory marking index ({@link SearchIndex} keeps it built and current), with each candidate's current status;
 * and the confirmations that turn a candidate into an identification.
 */
@Service
public class MarkingSearch {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;
    static final String NOTE = "Candidates only: confirm against the physical item before any action (NCIC practice).";

    private final SearchIndex index;
    private final Confirmations confirmations;
    private final Registry registry;

    MarkingSearch(SearchIndex index, Confirmations confirmations, Registry registry) {
        this.index = index;
        this.confirmations = confirmations;
        this.registry = registry;
    }

    /** Size and build time of a rebuilt index. */
    public record IndexStatus(boolean ready, int serials, int attributeCombinations, long buildMillis) {
    }

    /** Rebuilds the index if one exists or is being built; otherwise the first search builds it. */
    public void rebuildIfStarted() {
        index.rebuildIfStarted();
    }

    /** Re-reads every serial from the registry's tables and swaps the new index in. */
    public IndexStatus rebuild() {
        long ms = index.rebuild();
        return status(ms);
    }

    public IndexStatus status() {
        return status(-1);
    }

    private IndexStatus status(long ms) {
        SearchIndex.Snapshot s = index.snapshot();
        return new IndexStatus(index.isReady(), s.index().size(), s.facts().size(), ms);
    }

    /** Brings one item's serials in the index up to date (added, or withdrawn by a correction). */
    void indexItem(ItemId id) {
        index.indexItem(id);
    }

    void indexItems(java.util.List<ItemId> ids, java.time.Instant registeredAt) {
        index.indexItems(ids, registeredAt);
    }

    /** Runs a search; bad patterns and filters are refused naming the parameter. */
    public SearchResult search(SearchQuery q) {
        MarkingPattern pattern = parse(q.q(), q.ncic());
        int limit = q.limit() == null ? DEFAULT_LIMIT : q.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        SearchFilter filter = SearchFilter.of(q.type(), q.country(), q.manufacturer(), q.model(), q.calibre());
        SearchIndex.Snapshot snapshot = index.awaitReady();
        long t0 = System.nanoTime();
        List<ItemFacts.Facts> table = snapshot.facts().snapshot();
        BitSet allowed = new BitSet(table.size());
        for (int i = 0; i < table.size(); i++) {
            if (filter.test(table.get(i))) {
                allowed.set(i);
            }
        }
        // ask for more than the limit: one item can carry the same serial twice (e.g. frame and import marking)
        MarkingIndex.Result r = snapshot.index().search(pattern, allowed::get, 4 * limit + 8, q.edits());
        Map<UUID, MarkingIndex.Hit> best = new LinkedHashMap<>();
        for (MarkingIndex.Hit h : r.hits()) {
            best.putIfAbsent(h.item(), h);
            if (best.size() >= limit + 1) {
                break;
            }
        }
        List<MarkingIndex.Hit> hits = new ArrayList<>(best.values());
        boolean truncated = hits.size() > limit;
        if (truncated) {
            hits = hits.subList(0, limit);
        }
        Map<ItemId, ItemStatus> statuses = registry.statuses(hits.stream().map(h -> new ItemId(h.item())).toList());
        List<Candidate> list = new ArrayList<>(hits.size());
        for (MarkingIndex.Hit h : hits) {
            ItemFacts.Facts f = table.get(h.factsId());
            ItemStatus status = statuses.get(new ItemId(h.item()));
            list.add(new Candidate(h.item(), f.kind(), f.manufacturer(), f.model(), f.calibre(), f.country(), status,
                    Candidate.words(status), h.match().serial(), h.match().score(), h.match().edits(),
                    h.match().summary(), h.match().explanation()));
        }
        long micros = (System.nanoTime() - t0) / 1000;
        return new SearchResult(pattern.symbols(), pattern.ncic(), r.total(), truncated, List.copyOf(list), micros, NOTE,
                r.edits());
    }

    static MarkingPattern parse(String q, boolean ncic) {
        try {
            return MarkingPattern.parse(q, ncic);
        } catch (MalformedPatternException e) {
            throw invalid("q", e.getMessage());
        }
    }

    static FerretException invalid(String field, String message) {
        return SearchFilter.invalid(field, message);
    }

    /** Records that a candidate is, or is not, the item in hand; the serial must be one the item carries. */
    public Confirmation decide(UUID itemId, String pattern, String serial, Confirmation.Decision decision,
            UUID traceRequest, String note) {
        return confirmations.decide(itemId, pattern, serial, decision, traceRequest, note);
    }

    /** Every recorded decision about an item, newest first. */
    public List<Confirmation> decisions(UUID itemId) {
        return confirmations.decisions(itemId);
    }
}
