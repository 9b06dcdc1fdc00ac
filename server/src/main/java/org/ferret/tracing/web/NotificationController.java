package org.ferret.tracing.web;

import java.util.List;
import java.util.UUID;

import org.ferret.identity.FerretPrincipal;
import org.ferret.identity.Role;
import org.ferret.tracing.HitNotification;
import org.ferret.tracing.HitNotifications;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hit notifications for the signed-in user's agency (administrators see every agency's). */
@RestController
@RequestMapping("/api/v1/tracing/notifications")
class NotificationController {

    private final HitNotifications hits;

    NotificationController(HitNotifications hits) {
        this.hits = hits;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('INVESTIGATOR','REGISTRAR','ADMINISTRATOR')")
    List<HitNotification> list(@AuthenticationPrincipal FerretPrincipal me) {
        return hits.forAgency(me.has(Role.ADMINISTRATOR) ? null : me.agencyCode());
    }

    @PostMapping("/{id}/read")
    @PreAuthorize("hasAnyRole('INVESTIGATOR','REGISTRAR','ADMINISTRATOR')")
    HitNotification read(@PathVariable UUID id, @AuthenticationPrincipal FerretPrincipal me) {
        return hits.markRead(id, me.has(Role.ADMINISTRATOR) ? null : me.agencyCode());
    }
}
