package org.ferret.parcels.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.ferret.parcels.RulePacks;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.access.CanScreenParcels;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** Rule pack versions: drafts, checks with a preview, four-eyes approval, diffs and the indicators' figures. */
@RestController
@RequestMapping("/api/v1/parcels/rule-packs")
@Tag(name = "Parcels: rule packs", description = "Risk indicators in analysts' hands: drafts, checks, preview, approval by a second person")
class RulePackController {
    private static final Set<String> RULE_FIELDS = Set.of("id", "conditions", "weight", "rationale", "source");
    private final RulePacks packs;

    RulePackController(RulePacks packs) {
        this.packs = packs;
    }

    @GetMapping
    @CanScreenParcels
    @Operation(summary = "The versions of a profile's rule pack, newest first")
    List<RulePacks.Version> versions(@RequestParam(required = false) String profile) {
        return packs.versions(profile);
    }

    @GetMapping("/active")
    @CanScreenParcels
    @Operation(summary = "The ACTIVE version, the one scoring uses for the next items")
    RulePacks.Version active(@RequestParam(required = false) String profile) {
        return packs.active(profile);
    }

    @GetMapping("/indicators")
    @CanScreenParcels
    @Operation(summary = "Each rule of the active pack: hit rate and precision from recorded outcomes, week by week")
    List<RulePacks.Indicator> indicators(@RequestParam(required = false) String profile, @RequestParam(defaultValue = "8") int weeks) {
        return packs.indicators(profile, weeks);
    }

    @GetMapping("/{version}")
    @CanScreenParcels
    @Operation(summary = "One version with its rules and text")
    RulePacks.Version version(@PathVariable("version") String number, @RequestParam(required = false) String profile) {
        int version = RulePacks.number(number);
        return packs.version(profile, version);
    }

    @GetMapping("/{version}/diff")
    @CanScreenParcels
    @Operation(summary = "Rules added, removed or changed (field by field) against the version it was based on")
    List<RulePacks.Change> diff(@PathVariable("version") String number, @RequestParam(required = false) String profile) {
        int version = RulePacks.number(number);
        return packs.diff(profile, version);
    }

    @PostMapping("/check")
    @CanScreenParcels
    @Operation(summary = "Checks draft rules and previews the sound ones over the previous day's stored items (stores nothing)",
            description = "Body {\"rules\": [{\"id\", \"conditions\": [..], \"weight\", \"rationale\", \"source\"}]}. Always 200 for a readable body; "
                    + "each problem names the rule and the field (rules[2].weight).")
    RulePacks.Check check(@RequestBody JsonNode body, @RequestParam(required = false) String profile) {
        List<FieldProblem> problems = new ArrayList<>();
        List<RulePacks.PackRule> rules = rules(body, problems, true);
        if (!problems.isEmpty()) return new RulePacks.Check(problems, List.of());
        return packs.check(profile, rules);
    }

    @PostMapping
    @CanScreenParcels
    @Operation(summary = "A new draft: the rules given, or without a body's rules a copy of the active version's")
    ResponseEntity<RulePacks.Version> create(@RequestBody(required = false) JsonNode body, @RequestParam(required = false) String profile) {
        List<RulePacks.PackRule> rules = body == null || body.isNull() || (body.isObject() && !body.has("rules")) ? null : strict(body);
        return ResponseEntity.status(201).body(packs.createDraft(profile, rules));
    }

    @PutMapping("/{version}")
    @CanScreenParcels
    @Operation(summary = "Replaces a draft's rules (its author, while it is a draft)")
    RulePacks.Version update(@PathVariable("version") String number, @RequestBody JsonNode body, @RequestParam(required = false) String profile) {
        int version = RulePacks.number(number);
        return packs.updateDraft(profile, version, strict(body));
    }

    @PostMapping("/{version}/submit")
    @CanScreenParcels
    @Operation(summary = "The author submits a draft for approval by a second person")
    RulePacks.Version submit(@PathVariable("version") String number, @RequestParam(required = false) String profile) {
        int version = RulePacks.number(number);
        return packs.submit(profile, version);
    }

    record Reason(String reason) {}

