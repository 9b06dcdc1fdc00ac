package org.ferret.parcels.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ferret.audit.Actor;
import org.ferret.parcels.RulePackState;
import org.ferret.parcels.RulePacks;
import org.ferret.shared.FerretException;
import org.ferret.shared.FormErrors;
import org.ferret.shared.access.CanScreenParcels;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The analysts' rule pack screens: versions and each indicator's figures with its weekly trend; the draft editor
 * (one block per rule: conditions, weight, rationale, source) checked as one types, with a preview over the previous
 * day's items; the approval page with the diff against the version before, for a supervisor who is not the author.
 */
@Controller
class RulePackPages {
    private static final String PROFILE = "postal";
    private static final Pattern FIELD = Pattern.compile("rules\\[(\\d+)]\\.(id|conditions|weight|rationale|source)(\\[\\d+])?");
    private final RulePacks packs;

    RulePackPages(RulePacks packs) {
        this.packs = packs;
    }

    @GetMapping("/parcels/rules")
    @CanScreenParcels
    String rules(@RequestParam(required = false) String rule, Model model) {
        List<RulePacks.Indicator> indicators = packs.indicators(PROFILE, 8);
        RulePacks.Indicator shown = indicators.stream().filter(i -> i.ruleId().equals(rule)).findFirst()
                .orElse(indicators.stream().filter(i -> i.hits() > 0).findFirst().orElse(indicators.isEmpty() ? null : indicators.get(0)));
        model.addAttribute("versions", packs.versions(PROFILE));
        model.addAttribute("active", packs.active(PROFILE));
        model.addAttribute("indicators", indicators);
        model.addAttribute("shown", shown);
        return "parcels/rules";
    }

    @PostMapping("/parcels/rules/drafts")
    @CanScreenParcels
    String newDraft(RedirectAttributes flash) {
        RulePacks.Version v = packs.createDraft(PROFILE, null);
        flash.addFlashAttribute("notice", "Draft version " + v.version() + " made from the active version " + v.basedOn() + ".");
        return "redirect:/parcels/rules/" + v.version();
    }

    @GetMapping("/parcels/rules/{version}")
    @CanScreenParcels
    String version(@PathVariable("version") String number, Model model) {
        int version = RulePacks.number(number);
        RulePacks.Version v = packs.version(PROFILE, version);
        return page(v, editable(v.rules()), new FormErrors(Map.of()), model);
    }

    /** The rules as the form sent them (blank blocks and removed rules left out), with each one's block number. */
    record Sent(List<RulePacks.PackRule> rules, List<Integer> blocks, List<Editable> editable) {}

    /** One block of the editor. */
    record Editable(int block, String id, String conditions, String weight, String rationale, String source) {}

