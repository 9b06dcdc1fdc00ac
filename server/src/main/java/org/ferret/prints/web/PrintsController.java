package org.ferret.prints.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.printfiles.fingerprint.Library;
import org.ferret.prints.FileDisposition;
import org.ferret.prints.HeldFile;
import org.ferret.prints.KnownParts;
import org.ferret.prints.PrintScreening;
import org.ferret.prints.PrintsProperties;
import org.ferret.prints.ReviewOutcome;
import org.ferret.prints.Reviews;
import org.ferret.prints.internal.ClientRateLimit;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.RateLimitedException;
import org.ferret.shared.access.CanMaintainPrintLibrary;
import org.ferret.shared.access.CanReviewPrints;
import org.ferret.shared.access.CanScreenPrints;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Print-file screening for printing services, the fingerprint library and the review queue (issue 16). */
@RestController
@RequestMapping("/api/v1/prints")
@Tag(name = "Prints: screening and review", description = "3D-printing files screened for firearm parts: verdict with evidence; library of known parts; review queue")
class PrintsController {
    private final PrintScreening screening;
    private final KnownParts parts;
    private final Reviews reviews;
    private final PrintsProperties properties;
    private final ClientRateLimit rate;

    PrintsController(PrintScreening screening, KnownParts parts, Reviews reviews, PrintsProperties properties, ClientRateLimit rate) {
        this.screening = screening;
        this.parts = parts;
        this.reviews = reviews;
        this.properties = properties;
        this.rate = rate;
    }

    @PostMapping(path = "/screen", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @CanScreenPrints
    @Operation(summary = "Screen one 3D-printing file (STL, 3MF, OBJ, G-code): verdict allow, review, block or error with the evidence",
            description = "Multipart field `file`. Fails closed: an unreadable file, a limit or a fault is `error`, never `allow`. "
                    + "At most ferret.prints.max-file-bytes (413 PAYLOAD_TOO_LARGE); at most ferret.prints.per-client-per-minute "
                    + "per client (429 RATE_LIMITED with Retry-After). Review and block are held for a reviewer (screeningId).")
    ResponseEntity<String> screen(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        String client = Actor.current().username();
        OptionalLong wait = rate.take(client);
        if (wait.isPresent()) {
            throw new RateLimitedException("Too many screenings from " + client + "; retry in " + wait.getAsLong() + " s", wait.getAsLong());
        }
        if (file == null || file.isEmpty()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "file: send the file in the multipart field 'file'",
                    List.of(new FieldProblem("file", "missing or empty")));
        }
        if (file.getSize() > properties.getMaxFileBytes()) {
            throw new FerretException(ErrorCode.PAYLOAD_TOO_LARGE, "file: " + file.getSize() + " bytes, at most " + properties.getMaxFileBytes(),
                    List.of(new FieldProblem("file", "larger than " + properties.getMaxFileBytes() + " bytes")));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(screening.screen(client, file.getOriginalFilename(), file.getBytes()).toJson());
    }

    @GetMapping(path = "/library", produces = MediaType.TEXT_PLAIN_VALUE)
    @CanMaintainPrintLibrary
    @Operation(summary = "This node's own fingerprint library in its text form (docs/prints.md): version line, then one line per known part")
    String library() {
        return parts.local().encode();
    }

    @PostMapping(path = "/library", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @CanMaintainPrintLibrary
    @Operation(summary = "Add a known part: its fingerprint and SHA-256 are computed from the uploaded file, which is not kept",
            description = "Multipart fields `file`, `partType`, `source`. Raises the library version by one.")
    Map<String, Object> addPart(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String partType, @RequestParam(required = false) String source) throws IOException {
        if (file != null && file.getSize() > properties.getMaxFileBytes()) {
            throw new FerretException(ErrorCode.PAYLOAD_TOO_LARGE, "file: larger than " + properties.getMaxFileBytes() + " bytes");
        }
        Library.Entry e = parts.add(file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(), partType, source);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("partType", e.partType());
        m.put("source", e.source());
        m.put("sha256", List.copyOf(e.sha256()));
        m.put("fingerprint", e.fingerprint().encode());
        m.put("libraryVersion", parts.current().version());
        return m;
    }

    @GetMapping("/reviews")
    @CanReviewPrints
    @Operation(summary = "Held files awaiting a decision (review and block), oldest first")
    List<Map<String, Object>> open() {
        return reviews.open().stream().map(PrintsController::summary).toList();
    }

    @GetMapping(path = "/reviews/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @CanReviewPrints
    @Operation(summary = "One held file: the screening (evidence, facts, fingerprint) and the decision once made")
    String one(@PathVariable UUID id) {
        HeldFile h = reviews.get(id);
        StringBuilder sb = new StringBuilder("{");
        Map<String, Object> s = summary(h);
        s.forEach((k, v) -> sb.append('"').append(k).append("\":").append(v == null ? "null" : v instanceof Boolean ? v.toString() : quote(String.valueOf(v))).append(','));
        return sb.append("\"screening\":").append(h.screeningJson()).append('}').toString();
    }

    record Decision(ReviewOutcome outcome, FileDisposition disposition, String reason) {}

    @PostMapping(path = "/reviews/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @CanReviewPrints
    @Operation(summary = "Record the decision on a held file: outcome CONFIRM_BLOCK or RELEASE, disposition KEEP_AS_EVIDENCE or DISCARD (bytes deleted), reason")
    Map<String, Object> decide(@PathVariable UUID id, @RequestBody Decision d) {
        return summary(reviews.decide(id, d.outcome(), d.disposition(), d.reason()));
    }

    static Map<String, Object> summary(HeldFile h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id().toString());
        m.put("client", h.client());
        m.put("fileName", h.fileName());
        m.put("sha256", h.sha256());
        m.put("verdict", h.verdict().toLowerCase(java.util.Locale.ROOT));
        m.put("libraryVersion", String.valueOf(h.libraryVersion()));
        m.put("screenedAt", h.screenedAt().toString());
        m.put("outcome", h.outcome() == null ? null : h.outcome().name());
        m.put("disposition", h.disposition() == null ? null : h.disposition().name());
        m.put("reason", h.decisionReason());
        m.put("decidedBy", h.decidedBy());
        m.put("decidedAt", h.decidedAt() == null ? null : h.decidedAt().toString());
        m.put("fileKept", h.fileKept());
        return m;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
