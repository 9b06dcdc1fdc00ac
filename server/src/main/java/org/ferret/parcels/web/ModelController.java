package org.ferret.parcels.web;

import java.util.List;
import java.util.UUID;

import org.ferret.parcels.internal.LearningReads;
import org.ferret.parcels.internal.ModelLearning;
import org.ferret.parcels.internal.ModelVersions;
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

/** The learning loop for supervisors: model versions, retraining, promote, hold, rollback, weekly precision and drift. */
@RestController
@RequestMapping("/api/v1/parcels/models")
@PreAuthorize("hasAuthority('CAN_SUPERVISE_SCREENING')")
@Tag(name = "Parcels: learning loop", description = "Model versions, retraining, champion/challenger, drift (supervisors)")
class ModelController {
    private final ModelLearning learning;
    private final ModelVersions versions;
    private final LearningReads reads;

    ModelController(ModelLearning learning, ModelVersions versions, LearningReads reads) {
        this.learning = learning;
        this.versions = versions;
        this.reads = reads;
    }

    /** A version as the API shows it: without its bytes, with its report. */
    record VersionView(ModelVersions.Version version, ModelLearning.Report report) {}

    @GetMapping
    @Operation(summary = "The model versions of a profile, newest first, with their metrics and champion/challenger reports")
    List<VersionView> list(@RequestParam(defaultValue = "postal") String profile) {
        return versions.list(profile).stream().map(v -> new VersionView(v, learning.report(v).orElse(null))).toList();
    }

    record RetrainRequest(String profile) {}

    @PostMapping("/retrain")
    @Operation(summary = "Retrain now on every labelled outcome so far; the new version is promoted or stays a challenger with its report")
    ResponseEntity<ModelLearning.Run> retrain(@RequestBody(required = false) RetrainRequest body) {
        return ResponseEntity.status(201).body(learning.retrainNow(body == null ? null : body.profile()));
    }

    record ReasonRequest(String reason) {}

    @PostMapping("/{id}/promote")
    @Operation(summary = "Promote a challenger or a held version to active (the active one is retired); a reason is required")
    ModelVersions.Version promote(@PathVariable UUID id, @RequestBody ReasonRequest body) {
        return learning.promote(id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/hold")
    @Operation(summary = "Hold a challenger: it is not promoted until a supervisor promotes it; a reason is required")
    ModelVersions.Version hold(@PathVariable UUID id, @RequestBody ReasonRequest body) {
        return learning.hold(id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/rollback")
    @Operation(summary = "Roll back to an earlier, retired version (the active one is retired); a reason is required")
    ModelVersions.Version rollback(@PathVariable UUID id, @RequestBody ReasonRequest body) {
        return learning.rollback(id, body == null ? null : body.reason());
    }

    @GetMapping("/weeks")
    @Operation(summary = "Week by week: the share of the model's picks with a finding (precision at capacity) and of the exploration sample")
    List<LearningReads.Week> weeks(@RequestParam(defaultValue = "postal") String profile) {
        return reads.weeks(profile);
    }

    @GetMapping("/drift")
    @Operation(summary = "Population stability index of the score and each main feature, each week against the week before")
    List<LearningReads.Drift> drift(@RequestParam(defaultValue = "postal") String profile) {
        return reads.drift(profile);
    }
}
