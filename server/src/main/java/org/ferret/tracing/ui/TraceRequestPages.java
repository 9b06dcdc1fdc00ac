package org.ferret.tracing.ui;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.ferret.shared.FerretException;
import org.ferret.tracing.TraceRequest;
import org.ferret.tracing.TraceRequests;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tracing officer's pages: trace requests with their deadlines, candidates, answer and chain of custody. */
@Controller
@PreAuthorize("hasAnyRole('INVESTIGATOR','ADMINISTRATOR')")
class TraceRequestPages {

    private final TraceRequests traces;
    private final Clock clock;

    TraceRequestPages(TraceRequests traces, Clock clock) {
        this.traces = traces;
        this.clock = clock;
    }

    @GetMapping("/tracing/requests")
    String list(Model m) {
        List<TraceRequest> all = traces.list(null);
        m.addAttribute("requests", all);
        m.addAttribute("overdue", traces.overdue().stream().map(TraceRequest::id).toList());
        return "tracing/requests";
    }

    @GetMapping("/tracing/requests/{id}")
    String show(@PathVariable UUID id, Model m) {
        TraceRequest t = traces.get(id);
        m.addAttribute("t", t);
        m.addAttribute("overdue", t.overdue(clock.instant()));
        return "tracing/request";
    }

    @PostMapping("/tracing/requests/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, RedirectAttributes r) {
        return act(id, r, "Acknowledged.", () -> traces.acknowledge(id));
    }

    @PostMapping("/tracing/requests/{id}/candidates/{item}/{decision}")
    String decide(@PathVariable UUID id, @PathVariable UUID item, @PathVariable String decision,
            @RequestParam(required = false) String note, RedirectAttributes r) {
        boolean confirm = "confirm".equals(decision);
        return act(id, r, confirm ? "Candidate confirmed as the item in hand." : "Candidate rejected.",
                () -> traces.decide(id, item, confirm, note));
    }

    @PostMapping("/tracing/requests/{id}/answer")
    String answer(@PathVariable UUID id, @RequestParam(required = false) String remarks, RedirectAttributes r) {
        return act(id, r, "Answered.", () -> traces.answer(id, remarks == null || remarks.isBlank() ? null : remarks.strip()));
    }

    @PostMapping("/tracing/requests/{id}/close")
    String close(@PathVariable UUID id, RedirectAttributes r) {
        return act(id, r, "Closed.", () -> traces.close(id));
    }

    private String act(UUID id, RedirectAttributes r, String done, Supplier<TraceRequest> action) {
        try {
            action.get();
            r.addFlashAttribute("message", done);
        } catch (FerretException e) {
            r.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tracing/requests/" + id;
    }
}
