package org.ferret.parcels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.audit.AuditLog;
import org.ferret.parcels.internal.ParcelRetentionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention of parcels' advance data (issue 11; GDPR art. 5(1)(e)): an item that was never inspected is deleted
 * with its personal data {@code ferret.parcels.retention-days} (90) after its last decision or queue change, all its
 * versions, parties, decisions, detections and queue changes. An inspected item is kept with its outcome: a seizure
 * with the registry item it created, any other outcome as the label the learning loop trains on. A held item that
 * nobody inspected found nothing and goes as a released one does. Runs daily ({@code ferret.parcels.retention-cron})
 * and on an administrator's request, in transactions of at most {@code ferret.parcels.retention-chunk} versions,
 * each audited as {@code PARCELS_RETENTION_PURGE} and releasing the rows from the audit chain's record coverage.
 */
@Service
public class ParcelRetention {
    private static final Logger log = LoggerFactory.getLogger(ParcelRetention.class);

    private final ParcelRetentionStore store;
    private final ParcelsProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    ParcelRetention(ParcelRetentionStore store, ParcelsProperties properties, AuditLog audit, PlatformTransactionManager txManager,
            Optional<Clock> clock) {
        this.store = store;
        this.properties = properties;
        this.audit = audit;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** What one purge removed. */
    public record Report(List<UUID> jobs, int retentionDays, Instant cutoff, int items, int declarations) {}

    public int retentionDays() {
        return properties.getRetentionDays();
    }

    /** Items whose last decision or queue change is at or before this instant are past retention. */
    public Instant cutoff() {
        return clock.instant().minus(Duration.ofDays(properties.getRetentionDays()));
    }

    /** The daily job. */
    @Scheduled(cron = "${ferret.parcels.retention-cron:0 40 3 * * *}", zone = "UTC")
    void daily() {
        Report r = purgeEligible();
        if (r.declarations() > 0) {
            log.info("parcels retention: purged {} items ({} declaration versions) decided on or before {}", r.items(), r.declarations(), r.cutoff());
        }
    }

    /** Purges every item past retention now. */
    public Report purgeEligible() {
        Instant cutoff = cutoff();
        List<UUID> jobs = new java.util.ArrayList<>();
        int items = 0;
        int declarations = 0;
        while (true) {
            int[] done = tx.execute(s -> chunk(cutoff, jobs));
            if (done == null || done[1] == 0) {
                break;
            }
            items += done[0];
            declarations += done[1];
        }
        return new Report(List.copyOf(jobs), properties.getRetentionDays(), cutoff, items, declarations);
    }

    private int[] chunk(Instant cutoff, List<UUID> jobs) {
        List<UUID> ids = store.eligible(cutoff, properties.getRetentionChunk());
        if (ids.isEmpty()) {
            return new int[] {0, 0};
        }
        if (store.anyInspected(ids)) {
            throw new IllegalStateException("the retention purge chose an inspected parcel; nothing was purged");
        }
        Map<String, Object> summary = store.summary(ids);
        int deleted = store.delete(ids);
        UUID job = UUID.randomUUID();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("retentionDays", properties.getRetentionDays());
        after.put("cutoff", cutoff.toString());
        after.put("purgedItems", summary.get("items"));
        after.put("purgedDeclarations", ids.size());
        after.put("declarations", ids.stream().map(UUID::toString).toList());
        audit.record("PARCELS_RETENTION_PURGE", "parcels-retention-job", job.toString(), null, after);
        jobs.add(job);
        return new int[] {((Number) summary.get("items")).intValue(), Math.max(deleted, ids.size())};
    }
}
