package org.ferret.parcels.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ferret.screening.model.ScreeningModel;
import org.ferret.screening.rules.Rule;
import org.springframework.stereotype.Component;

/**
 * What the item page says about each rule a decision hit: a mandatory rule's words, or the risk indicator's weight,
 * rationale and source as the rule pack version the decision was taken with gives them (the active model's own pack
 * when it is that one, else the stored version of that label; otherwise nothing rather than another pack's numbers).
 */
@Component
public class RuleBook {
    private final ScreeningModels models;
    private final RulePackStore packs;

    RuleBook(ScreeningModels models, RulePackStore packs) {
        this.models = models;
        this.packs = packs;
    }

    /** One rule hit: its id, whether it is mandatory, and what is known of it (null when not known). */
    public record RuleHit(String id, boolean mandatory, String rationale, Double weight, String source) {}

    public List<RuleHit> explain(String profile, List<String> ids, String rulePackOfDecision) {
        List<RuleHit> out = new ArrayList<>();
        org.ferret.screening.rules.RulePack pack = null;
        boolean looked = false;
        for (String id : ids) {
            Optional<String> mandatory = MandatoryRules.reasonOf(id);
            if (mandatory.isPresent()) {
                out.add(new RuleHit(id, true, mandatory.get(), null, "Protocol art. 10"));
                continue;
            }
            if (!looked) {
                looked = true;
                // the active model's own pack when it is the decision's (its weights as training re-estimated them),
                // else the stored version the decision was taken with
                if (rulePackOfDecision != null) {
                    ScreeningModel model = models.model(profile);
                    if (model.rulePack() != null && model.rulePack().label().equals(rulePackOfDecision)) pack = model.rulePack();
                    else pack = packs.byLabel(profile, rulePackOfDecision).orElse(null);
                }
            }
            Rule rule = pack == null ? null : pack.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
            out.add(rule == null ? new RuleHit(id, false, null, null, null)
                    : new RuleHit(id, false, rule.rationale(), rule.weight(), rule.source().isEmpty() ? null : rule.source()));
        }
        return out;
    }
}
