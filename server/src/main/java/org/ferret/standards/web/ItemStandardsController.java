package org.ferret.standards.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.access.CanReadRegistry;
import org.ferret.standards.AssessedImport;
import org.ferret.standards.ItemStandards;
import org.ferret.standards.Review;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The standards applied to registry items: imports assessed under this state's standard (para 46) and the reviews of
 * seized semi-finished frames or receivers awaiting a person's decision. A review is completed by a decided
 * assessment of the item under its standard ({@code POST /api/v1/standards/{id}/assessments}).
 */
@Tag(name = "Standards: registry items", description = "Assessed imports and open reviews of seized items")
@RestController
@RequestMapping("/api/v1/standards")
class ItemStandardsController {

    private final ItemStandards items;

    ItemStandardsController(ItemStandards items) {
        this.items = items;
    }

    @GetMapping("/imports")
    @CanReadRegistry
    @Operation(summary = "Imports assessed under this state's standard, newest first; outcome PASSED or FLAGGED")
    List<AssessedImport> imports(@RequestParam(required = false) String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return items.imports(null);
        }
        String o = outcome.strip().toUpperCase(Locale.ROOT);
        if (!o.equals("PASSED") && !o.equals("FLAGGED")) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "outcome: expected PASSED or FLAGGED, was " + outcome,
                    List.of(new FerretException.FieldProblem("outcome", "expected PASSED or FLAGGED, was " + outcome)));
        }
        return items.imports(o);
    }

    @GetMapping("/imports/{event}")
    @CanReadRegistry
    @Operation(summary = "The assessment an import event was recorded on")
    AssessedImport importOf(@PathVariable UUID event) {
        return items.importOf(event).orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND,
                "Import event " + event + " was not assessed under a standard"));
    }

    @GetMapping("/reviews")
    @CanReadRegistry
    @Operation(summary = "Assessments of seized items awaiting a person's decision, oldest first")
    List<Review> reviews() {
        return items.openReviews();
    }

    @GetMapping("/items/{item}/reviews")
    @CanReadRegistry
    @Operation(summary = "A registered item's reviews, open and completed, newest first")
    List<Review> reviewsOf(@PathVariable UUID item) {
        return items.reviewsOf(item);
    }
}
