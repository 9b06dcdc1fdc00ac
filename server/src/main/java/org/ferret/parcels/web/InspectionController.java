package org.ferret.parcels.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.parcels.Declaration;
import org.ferret.parcels.Inspections;
import org.ferret.parcels.Outcome;
import org.ferret.parcels.OutcomeKind;
import org.ferret.parcels.ParcelScreening;
import org.ferret.parcels.QueueEntry;
import org.ferret.registry.Construction;
import org.ferret.registry.ItemKind;
import org.ferret.shared.access.CanInspectParcels;
import org.ferret.shared.access.CanScreenParcels;
import org.ferret.shared.access.CanSubmitDeclarations;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Detector verdicts, the inspection queue and outcomes. */
@RestController
@RequestMapping("/api/v1/parcels")
@Tag(name = "Parcels: inspection", description = "Detector verdicts, the queue per site and day, outcomes")
class InspectionController {
    private final Inspections inspections;
    private final ParcelScreening screening;

    InspectionController(Inspections inspections, ParcelScreening screening) {
        this.inspections = inspections;
        this.screening = screening;
    }

    record DetectionRequest(@com.fasterxml.jackson.annotation.JsonProperty("class") String detectedClass, Double confidence, String imageRef, String box) {}

    @PostMapping("/{itemId}/detections")
    @CanSubmitDeclarations
    @Operation(summary = "An X-ray image analysis verdict (FIREARM, ESSENTIAL_COMPONENT, AMMUNITION, NONE) on the latest version of an item",
            description = "A weapon class at ferret.parcels.detection-hold-confidence (default 0.9) or more holds the item whatever the capacity.")
    ResponseEntity<QueueEntry.Detection> detect(@PathVariable String itemId, @RequestBody DetectionRequest body) {
        return ResponseEntity.status(201).body(inspections.detect(Actor.current().agency(), itemId, body.detectedClass(), body.confidence(),
                body.imageRef(), body.box()));
    }

    @GetMapping("/queue")
    @CanScreenParcels
    @Operation(summary = "The held items of a site and day, rule and detector holds first, then by score")
    List<QueueEntry> queue(@RequestParam(required = false) String site,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) Declaration.Direction direction, @RequestParam(required = false) String operator,
            @RequestParam(required = false) Declaration.Category category) {
        return inspections.queue(new Inspections.Filter(site, day == null ? LocalDate.now() : day, direction, operator, category));
    }

    @GetMapping("/tasks")
    @CanInspectParcels
    @Operation(summary = "The inspector's task list: the queue of a site and day")
    List<QueueEntry> tasks(@RequestParam(required = false) String site,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return inspections.queue(new Inspections.Filter(site, day == null ? LocalDate.now() : day, null, null, null));
    }

    record Reason(String reason) {}

    @PostMapping("/queue/{declarationId}/add")
    @CanScreenParcels
    @Operation(summary = "Add a released item to its site's queue by hand, with a reason")
    ResponseEntity<Void> add(@PathVariable UUID declarationId, @RequestBody Reason body) {
        inspections.addToQueue(declarationId, body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/queue/{declarationId}/remove")
    @CanScreenParcels
    @Operation(summary = "Take an item out of the queue by hand, with a reason")
    ResponseEntity<Void> remove(@PathVariable UUID declarationId, @RequestBody Reason body) {
        inspections.removeFromQueue(declarationId, body.reason());
        return ResponseEntity.noContent().build();
    }

    record OutcomeRequest(OutcomeKind kind, ItemKind itemKind, Construction construction, Boolean marked, String notes) {}

    record OutcomeAnswer(UUID outcome, UUID registryItem, Boolean markingRequired) {}

    @PostMapping("/declarations/{declarationId}/outcome")
    @CanInspectParcels
    @Operation(summary = "Record what the inspection found; a firearm, component or ammunition registers the seized item in the registry")
    ResponseEntity<OutcomeAnswer> outcome(@PathVariable UUID declarationId, @RequestBody OutcomeRequest body) {
        Inspections.Recorded r = inspections.recordOutcome(declarationId,
                new Outcome(body.kind(), body.itemKind(), body.construction(), body.marked(), body.notes()));
        return ResponseEntity.status(201).body(new OutcomeAnswer(r.outcome(), r.registryItem() == null ? null : r.registryItem().id().value(),
                r.registryItem() == null ? null : r.registryItem().markingRequired()));
    }

    @GetMapping("/declarations/{declarationId}/parties")
    @PreAuthorize("hasAuthority('CAN_SCREEN_PARCELS') and hasAuthority('CAN_READ_PERSONAL_DATA')")
    @Operation(summary = "Sender and addressee of a declaration (personal data; every read is audited)")
    Map<String, Declaration.Party> parties(@PathVariable UUID declarationId) {
        return screening.parties(declarationId);
    }
}
