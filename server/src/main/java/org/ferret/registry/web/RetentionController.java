package org.ferret.registry.web;

import java.util.List;

import org.ferret.registry.ItemId;
import org.ferret.registry.PurgeReport;
import org.ferret.registry.RetentionPurge;
import org.ferret.shared.access.CanAdminister;
import org.ferret.shared.access.CanReadRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Retention (Protocol art. 7): the only way registry records are ever deleted. */
@RestController
@RequestMapping("/api/v1/retention")
@Tag(name = "Registry: retention")
class RetentionController {

    private final RetentionPurge purge;

    RetentionController(RetentionPurge purge) {
        this.purge = purge;
    }

    @GetMapping
    @CanReadRegistry
    @Operation(summary = "The retention period and today's cutoff date")
    Responses.Retention get() {
        return new Responses.Retention(purge.retentionYears(), purge.cutoff());
    }

    @PostMapping("/purge")
    @CanAdminister
    @Operation(summary = "Purge records past retention (audited job)",
            description = "With itemIds: purges exactly those, or refuses all with RETENTION_NOT_REACHED if any is "
                    + "younger than the retention period or not destroyed/exported. Without: purges every item past retention.")
    Responses.Purged purge(@RequestBody(required = false) Requests.Purge body) {
        PurgeReport report = body == null || body.itemIds() == null || body.itemIds().isEmpty()
                ? purge.purgeEligible()
                : purge.purge(body.itemIds().stream().map(ItemId::new).toList());
        return Responses.Purged.of(report);
    }
}
