package org.ferret.web;

import java.util.Map;

import org.ferret.registry.ItemStatus;
import org.ferret.registry.Registry;
import org.ferret.shared.access.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the registry holds now, and what needs attention. */
@Controller
class DashboardPage {

    private static final int RECENT = 10;

    private final Registry registry;
    private final org.ferret.licensing.Licensing licensing;

    DashboardPage(Registry registry, org.ferret.licensing.Licensing licensing) {
        this.registry = registry;
        this.licensing = licensing;
    }

    @SignedIn
    @GetMapping("/")
    String dashboard(Model model, org.springframework.security.core.Authentication auth) {
        // a postal operator does not read the registry: its home is its own submissions' figures (parcels module)
        java.util.Set<String> can = auth == null ? java.util.Set.of() : auth.getAuthorities().stream()
                .map(org.springframework.security.core.GrantedAuthority::getAuthority).collect(java.util.stream.Collectors.toSet());
        if (!can.contains("CAN_READ_REGISTRY")) {
            return can.contains("CAN_SUBMIT_DECLARATIONS") ? "forward:/parcels/home" : "home-empty";
        }
        Map<ItemStatus, Long> byStatus = registry.countByStatus();
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long missing = byStatus.getOrDefault(ItemStatus.REPORTED_STOLEN, 0L)
                + byStatus.getOrDefault(ItemStatus.REPORTED_LOST, 0L);
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("byKind", registry.countByKind());
        model.addAttribute("total", total);
        model.addAttribute("missing", missing);
        model.addAttribute("markingRequired", registry.countMarkingRequired());
        model.addAttribute("recent", registry.recentlyRegistered(RECENT));
        if (can.contains("CAN_LICENSE")) {
            // escalation of a missing proof of receipt (art. 10(4)) and of an overdue decision: the officer's first page
            model.addAttribute("receiptsOverdue", licensing.receiptsOverdue(null).size());
            model.addAttribute("decisionsOverdue", licensing.overdue().size());
        }
        return "dashboard";
    }
}
