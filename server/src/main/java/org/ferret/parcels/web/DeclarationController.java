package org.ferret.parcels.web;

import java.util.ArrayList;
import java.util.List;

import org.ferret.audit.Actor;
import org.ferret.parcels.BatchAnswer;
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

    DeclarationController(ParcelScreening screening, ObjectMapper json) {
        this.screening = screening;
        this.json = json;
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

    static String operator() {
        Actor a = Actor.current();
        if (a.agency() == null) {
            throw new FerretException(ErrorCode.FORBIDDEN, "only a user or token of an operator's agency sends declarations");
        }
        return a.agency();
    }
}
