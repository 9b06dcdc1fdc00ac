package org.ferret.intelligence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ferret.intelligence.Conveyance;
import org.ferret.intelligence.CriminalContext;
import org.ferret.intelligence.DiversionFinding;
import org.ferret.intelligence.SeizedItemType;
import org.ferret.intelligence.Seizure;
import org.ferret.intelligence.SeizureFilter;
import org.ferret.intelligence.SeizureKind;
import org.ferret.intelligence.SeizurePerson;
import org.ferret.intelligence.Seizures;
import org.ferret.shared.StrictUtf8Reader;
import org.ferret.shared.access.CanIntelligence;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/** Seizures (issue 14): record, import, list with filters, read, tracing outcomes per item; persons apart. */
@Tag(name = "Intelligence: seizures", description = "Seizure records, their items and tracing outcomes (docs/intelligence.md)")
@RestController
@RequestMapping("/api/v1/seizures")
@CanIntelligence
class SeizureController {

    private final Seizures seizures;

    SeizureController(Seizures seizures) {
        this.seizures = seizures;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a seizure with its items (linked to the registry or registered there as seized)")
    Seizure record(@RequestBody JsonNode body) {
        return seizures.record(body);
    }

    @GetMapping
    @Operation(summary = "Seizures matching the filters, latest first (non-nominal)")
    List<Seizure> search(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String country, @RequestParam(required = false) SeizureKind kind,
            @RequestParam(required = false) CriminalContext context, @RequestParam(required = false) Conveyance conveyance,
            @RequestParam(required = false) SeizedItemType itemType, @RequestParam(defaultValue = "100") int limit) {
        return seizures.search(new SeizureFilter(from, to, country, kind, context, conveyance, itemType), limit);
    }

    @GetMapping("/{id}")
    Seizure get(@PathVariable UUID id) {
        return seizures.get(id);
    }

    @GetMapping("/{id}/persons")
    @PreAuthorize("hasAuthority('CAN_INTELLIGENCE') and hasAuthority('CAN_READ_PERSONAL_DATA')")
    @Operation(summary = "The persons named on a seizure (personal data; the read is audited)")
    List<SeizurePerson> persons(@PathVariable UUID id) {
        return seizures.persons(id);
    }

    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import seizures from CSV, one row per item (layout: docs/intelligence.md); all or nothing, "
            + "422 IMPORT_REJECTED names every bad line and column")
    Seizures.ImportResult importCsv(HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return seizures.importCsv(new StrictUtf8Reader(body));
        }
    }

    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import seizures from a JSON array of seizures; all or nothing, problems name [index].field")
    Seizures.ImportResult importJson(@RequestBody JsonNode body) {
        return seizures.importJson(body);
    }

    /** A tracing outcome for SDG 16.4.2. */
    record Tracing(DiversionFinding finding, String note) {
    }

    @PostMapping("/{id}/items/{item}/tracing")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the tracing outcome of a seized firearm or component (SDG 16.4.2)")
    Seizure tracing(@PathVariable UUID id, @PathVariable UUID item, @RequestBody Tracing t) {
        return seizures.recordTracing(id, item, t.finding(), t.note());
    }
}
