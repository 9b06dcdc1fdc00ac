package org.ferret.parcels.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ferret.parcels.ParcelRetention;
import org.ferret.shared.access.CanAdminister;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Retention of parcels' advance data: the period, and the administrator's trigger of the daily purge. */
@RestController
@RequestMapping("/api/v1/parcels/retention")
@Tag(name = "Parcels: retention")
class ParcelRetentionController {
    private final ParcelRetention retention;

    ParcelRetentionController(ParcelRetention retention) {
        this.retention = retention;
    }

    record Period(int retentionDays, Instant cutoff) {}

    record Purged(List<UUID> jobs, int retentionDays, Instant cutoff, int purgedItems, int purgedDeclarations) {}

    @GetMapping
    @CanAdminister
    @Operation(summary = "The retention period of parcels never inspected (days after the decision) and the cutoff now")
    Period get() {
        return new Period(retention.retentionDays(), retention.cutoff());
    }

    @PostMapping("/purge")
    @CanAdminister
    @Operation(summary = "Purge now every parcel past retention (audited; the daily job does the same)",
            description = "Deletes items never inspected whose last decision or queue change is older than "
                    + "ferret.parcels.retention-days, with their personal data; inspected items are kept with their outcome.")
    Purged purge() {
        ParcelRetention.Report r = retention.purgeEligible();
        return new Purged(r.jobs(), r.retentionDays(), r.cutoff(), r.items(), r.declarations());
    }
}
