package org.ferret.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.audit.AuditLog;
import org.ferret.registry.internal.RetentionStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way registry history is ever deleted: records of items destroyed or exported longer ago than the
 * retention period ({@link RetentionProperties}). Runs as one audited job; refuses anything younger.
 */
@Service
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionPurge {

    private final RetentionStore store;
    private final RetentionProperties retention;
    private final AuditLog audit;
    private final Clock clock;

    RetentionPurge(RetentionStore store, RetentionProperties retention, AuditLog audit, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.audit = audit;
        this.clock = clock;
    }

    /** Items destroyed or exported on or before this date are past retention. */
    public LocalDate cutoff() {
        return LocalDate.now(clock).minusYears(retention.years());
    }

    public int retentionYears() {
        return retention.years();
    }

    /** Purges every item past retention. */
    @Transactional
    public PurgeReport purgeEligible() {
        LocalDate cutoff = cutoff();
        List<ItemId> eligible = store.eligible(cutoff);
        return purge(eligible, cutoff);
    }

    /**
     * Purges exactly these items, all or none: refused with {@link RetentionNotReachedException} if any of them is
     * not destroyed or exported, or was destroyed or exported after the cutoff.
     */
    @Transactional
    public PurgeReport purge(List<ItemId> items) {
        if (items == null || items.isEmpty()) {
            throw new InvalidValueException("itemIds", "name at least one item");
        }
        LocalDate cutoff = cutoff();
        Map<ItemId, RetentionStore.Terminal> found = store.terminalState(items);
        List<String> refused = new ArrayList<>();
        for (ItemId id : items) {
            RetentionStore.Terminal t = found.get(id);
            if (t == null) {
                throw new ItemNotFoundException("item " + id);
            }
            if (!t.terminal()) {
                refused.add(id + " is " + org.ferret.shared.Words.lower(t.status())
                        + " (only destroyed or exported items are ever purged)");
            } else if (t.since() == null || t.since().isAfter(cutoff)) {
                refused.add(id + " was " + org.ferret.shared.Words.lower(t.status()) + " on " + org.ferret.shared.Words.date(t.since())
                        + "; it must be kept until " + (t.since() == null ? "?" : org.ferret.shared.Words.date(t.since().plusYears(retention.years()))));
            }
        }
        if (!refused.isEmpty()) {
            throw new RetentionNotReachedException("Retention period of " + retention.years()
                    + " years not reached (Protocol art. 7): " + String.join("; ", refused));
        }
        return purge(items.stream().distinct().toList(), cutoff);
    }

    private PurgeReport purge(List<ItemId> items, LocalDate cutoff) {
        UUID job = UUID.randomUUID();
        store.delete(items);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("retentionYears", retention.years());
        after.put("cutoff", cutoff.toString());
        after.put("purgedCount", items.size());
        after.put("purgedItems", items.stream().map(ItemId::toString).toList());
        audit.record("RETENTION_PURGE", "retention-job", job.toString(), null, after);
        return new PurgeReport(job, retention.years(), cutoff, items);
    }
}
