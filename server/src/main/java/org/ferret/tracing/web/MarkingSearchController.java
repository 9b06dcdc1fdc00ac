package org.ferret.tracing.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;

import org.ferret.tracing.Confirmation;
import org.ferret.tracing.MarkingSearch;
import org.ferret.tracing.SearchQuery;
import org.ferret.tracing.SearchResult;
import org.ferret.shared.access.CanAdminister;
import org.ferret.shared.access.CanTrace;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Marking search and candidate confirmation for investigators. */
@Tag(name = "Tracing: marking search", description = "Obliteration-tolerant search of recorded serials, confirmations")
@RestController
@RequestMapping("/api/v1/markings")
class MarkingSearchController {


    private final MarkingSearch search;

    MarkingSearchController(MarkingSearch search) {
        this.search = search;
    }

    /**
     * {@code q}: the marking as read; {@code ?} one unreadable character, {@code *} an unreadable run;
     * {@code edits=false} leaves out fits that need a character substituted, dropped or inserted.
     */
    @GetMapping("/search")
    @CanTrace
    SearchResult search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean ncic,
            @RequestParam(required = false) String manufacturer, @RequestParam(required = false) String model,
            @RequestParam(required = false) String calibre, @RequestParam(required = false) String type,
            @RequestParam(required = false) String country, @RequestParam(required = false) Integer limit,
            @RequestParam(defaultValue = "true") boolean edits) {
        return search.search(new SearchQuery(q, ncic, manufacturer, model, calibre, type, country, limit, edits));
    }

    /** A decision on a candidate after checking the physical item. */
    record DecisionRequest(UUID itemId, String pattern, String serial, Confirmation.Decision decision,
            UUID traceRequest, String note) {
    }

    @PostMapping("/confirmations")
    @CanTrace
    @ResponseStatus(HttpStatus.CREATED)
    Confirmation decide(@RequestBody DecisionRequest r) {
        return search.decide(r.itemId(), r.pattern(), r.serial(), r.decision(), r.traceRequest(), r.note());
    }

    @GetMapping("/confirmations/{itemId}")
    @CanTrace
    List<Confirmation> decisions(@PathVariable UUID itemId) {
        return search.decisions(itemId);
    }

    @GetMapping("/index")
    @CanTrace
    MarkingSearch.IndexStatus status() {
        return search.status();
    }

    /** Re-reads all serials (e.g. after a bulk CSV import, which publishes no per-item events). */
    @PostMapping("/index/rebuild")
    @CanAdminister
    MarkingSearch.IndexStatus rebuild() {
        return search.rebuild();
    }
}
