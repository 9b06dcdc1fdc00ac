package org.ferret.parcels.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ferret.screening.model.ScreeningModel;
import org.ferret.screening.rules.Rule;
import org.springframework.stereotype.Component;

/**
 * What the item page says about each rule a decision hit: a mandatory rule's words, or the risk indicator's weight,
 * rationale and source as the rule pack of the active model gives them (only when that pack is the one the decision
 * was taken with; otherwise the page says the pack has changed rather than show another pack's numbers).
 */
@Component
public class RuleBook {
    private final ScreeningModels models;

    RuleBook(ScreeningModels models) {
        this.models = models;
    }

    /** One rule hit: its id, whether it is mandatory, and what is known of it (null when not known). */
    public record RuleHit(String id, boolean mandatory, String rationale, Double weight, String source) {}

    public List<RuleHit> explain(String profile, List<String> ids, String rulePackOfDecision) {
        List<RuleHit> out = new ArrayList<>();
        ScreeningModel model = null;
        for (String id : ids) {
            Optional<String> mandatory = MandatoryRules.reasonOf(id);
            if (mandatory.isPresent()) {
                out.add(new RuleHit(id, true, mandatory.get(), null, "Protocol art. 10"));
                continue;
            }
            if (model == null) model = models.model(profile);
            Rule rule = null;
            if (model.rulePack() != null && model.rulePack().label().equals(rulePackOfDecision)) {
                rule = model.rulePack().rules().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
            }
            out.add(rule == null ? new RuleHit(id, false, null, null, null)
                    : new RuleHit(id, false, rule.rationale(), rule.weight(), rule.source().isEmpty() ? null : rule.source()));
        }
        return out;
    }
}