    private static List<Editable> editable(List<RulePacks.PackRule> rules) {
        List<Editable> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RulePacks.PackRule r = rules.get(i);
            out.add(new Editable(i, r.id(), String.join("\n", r.conditions()), r.weight(), r.rationale(), r.source()));
        }
        out.add(new Editable(rules.size(), "", "", "", "", ""));
        return out;
    }

    private static Sent sent(Map<String, String> form) {
        int blocks;
        try {
            blocks = Math.min(Integer.parseInt(form.getOrDefault("blocks", "0")), RulePacks.MAX_RULES + 1);
        } catch (NumberFormatException e) {
            blocks = 0;
        }
        List<RulePacks.PackRule> rules = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<Editable> editable = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            String p = "rule-" + b + "-";
            String id = form.getOrDefault(p + "id", ""), conditions = form.getOrDefault(p + "conditions", ""),
                    weight = form.getOrDefault(p + "weight", ""), rationale = form.getOrDefault(p + "rationale", ""),
                    source = form.getOrDefault(p + "source", "");
            boolean blank = id.isBlank() && conditions.isBlank() && weight.isBlank() && rationale.isBlank() && source.isBlank();
            if (blank || form.containsKey(p + "remove")) continue;
            editable.add(new Editable(editable.size(), id, conditions, weight, rationale, source));
            numbers.add(b);
            rules.add(new RulePacks.PackRule(id, Arrays.asList(conditions.split("\r?\n")), weight, rationale, source));
        }
        editable.add(new Editable(editable.size(), "", "", "", "", ""));
        return new Sent(rules, numbers, editable);
    }

    /** Field labels of the editor's form: rule-N-field for every block. */
    private static Map<String, String> labels(int blocks) {
        Map<String, String> l = new java.util.LinkedHashMap<>();
        for (int b = 0; b < blocks; b++) {
            for (String f : List.of("id", "conditions", "weight", "rationale", "source")) l.put("rule-" + b + "-" + f, "Rule " + (b + 1) + " " + f);
        }
        return l;
    }

    /** A problem of rule i's field becomes the error of that field of the editor's block i (in the editor's order). */
    private static FormErrors errors(List<FerretException.FieldProblem> problems, int blocks, List<Integer> blockOf) {
        FormErrors errors = new FormErrors(labels(blocks));
        for (FerretException.FieldProblem p : problems) {
            Matcher m = p.field() == null ? null : FIELD.matcher(p.field());
            if (m != null && m.matches()) {
                int i = Integer.parseInt(m.group(1));
                errors.add("rule-" + (blockOf == null || i >= blockOf.size() ? i : blockOf.get(i)) + "-" + m.group(2), p.message());
            }
            else errors.add("", p.message());
        }
        return errors;
    }

    @PostMapping("/parcels/rules/{version}/check")
    @CanScreenParcels
    String check(@PathVariable("version") String number, @RequestParam Map<String, String> form, Model model) {
        int version = RulePacks.number(number);
        Sent s = sent(form);
        RulePacks.Check c = s.rules().isEmpty() ? new RulePacks.Check(List.of(), List.of()) : packs.check(PROFILE, s.rules());
        model.addAttribute("check", c);
        int blocks = form.containsKey("blocks") ? Math.max(s.editable().size(), s.blocks().isEmpty() ? 0 : s.blocks().get(s.blocks().size() - 1) + 1) : 0;
        model.addAttribute("checkErrors", errors(c.problems(), blocks, s.blocks()));
        return "parcels/rule-check :: check";
    }

    @PostMapping("/parcels/rules/{version}")
    @CanScreenParcels
    String save(@PathVariable("version") String number, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        int version = RulePacks.number(number);
        Sent s = sent(form);
        try {
            packs.updateDraft(PROFILE, version, s.rules());
        } catch (FerretException e) {
            FormErrors errors = e.problems().isEmpty() ? new FormErrors(labels(s.editable().size())) : errors(e.problems(), s.editable().size(), null);
            if (e.problems().isEmpty()) errors.add("", e.getMessage());
            return page(packs.version(PROFILE, version), s.editable(), errors, model);
        }
        flash.addFlashAttribute("notice", "Draft version " + version + " saved.");
        return "redirect:/parcels/rules/" + version;
    }

    @PostMapping("/parcels/rules/{version}/submit")
    @CanScreenParcels
    String submit(@PathVariable("version") String number, Model model, RedirectAttributes flash) {
        int version = RulePacks.number(number);
        return act(version, model, flash, () -> packs.submit(PROFILE, version), "Version " + version + " submitted: a supervisor decides on it.");
    }

    @PostMapping("/parcels/rules/{version}/approve")
    @PreAuthorize("hasAuthority('CAN_SUPERVISE_SCREENING')")
    String approve(@PathVariable("version") String number, @RequestParam(required = false) String reason, Model model, RedirectAttributes flash) {
        int version = RulePacks.number(number);
        return act(version, model, flash, () -> packs.approve(PROFILE, version, reason),
                "Version " + version + " approved: it scores the next items.");
    }

    @PostMapping("/parcels/rules/{version}/reject")
    @PreAuthorize("hasAuthority('CAN_SUPERVISE_SCREENING')")
    String reject(@PathVariable("version") String number, @RequestParam(required = false) String reason, Model model, RedirectAttributes flash) {
        int version = RulePacks.number(number);
        return act(version, model, flash, () -> packs.reject(PROFILE, version, reason), "Version " + version + " rejected.");
    }

    private String act(int version, Model model, RedirectAttributes flash, java.util.function.Supplier<RulePacks.Version> change, String done) {
        try {
            change.get();
        } catch (FerretException e) {
            FormErrors errors = new FormErrors(FormErrors.labels("reason", "Reason"));
            errors.add(e, "", Map.of());
            RulePacks.Version v = packs.version(PROFILE, version);
            return page(v, editable(v.rules()), errors, model);
        }
        flash.addFlashAttribute("notice", done);
        return "redirect:/parcels/rules/" + version;
    }

    private String page(RulePacks.Version v, List<Editable> blocks, FormErrors errors, Model model) {
        String me = Actor.current().username();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean supervises = auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("CAN_SUPERVISE_SCREENING"));
        model.addAttribute("v", v);
        model.addAttribute("blocks", blocks);
        model.addAttribute("errors", errors);
        model.addAttribute("mine", v.author().equals(me));
        model.addAttribute("editing", v.state() == RulePackState.DRAFT && v.author().equals(me));
        model.addAttribute("mayDecide", v.state() == RulePackState.AWAITING_APPROVAL && supervises && !v.author().equals(me));
        model.addAttribute("diff", packs.diff(PROFILE, v.version()));
        return "parcels/rule-version";
    }
}