    @PostMapping("/{version}/approve")
    @PreAuthorize("hasAuthority('CAN_SUPERVISE_SCREENING')")
    @Operation(summary = "A supervisor other than the author approves: the version becomes ACTIVE, the one before SUPERSEDED")
    RulePacks.Version approve(@PathVariable("version") String number, @RequestBody(required = false) Reason body, @RequestParam(required = false) String profile) {
        int version = RulePacks.number(number);
        return packs.approve(profile, version, body == null ? null : body.reason());
    }

    @PostMapping("/{version}/reject")
    @PreAuthorize("hasAuthority('CAN_SUPERVISE_SCREENING')")
    @Operation(summary = "A supervisor other than the author rejects, saying why")
    RulePacks.Version reject(@PathVariable("version") String number, @RequestBody(required = false) Reason body, @RequestParam(required = false) String profile) {
        int version = RulePacks.number(number);
        return packs.reject(profile, version, body == null ? null : body.reason());
    }

    private static List<RulePacks.PackRule> strict(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        List<RulePacks.PackRule> rules = rules(body, problems, false);
        if (!problems.isEmpty()) {
            throw new FerretException(ErrorCode.RULE_PACK_INVALID, problems.size() + " problem(s) in the rule pack; nothing was stored", problems);
        }
        return rules;
    }

    /** The body's rules, read strictly: an unknown or mistyped field is a problem naming it. */
    static List<RulePacks.PackRule> rules(JsonNode body, List<FieldProblem> problems, boolean forCheck) {
        if (body == null || !body.isObject()) {
            problems.add(new FieldProblem("rules", "expected an object {\"rules\": [...]}"));
            return List.of();
        }
        for (Iterator<String> it = body.propertyNames().iterator(); it.hasNext();) {
            String f = it.next();
            if (!f.equals("rules")) problems.add(new FieldProblem(f, "unknown field (expected rules)"));
        }
        JsonNode rs = body.get("rules");
        if (rs == null || !rs.isArray()) {
            problems.add(new FieldProblem("rules", "expected an array of rules"));
            return List.of();
        }
        if (rs.size() > RulePacks.MAX_RULES) {
            problems.add(new FieldProblem("rules", "a pack holds at most " + RulePacks.MAX_RULES + " rules, this one " + rs.size()));
            return List.of();
        }
        List<RulePacks.PackRule> out = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            String at = "rules[" + i + "]";
            if (!r.isObject()) {
                problems.add(new FieldProblem(at, "expected a rule object"));
                continue;
            }
            String id = r.has("id") && r.get("id").isString() ? r.get("id").stringValue() : null;
            String name = id == null || id.isBlank() ? "number " + (i + 1) : id.strip();
            for (Iterator<String> it = r.propertyNames().iterator(); it.hasNext();) {
                String f = it.next();
                if (!RULE_FIELDS.contains(f)) {
                    problems.add(new FieldProblem(at + "." + f, "rule " + name + ", " + f + ": unknown field (expected id, conditions, weight, rationale, source)"));
                }
            }
            List<String> conditions = new ArrayList<>();
            JsonNode cs = r.get("conditions");
            if (cs != null && !cs.isNull()) {
                if (!cs.isArray()) problems.add(new FieldProblem(at + ".conditions", "rule " + name + ", conditions: expected an array of conditions"));
                else for (int j = 0; j < cs.size(); j++) {
                    if (!cs.get(j).isString()) problems.add(new FieldProblem(at + ".conditions[" + j + "]", "rule " + name + ", condition " + (j + 1) + ": expected text"));
                    else conditions.add(cs.get(j).stringValue());
                }
            }
            out.add(new RulePacks.PackRule(text(r, "id", at, name, problems), conditions, weight(r, at, name, problems),
                    text(r, "rationale", at, name, problems), text(r, "source", at, name, problems)));
        }
        return out;
    }

    private static String text(JsonNode r, String f, String at, String name, List<FieldProblem> problems) {
        JsonNode v = r.get(f);
        if (v == null || v.isNull()) return null;
        if (!v.isString()) {
            problems.add(new FieldProblem(at + "." + f, "rule " + name + ", " + f + ": expected text"));
            return null;
        }
        return v.stringValue();
    }

    private static String weight(JsonNode r, String at, String name, List<FieldProblem> problems) {
        JsonNode v = r.get("weight");
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.asString();
        if (v.isString()) return v.stringValue();
        problems.add(new FieldProblem(at + ".weight", "rule " + name + ", weight: expected a number"));
        return null;
    }

}
