package org.ferret.tracing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.registry.RegistryChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the marking index current with what other instances on the same database register (issue 12): the
 * registry's events reach only the process that published them, so every few seconds this reads the registry's change
 * feed and brings each changed item up to date in the index. Re-reads a margin before its watermark, because an event
 * committed late carries an earlier time; an item already brought up to date at that time is skipped.
 */
@Component
class IndexChangeFeed {
    private static final Logger log = LoggerFactory.getLogger(IndexChangeFeed.class);

    private final RegistryChanges changes;
    private final SearchIndex index;
    private final boolean enabled;
    /** How far before its watermark each read goes: longer than the longest registry transaction (a bulk import). */
    private final Duration margin;
    private Instant watermark = Instant.now();
    private final Map<UUID, Instant> done = new HashMap<>();

    IndexChangeFeed(RegistryChanges changes, SearchIndex index,
            @Value("${ferret.tracing.change-feed.enabled:true}") boolean enabled,
            @Value("${ferret.tracing.change-feed.margin:PT2M}") Duration margin) {
        this.margin = margin;
        this.changes = changes;
        this.index = index;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${ferret.tracing.change-feed.interval:PT5S}", initialDelayString = "${ferret.tracing.change-feed.interval:PT5S}")
    synchronized void poll() {
        if (!enabled || !index.isReady()) {
            return; // the index's build reads everything committed when it starts
        }
        List<RegistryChanges.Change> changed = changes.since(watermark.minus(margin));
        int updated = 0;
        for (RegistryChanges.Change c : changed) {
            if (c.at().equals(done.get(c.item().value()))) continue;
            index.indexItem(c.item());
            done.put(c.item().value(), c.at());
            updated++;
            if (c.at().isAfter(watermark)) watermark = c.at();
        }
        Instant forget = watermark.minus(margin);
        done.values().removeIf(at -> at.isBefore(forget));
        if (updated > 0) log.debug("marking index: {} item(s) from the registry's change feed", updated);
    }
}
