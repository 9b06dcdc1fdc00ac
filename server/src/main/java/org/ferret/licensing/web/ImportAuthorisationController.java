package org.ferret.licensing.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ferret.licensing.ImportAuthorisation;
import org.ferret.licensing.ImportAuthorisationRequest;
import org.ferret.licensing.ImportAuthorisationStatus;
import org.ferret.licensing.ImportAuthorisations;
import org.ferret.licensing.UnauthorisedImport;
import org.ferret.shared.access.CanLicense;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Import authorisations issued by this state (Protocol art. 10(1)), drawn down by the registry's import events. */
@Tag(name = "Licensing: import authorisations", description = "Import authorisations issued by this state (Protocol art. 10)")
@RestController
@RequestMapping("/api/v1/import-authorisations")
@CanLicense
class ImportAuthorisationController {

    private final ImportAuthorisations authorisations;
    private final Clock clock;

    ImportAuthorisationController(ImportAuthorisations authorisations, Clock clock) {
        this.authorisations = authorisations;
        this.clock = clock;
    }

    /** An authorisation with where it stands today (an issued one past its last day reads as expired). */
    record Json(ImportAuthorisation authorisation, ImportAuthorisationStatus standing) {
    }

    private Json json(ImportAuthorisation a) {
        return new Json(a, a.statusOn(LocalDate.now(clock)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Json issue(@RequestBody ImportAuthorisationRequest request) {
        return json(authorisations.issue(request));
    }

    @GetMapping
    List<Json> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) ImportAuthorisationStatus status,
            @RequestParam(required = false) String countryOfExport, @RequestParam(required = false) UUID importer,
            @RequestParam(defaultValue = "100") int limit) {
        return authorisations.search(q, status, countryOfExport, importer, limit).stream().map(this::json).toList();
    }

    @GetMapping("/{id}")
    Json get(@PathVariable UUID id) {
        return json(authorisations.get(id));
    }

    record Revoke(String reason) {
    }

    @PostMapping("/{id}/revoke")
    Json revoke(@PathVariable UUID id, @RequestBody Revoke r) {
        return json(authorisations.revoke(id, r == null ? null : r.reason()));
    }

    /** Import events recorded naming no authorisation (ferret.licensing.unauthorised-imports=FLAG), newest first. */
    @GetMapping("/unauthorised-imports")
    List<UnauthorisedImport> unauthorised(@RequestParam(defaultValue = "100") int limit) {
        return authorisations.unauthorisedImports(limit);
    }
}
