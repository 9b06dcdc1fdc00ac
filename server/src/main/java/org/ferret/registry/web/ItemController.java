package org.ferret.registry.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.ferret.registry.ImportLimits;
import org.ferret.registry.ImportMode;
import org.ferret.registry.ImportReport;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemImport;
import org.ferret.registry.ItemView;
import org.ferret.registry.ProgressListener;
import org.ferret.registry.Registry;
import org.ferret.shared.access.CanReadRegistry;
import org.ferret.shared.access.CanRegister;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** REST API of the firearms registry: items, markings, lifecycle events, components, serial lookup, bulk import. */
@RestController
@RequestMapping("/api/v1/items")
@Tag(name = "Registry: items", description = "Firearms, essential components and ammunition lots (Protocol arts. 7, 8, 9)")
class ItemController {


    private final Registry registry;
    private final ItemImport importer;
    private final ImportLimits limits;

    ItemController(Registry registry, ItemImport importer, ImportLimits limits) {
        this.registry = registry;
        this.importer = importer;
        this.limits = limits;
    }

    @PostMapping
    @CanRegister
    @Operation(summary = "Register an item with its markings",
            description = "An item without a compliant art. 8 marking is accepted and flagged 'marking required'.")
    ResponseEntity<Responses.Item> register(@RequestBody Requests.RegisterItem body) {
        ItemView v = registry.register(RequestMapper.item(body), body.initialEvent() == null ? null
                : body.initialEvent().standardAssessment());
        return ResponseEntity.created(URI.create("/api/v1/items/" + v.id())).body(Responses.Item.of(v));
    }

    @GetMapping("/{id}")
    @CanReadRegistry
    @Operation(summary = "An item with its markings, components, event history, derived status and marking requirement")
    Responses.Item get(@PathVariable UUID id) {
        return Responses.Item.of(registry.get(new ItemId(id)));
    }

    @GetMapping
    @CanReadRegistry
    @Operation(summary = "Exact serial lookup across the markings of items and components",
            description = "Case, spaces and the separators - . / _ are ignored: 'ab-12 34' finds 'AB1234'.")
    List<Responses.Summary> bySerial(@Parameter(required = true, example = "ABC-12345") @RequestParam String serial) {
        return registry.findBySerial(serial).stream().map(Responses.Summary::of).toList();
    }

    @GetMapping("/marking-required")
    @CanReadRegistry
    @Operation(summary = "Work list: items that still need a compliant marking, oldest first")
    Responses.WorkList markingRequired(@RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        List<Responses.Summary> items = registry.markingRequired(offset, limit).stream().map(Responses.Summary::of).toList();
        return new Responses.WorkList(registry.countMarkingRequired(), offset, limit, items);
    }

    @PostMapping("/{id}/events")
    @CanRegister
    @Operation(summary = "Append a lifecycle event",
            description = "Refused with ILLEGAL_TRANSITION when the derived status does not allow it. A CORRECTION names "
                    + "the event it corrects and why; nothing is ever changed or deleted.")
    ResponseEntity<Responses.Item> recordEvent(@PathVariable UUID id, @RequestBody Requests.RecordEvent body) {
        ItemView v = registry.recordEvent(new ItemId(id), RequestMapper.event(body), body.standardAssessment());
        return ResponseEntity.status(201).body(Responses.Item.of(v));
    }

    @PostMapping("/{id}/markings")
    @CanRegister
    @Operation(summary = "Add a marking (records a MARKING event; re-assesses the marking requirement)")
    ResponseEntity<Responses.Item> addMarking(@PathVariable UUID id, @RequestBody Requests.AddMarking body) {
        ItemView v = registry.addMarking(new ItemId(id), RequestMapper.marking(body), body.markedOn());
        return ResponseEntity.status(201).body(Responses.Item.of(v));
    }

    @PostMapping("/{id}/components")
    @CanRegister
    @Operation(summary = "Fit an essential component to this firearm")
    Responses.Item fit(@PathVariable UUID id, @RequestBody Requests.FitComponent body) {
        if (body.componentId() == null) {
            throw new org.ferret.registry.InvalidValueException("componentId", "must be given");
        }
        return Responses.Item.of(registry.fitComponent(new ItemId(id), new ItemId(body.componentId()),
                body.on(), body.note()));
    }

    @PostMapping("/{id}/components/{componentId}/removal")
    @CanRegister
    @Operation(summary = "Remove a fitted component from this firearm (the fitting stays in both histories)")
    Responses.Item remove(@PathVariable UUID id, @PathVariable UUID componentId,
            @RequestBody(required = false) Requests.RemoveComponent body) {
        Requests.RemoveComponent b = body == null ? new Requests.RemoveComponent(null, null) : body;
        return Responses.Item.of(registry.removeComponent(new ItemId(id), new ItemId(componentId),
                b.on(), b.note()));
    }

    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @CanRegister
    @Operation(summary = "Bulk import items with markings from CSV (layout: docs/csv-import.md)",
            description = "ALL_OR_NOTHING (default) rejects the whole file with 422 IMPORT_REJECTED listing every bad "
                    + "line and column; COMMIT_VALID_ROWS commits the good rows and reports the bad ones. The body must be "
                    + "UTF-8 (a file that is not is rejected naming the line and byte offset of the first bad byte), at "
                    + "most ferret.import.max-size (32 MB, else 413) and ferret.import.max-rows (100,000) data rows; "
                    + "an import while another runs waits up to ferret.import.lock-wait, then 409 IMPORT_IN_PROGRESS.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The CSV file, UTF-8, streamed (the same road as ./ferret import items)",
                    content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv")))
    Responses.Import importCsv(HttpServletRequest request,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode) throws IOException {
        try (InputStream body = request.getInputStream()) {
            ImportReport report = importer.importCsv(body, mode, ProgressListener.NONE, limits.maxRows());
            if (!report.committed()) {
                throw report.asRejection();
            }
            return Responses.Import.of(report);
        }
    }
}
