package org.ferret.standards.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.access.CanAssessStandards;
import org.ferret.shared.access.CanManageStandards;
import org.ferret.shared.access.CanReadRegistry;
import org.ferret.standards.Assessment;
import org.ferret.standards.AssessmentResult;
import org.ferret.standards.Assessments;
import org.ferret.standards.Comparison;
import org.ferret.standards.FirearmType;
import org.ferret.standards.HumanDecision;
import org.ferret.standards.PackDiff;
import org.ferret.standards.StandardPack;
import org.ferret.standards.StandardPacks;
import org.ferret.standards.UploadedPacks;
import org.ferret.standards.WeakerDeactivation;
import org.ferret.audit.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Standard packs (read, upload, withdraw), assessments (run, read), comparison, version diff and the para 46 list. */
@Tag(name = "Standards: packs and assessments", description = "Technical standards as data; assessments per requirement with the paragraph")
@RestController
@RequestMapping("/api/v1/standards")
class StandardsController {

    private final StandardPacks packs;
    private final Assessments assessments;
    private final UploadedPacks uploads;

    StandardsController(StandardPacks packs, Assessments assessments, UploadedPacks uploads) {
        this.packs = packs;
        this.assessments = assessments;
        this.uploads = uploads;
    }

    /** {@code uploaded}: stored by an authority's upload (false: read from a file); {@code withdrawn}: no new assessments. */
    record PackSummary(String id, String version, String reference, String jurisdiction, String title, LocalDate inForce,
            String purpose, int requirements, boolean uploaded, boolean withdrawn) {
        static PackSummary of(StandardPack p, StandardPacks packs) {
            return new PackSummary(p.id(), p.version(), p.reference(), p.jurisdiction(), p.title(), p.inForce(),
                    p.purpose().fileName(), p.requirements().size(), !packs.fromFile(p), packs.withdrawn(p));
        }
    }

    record FactView(String name, String label, String type, String unit, Double min, Double max, List<String> options, String paragraph) {
    }

    record RequirementView(String id, String paragraph, String title, String text, List<FirearmType> firearmTypes,
            List<String> components, String decision, String condition, List<String> evidence, String unverified) {
    }

    record PackView(PackSummary pack, List<StandardPack.Source> sources, List<FactView> facts, List<RequirementView> requirements) {
        static PackView of(StandardPack p, StandardPacks packs) {
            return new PackView(PackSummary.of(p, packs), p.sources(), p.facts().values().stream().map(f -> new FactView(f.name(), f.label(),
                    f.type().name().toLowerCase(), f.unit() == null ? null : f.unit().symbol(), f.min(), f.max(), f.options(),
                    f.paragraph())).toList(),
                    p.requirements().stream().map(r -> new RequirementView(r.id(), r.paragraph(), r.title(), r.text(),
                            r.firearmTypes().stream().sorted().toList(), r.components().stream().sorted().map(c -> c.fileName()).toList(),
                            r.decision().name().toLowerCase(), r.condition() == null ? null : r.condition().text(), r.evidence(),
                            r.unverified())).toList());
        }
    }

    @GetMapping
    @CanReadRegistry
    @Operation(summary = "The loaded standard packs (every version)")
    List<PackSummary> list() {
        return packs.all().stream().map(p -> PackSummary.of(p, packs)).toList();
    }

    /** A pack's text as JSON; {@code fileName} is only what the pack is called in messages and on its page. */
    record UploadRequest(String text, String fileName) {
    }

    record UploadView(PackSummary pack, String sha256, String fileName, String uploadedBy, Instant uploadedAt, boolean created) {
        static UploadView of(UploadedPacks.Uploaded u, StandardPacks packs) {
            return new UploadView(PackSummary.of(u.pack(), packs), u.stored().sha256(), u.stored().fileName(), u.stored().uploadedBy(),
                    u.stored().uploadedAt(), u.created());
        }
    }

    @PostMapping(consumes = "application/json")
    @CanManageStandards
    @Operation(summary = "Upload a pack (its YAML text in JSON): validated (errors by line and field), stored, audited and usable at once; "
            + "201 when stored, 200 when the same id, version and text were already stored, 409 for another text under a stored version")
    ResponseEntity<UploadView> upload(@RequestBody UploadRequest body) {
        return uploaded(uploads.upload(body.fileName(), body.text()));
    }

    @PostMapping(consumes = {"application/yaml", "text/yaml"})
    @CanManageStandards
    @Operation(summary = "Upload a pack as its YAML text (Content-Type application/yaml); as the JSON upload")
    ResponseEntity<UploadView> uploadYaml(@RequestBody String text, @RequestParam(required = false) String fileName) {
        return uploaded(uploads.upload(fileName, text));
    }

    private ResponseEntity<UploadView> uploaded(UploadedPacks.Uploaded u) {
        return ResponseEntity.status(u.created() ? HttpStatus.CREATED : HttpStatus.OK).body(UploadView.of(u, packs));
    }

    record WithdrawRequest(@NotBlank String version, @NotBlank String reason) {
    }

    @PostMapping("/{id}/withdrawal")
    @CanManageStandards
    @Operation(summary = "Withdraw an uploaded version: kept and readable, refused for new assessments; audited")
    PackSummary withdraw(@PathVariable String id, @Valid @RequestBody WithdrawRequest body) {
        pack(id, body.version(), "version");
        uploads.withdraw(id, body.version(), body.reason());
        return PackSummary.of(packs.get(id, body.version()), packs);
    }

