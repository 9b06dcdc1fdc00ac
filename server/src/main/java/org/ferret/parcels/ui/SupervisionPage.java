package org.ferret.parcels.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.parcels.ModelState;
import org.ferret.parcels.RulePackState;
import org.ferret.parcels.RulePacks;
import org.ferret.parcels.internal.LearningReads;
import org.ferret.parcels.internal.ModelLearning;
import org.ferret.parcels.internal.ModelVersions;
import org.ferret.parcels.internal.RulePackStore;
import org.ferret.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The screening supervisor's page: the model versions with their metrics, precision at capacity week by week (a chart
 * drawn from its table), the challenger's report, promote / hold / roll back with a reason, retrain now, drift
 * alerts, the rule pack versions awaiting approval and the way to the rule packs.
 */
@Controller
@PreAuthorize("hasAuthority('CAN_SUPERVISE_SCREENING')")
class SupervisionPage {
    private final ModelLearning learning;
    private final ModelVersions versions;
    private final LearningReads reads;
    private final RulePacks packs;

    SupervisionPage(ModelLearning learning, ModelVersions versions, LearningReads reads, RulePacks packs) {
        this.learning = learning;
        this.versions = versions;
        this.reads = reads;
        this.packs = packs;
    }

    /** A version and, for a retrained one, its report. */
    record Row(ModelVersions.Version v, ModelLearning.Report report, boolean canPromote, boolean canHold, boolean canRollBack) {}

    @GetMapping("/parcels/supervision")
    String page(@RequestParam(defaultValue = "postal") String profile, Model model) {
        return render(profile, model, new FormErrors(labels()), null, null);
    }

    @PostMapping("/parcels/supervision/retrain")
    String retrain(@RequestParam(defaultValue = "postal") String profile, Model model, HttpServletResponse response, RedirectAttributes flash) {
        FormErrors errors = new FormErrors(FormErrors.labels("retrain", "Retrain now"));
        return errors.submit(() -> {
            ModelLearning.Run r = learning.retrainNow(profile);
            flash.addFlashAttribute("notice", "Version " + r.seq() + " trained: " + (r.state() == ModelState.ACTIVE
                    ? "promoted on its report, it scores the next items." : "it stays a challenger; its report is below."));
            return "redirect:/parcels/supervision?profile=" + profile;
        }, "", Map.of("profile", "retrain")).orElseGet(() -> {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(profile, model, errors, null, null);
        });
    }

    @PostMapping("/parcels/supervision/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String reason, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        ModelVersions.Version v = versions.get(id).orElseThrow(() -> new org.ferret.shared.FerretException(org.ferret.shared.ErrorCode.NOT_FOUND,
                "no model version " + id));
        FormErrors errors = new FormErrors(labels());
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "say why (it is kept with the version and in the audit trail)");
        }
        return errors.submit(() -> {
            String done = switch (action) {
                case "promote" -> { learning.promote(id, reason); yield "Version " + v.seq() + " promoted: it scores the next items."; }
                case "hold" -> { learning.hold(id, reason); yield "Version " + v.seq() + " held: it is not promoted until a supervisor promotes it."; }
                case "rollback" -> { learning.rollback(id, reason); yield "Rolled back to version " + v.seq() + ": it scores the next items."; }
                default -> throw new org.ferret.shared.FerretException(org.ferret.shared.ErrorCode.NOT_FOUND, "no action " + action);
            };
            flash.addFlashAttribute("notice", done);
            return "redirect:/parcels/supervision?profile=" + v.profile();
        }, "", Map.of()).orElseGet(() -> {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(v.profile(), model, errors, id, reason);
        });
    }

    private static Map<String, String> labels() {
        return FormErrors.labels("reason", "Reason");
    }

    private String render(String profile, Model model, FormErrors errors, UUID errorRow, String reason) {
        List<ModelVersions.Version> all = versions.list(profile);
        Optional<ModelVersions.Version> active = all.stream().filter(v -> v.state() == ModelState.ACTIVE).findFirst();
        int activeSeq = active.map(ModelVersions.Version::seq).orElse(Integer.MAX_VALUE);
        List<Row> rows = new ArrayList<>();
        for (ModelVersions.Version v : all) {
            rows.add(new Row(v, learning.report(v).orElse(null), v.state() == ModelState.CHALLENGER || v.state() == ModelState.HELD,
                    v.state() == ModelState.CHALLENGER, v.state() == ModelState.RETIRED && v.seq() < activeSeq));
        }
        Row latestReport = rows.stream().filter(r -> r.report() != null).findFirst().orElse(null);
        List<LearningReads.Drift> drift = reads.drift(profile);
        model.addAttribute("profile", profile);
        model.addAttribute("rows", rows);
        model.addAttribute("active", active.orElse(null));
        model.addAttribute("latest", latestReport);
        model.addAttribute("weeks", reads.weeks(profile));
        // the latest week's comparisons open, the earlier weeks folded (a year of weeks × features is long on a phone)
        LocalDate lastWeek = drift.stream().map(LearningReads.Drift::week).max(LocalDate::compareTo).orElse(null);
        model.addAttribute("driftLatest", drift.stream().filter(d -> d.week().equals(lastWeek)).toList());
        model.addAttribute("driftEarlier", drift.stream().filter(d -> !d.week().equals(lastWeek))
                .sorted(java.util.Comparator.comparing(LearningReads.Drift::week).reversed()).toList());
        model.addAttribute("alerts", drift.stream().filter(LearningReads.Drift::alert).toList());
        // the rule pack versions a second person is to approve (the next retraining trains with the one approved)
        model.addAttribute("awaiting", RulePackStore.BUNDLED.containsKey(profile) ? packs.versions(profile).stream()
                .filter(v -> v.state() == RulePackState.AWAITING_APPROVAL).toList() : List.of());
        model.addAttribute("changes", versions.changes(profile).stream().limit(30).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("errorRow", errorRow);
        model.addAttribute("reason", reason);
        return "parcels/supervision";
    }
}
