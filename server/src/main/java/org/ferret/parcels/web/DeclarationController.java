package org.ferret.parcels.web;

import java.util.ArrayList;
import java.util.List;

import org.ferret.audit.Actor;
import org.ferret.parcels.BatchAnswer;
import org.ferret.parcels.CsvDeclarations;
import org.ferret.parcels.ParcelScreening;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.access.CanSubmitDeclarations;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Advance electronic data from postal and courier operators: a batch of items in, a decision per item out. */
@RestController
@RequestMapping("/api/v1/parcels")
@Tag(name = "Parcels: advance data", description = "CN22/CN23 and ITMATT item data in, hold or release per item out (UN paper paras 18-22)")
class DeclarationController {
    private final ParcelScreening screening;
    private final ObjectMapper json;
    private final CsvDeclarations csv;

    DeclarationController(ParcelScreening screening, ObjectMapper json, CsvDeclarations csv) {
        this.screening = screening;
        this.json = json;
        this.csv = csv;
    }

    @PostMapping(path = "/declarations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @CanSubmitDeclarations
    @Operation(summary = "Send a batch of item declarations; each item is answered ACCEPTED with its decision, UNCHANGED or REJECTED with the fields at fault",
            description = "Body {\"items\": [...]}; at most ferret.parcels.max-batch items (default 1000), a larger batch is answered 413. "
                    + "The operator is the caller's agency. allOrNothing=true rejects the whole batch (422) if any item is bad.")
    BatchAnswer submit(@RequestBody String body, @RequestParam(defaultValue = "false") boolean allOrNothing) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new FerretException(ErrorCode.MALFORMED_REQUEST, "Malformed JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.has("items") || !root.get("items").isArray()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "items: expected {\"items\": [ ... ]}",
                    List.of(new FieldProblem("items", "expected an array of items")));
        }
        for (String name : root.propertyNames()) {
            if (!name.equals("items")) {
                throw new FerretException(ErrorCode.VALIDATION_FAILED, "Unknown field '" + name + "'",
                        List.of(new FieldProblem(name, "unknown field (a batch has only items; the operator is the caller's agency)")));
            }
        }
        List<JsonNode> items = new ArrayList<>();
        root.get("items").forEach(items::add);
        return screening.submit(operator(), items, allOrNothing);
    }

    @PostMapping(path = "/declarations", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @CanSubmitDeclarations
    @Operation(summary = "Send declarations as a CSV file (layout: docs/parcels.md, one row per item); the same per-item answers as the JSON batch, problems naming line and column",
            description = "UTF-8, at most ferret.parcels.max-batch items (default 1000; more is 413 BATCH_TOO_LARGE) and "
                    + "ferret.import.max-size bytes (32 MB; more is 413 PAYLOAD_TOO_LARGE). A file that cannot be read (not UTF-8, "
                    + "broken quoting, an unknown, missing or duplicate column) is 400 MALFORMED_REQUEST naming the line; "
                    + "allOrNothing=true rejects the whole file (422) if any item is bad.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The CSV file, UTF-8",
                    content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv")))
    BatchAnswer submitCsv(jakarta.servlet.http.HttpServletRequest request, @RequestParam(defaultValue = "false") boolean allOrNothing)
            throws java.io.IOException {
        String operator = operator();
        try (java.io.InputStream body = request.getInputStream()) {
            return csv.submit(body, operator, allOrNothing, csv.maxItems(), CsvDeclarations.Progress.NONE).answers();
        }
    }

    static String operator() {
        Actor a = Actor.current();
        if (a.agency() == null) {
            throw new FerretException(ErrorCode.FORBIDDEN, "only a user or token of an operator's agency sends declarations");
        }
        return a.agency();
    }
}
