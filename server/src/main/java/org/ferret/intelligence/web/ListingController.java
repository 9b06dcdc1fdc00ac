package org.ferret.intelligence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import org.ferret.intelligence.Listing;
import org.ferret.intelligence.ListingCategory;
import org.ferret.intelligence.ListingStatus;
import org.ferret.intelligence.Listings;
import org.ferret.shared.StrictUtf8Reader;
import org.ferret.shared.access.CanIntelligence;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Online listings (issue 14, web patrolling): import, scores with reasons, the review queue, confirm or dismiss, leads. */
@Tag(name = "Intelligence: online listings", description = "Listings from investigators' crawlers, scored and reviewed (docs/intelligence.md)")
@RestController
@RequestMapping("/api/v1/listings")
@CanIntelligence
class ListingController {

    private final Listings listings;

    ListingController(Listings listings) {
        this.listings = listings;
    }

    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import listings from CSV (layout: docs/intelligence.md); all or nothing, 422 IMPORT_REJECTED names every line and column")
    Listings.ImportResult importCsv(HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return listings.importCsv(new StrictUtf8Reader(body));
        }
    }

    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import listings from a JSON array; all or nothing, problems name the line and [index].field")
    Listings.ImportResult importJson(HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return listings.importJson(new StrictUtf8Reader(body));
        }
    }

    @GetMapping("/queue")
    @Operation(summary = "The review queue: unreviewed listings scoring at least the threshold, highest first, with reasons")
    List<Listing> queue(@RequestParam(defaultValue = "100") int limit) {
        return listings.queue(limit);
    }

    @GetMapping
    @Operation(summary = "Listings by status and least score, highest score first")
    List<Listing> list(@RequestParam(required = false) ListingStatus status, @RequestParam(defaultValue = "0") double minScore,
            @RequestParam(defaultValue = "100") int limit) {
        return listings.list(status, minScore, limit);
    }

    @GetMapping("/{id}")
    Listing get(@PathVariable UUID id) {
        return listings.get(id);
    }

    /** A confirmation: what the listing sells (default: what its terms point to), a note, optional links. */
    record Confirm(ListingCategory category, String note, UUID seizure, UUID alert) {
    }

    /** A dismissal's note. */
    record Dismiss(String note) {
    }

    /** A link of a lead: a seizure or an alert. */
    record Link(UUID seizure, UUID alert) {
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Confirm a listing: it becomes an intelligence lead, optionally linked to a seizure and an alert")
    Listing confirm(@PathVariable UUID id, @RequestBody(required = false) Confirm c) {
        Confirm b = c == null ? new Confirm(null, null, null, null) : c;
        return listings.confirm(id, b.category(), b.note(), b.seizure(), b.alert());
    }

    @PostMapping("/{id}/dismiss")
    @Operation(summary = "Dismiss a listing (nothing of concern); a label the model learns from")
    Listing dismiss(@PathVariable UUID id, @RequestBody(required = false) Dismiss d) {
        return listings.dismiss(id, d == null ? null : d.note());
    }

    @PostMapping("/{id}/links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link a confirmed listing's lead to a seizure or an alert (by id)")
    Listing link(@PathVariable UUID id, @RequestBody Link l) {
        return listings.link(id, l.seizure(), l.alert());
    }

    @PostMapping("/model/retrain")
    @Operation(summary = "Retrain the listing model on the synthetic set and every reviewed listing")
    Listings.Training retrain() {
        return listings.retrain();
    }
}
