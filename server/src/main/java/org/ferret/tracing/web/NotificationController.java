package org.ferret.tracing.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;

import org.ferret.identity.FerretPrincipal;
import org.ferret.shared.access.Capability;
import org.ferret.tracing.HitNotification;
import org.ferret.tracing.HitNotifications;
import org.ferret.shared.access.CanReadHitNotifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hit notifications for the signed-in user's agency (administrators see every agency's). */
@Tag(name = "Tracing: hit notifications", description = "Seized or found items that match one reported lost or stolen")
@RestController
@RequestMapping("/api/v1/tracing/notifications")
class NotificationController {

    private final HitNotifications hits;

    NotificationController(HitNotifications hits) {
        this.hits = hits;
    }

    @GetMapping
    @CanReadHitNotifications
    List<HitNotification> list(@AuthenticationPrincipal FerretPrincipal me) {
        return hits.forAgency(me.can(Capability.ADMINISTER) ? null : me.agencyCode());
    }

    @PostMapping("/{id}/read")
    @CanReadHitNotifications
    HitNotification read(@PathVariable UUID id, @AuthenticationPrincipal FerretPrincipal me) {
        return hits.markRead(id, me.can(Capability.ADMINISTER) ? null : me.agencyCode());
    }
}