    @GetMapping("/{id}")
    @CanReadRegistry
    @Operation(summary = "A pack as a readable document: sources, facts with units, requirements with paragraphs (newest version unless asked)")
    PackView pack(@PathVariable String id, @RequestParam(required = false) String version) {
        return PackView.of(pack(id, version, "version"), packs);
    }

    @GetMapping("/{id}/diff")
    @CanReadRegistry
    @Operation(summary = "What changed between two versions of a pack")
    List<PackDiff.Change> diff(@PathVariable String id, @RequestParam String from, @RequestParam String to) {
        return PackDiff.between(pack(id, from, "from"), pack(id, to, "to"));
    }

    /** Human decisions as a client sends them; who decided is the signed-in user, never the body. */
    record DecisionRequest(@NotNull Boolean met, Map<String, String> evidence, String note) {
    }

    record AssessmentRequest(@NotBlank String version, FirearmType firearmType, UUID item, Map<String, Object> facts,
            Map<String, @Valid DecisionRequest> decisions) {
    }

    record AssessmentView(UUID id, String standard, FirearmType firearmType, UUID item, AssessmentResult result,
            List<String> missing, Map<String, Object> facts, String assessedBy, Instant assessedAt) {
        static AssessmentView of(Assessment a) {
            return new AssessmentView(a.id(), a.reference(), a.firearmType(), a.item(), a.result(), a.result().missing(), a.facts(),
                    a.assessedBy(), a.assessedAt());
        }
    }

    @PostMapping("/{id}/assessments")
    @CanAssessStandards
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Assess an item (registered or described) under a pack version; stored and audited")
    AssessmentView assess(@PathVariable String id, @Valid @RequestBody AssessmentRequest body) {
        pack(id, body.version(), "version");
        return AssessmentView.of(assessments.run(id, body.version(), body.firearmType(), body.item(), body.facts(),
                decisions(body.decisions())));
    }

    @GetMapping("/assessments/{assessment}")
    @CanReadRegistry
    @Operation(summary = "A stored assessment with its result per requirement")
    AssessmentView assessment(@PathVariable UUID assessment) {
        return assessments.find(assessment).map(AssessmentView::of)
                .orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "No assessment " + assessment));
    }

    @GetMapping("/items/{item}/assessments")
    @CanReadRegistry
    @Operation(summary = "A registered item's assessments, newest first")
    List<AssessmentView> forItem(@PathVariable UUID item) {
        return assessments.forItem(item).stream().map(AssessmentView::of).toList();
    }

    /** Either a stored assessment (its facts and standard) or facts recorded under a named standard. */
    record CompareRequest(UUID assessment, String from, FirearmType firearmType, Map<String, Object> facts, @NotBlank String to) {
    }

    record CompareView(String from, String to, FirearmType firearmType, boolean operationsSuffice, List<String> failed,
            List<String> missing, List<String> decisionsNeeded, AssessmentResult underTo) {
        static CompareView of(Comparison.Result r) {
            return new CompareView(r.from(), r.to(), r.type(), r.operationsSuffice(),
                    r.failed().stream().map(x -> x.paragraph()).toList(), r.notRecorded().stream().map(x -> x.paragraph()).toList(),
                    r.decisionsNeeded().stream().map(x -> x.paragraph()).toList(), r.underTo());
        }
    }

    @PostMapping("/compare")
    @CanReadRegistry
    @Operation(summary = "Would an item deactivated to X pass Y, and which operations are missing (UN paper para 46)")
    CompareView compare(@Valid @RequestBody CompareRequest body) {
        StandardPack to = reference(body.to(), "to");
        if (body.assessment() != null) {
            Assessment a = assessments.find(body.assessment())
                    .orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "No assessment " + body.assessment()));
            return CompareView.of(Comparison.compare(a.reference(), a.facts(), to, a.firearmType(), Map.of()));
        }
        StandardPack from = reference(body.from(), "from");
        Map<String, Object> facts = body.facts() == null ? Comparison.referenceItem(from, body.firearmType()) : body.facts();
        return CompareView.of(Comparison.compare(from.reference(), facts, to, body.firearmType(), Map.of()));
    }

    @GetMapping("/weaker-deactivations")
    @CanReadRegistry
    @Operation(summary = "Items deactivated under another standard version whose recorded facts do not meet this one")
    List<WeakerDeactivation> weaker(@RequestParam String than) {
        return assessments.deactivatedUnderWeaker(reference(than, "than"));
    }

    private StandardPack pack(String id, String version, String field) {
        if (version == null || version.isBlank()) {
            return packs.latest(id).orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "No standard pack " + id));
        }
        return packs.find(id, version).orElseThrow(() -> packs.latest(id).isPresent()
                ? new FerretException(ErrorCode.VALIDATION_FAILED, "No version " + version + " of " + id,
                        List.of(new FerretException.FieldProblem(field, "versions of " + id + ": " + String.join(", ",
                                packs.all().stream().filter(p -> p.id().equals(id)).map(StandardPack::version).toList()))))
                : new FerretException(ErrorCode.NOT_FOUND, "No standard pack " + id));
    }

    private StandardPack reference(String ref, String field) {
        return packs.byReference(ref).orElseThrow(() -> new FerretException(ErrorCode.VALIDATION_FAILED,
                "No standard version " + ref, List.of(new FerretException.FieldProblem(field,
                        "name a loaded pack as id@version: " + String.join(", ", packs.all().stream().map(StandardPack::reference).toList())))));
    }

    static Map<String, HumanDecision> decisions(Map<String, DecisionRequest> in) {
        if (in == null) {
            return Map.of();
        }
        String by = Actor.current().username();
        Map<String, HumanDecision> out = new java.util.LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, new HumanDecision(v.met(), by, v.evidence(), v.note())));
        return out;
    }
}
