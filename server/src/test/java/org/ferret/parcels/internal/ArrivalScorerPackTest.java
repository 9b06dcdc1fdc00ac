package org.ferret.parcels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.ferret.screening.rules.RulePack;
import org.ferret.screening.rules.RulePackParser;
import org.junit.jupiter.api.Test;

/** How a decision is scored under an approved pack the model was not trained with. */
class ArrivalScorerPackTest {

    static RulePack pack(String version, String rules) throws Exception {
        return RulePackParser.parse("test", RulePackParser.MAGIC + "\nname: p\nversion: " + version + "\nprofile: postal\n" + rules);
    }

    static final String SOLVENT = "rule solvent\n when description contains any: \"solvent trap\"\n weight: 2\n rationale: Suppressors as solvent traps.\n";
    static final String FONDUE = "rule fondue\n when description contains any: fondue\n weight: 1.5\n rationale: Test pattern.\n";

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @Test
    void a_pack_with_the_models_rules_and_other_weights_scores_as_the_model() throws Exception {
        RulePack model = pack("m", SOLVENT);
        RulePack active = pack("a", SOLVENT.replace("weight: 2", "weight: 5"));
        assertThat(ArrivalScorer.sameRules(active, model)).isTrue();
        assertThat(ArrivalScorer.sameRules(pack("b", SOLVENT + FONDUE), model)).isFalse();
        assertThat(ArrivalScorer.sameRules(pack("c", SOLVENT.replace("Suppressors", "Silencers")), model)).isFalse();
    }

    @Test
    void a_new_rule_adds_its_weight_to_the_log_odds_and_its_words_come_first() throws Exception {
        RulePack model = pack("m", SOLVENT);
        RulePack active = pack("a", SOLVENT + FONDUE);
        var s = ArrivalScorer.adjust(model, active, 0.2, null, "declared_value 3", List.of(), List.of("fondue"), "m1", "p a");
        assertThat(logit(s.risk())).isCloseTo(logit(0.2) + 1.5, within(1e-9));
        assertThat(s.reasons()).isEqualTo("indicator fondue: Test pattern; declared_value 3");
        assertThat(s.rulesHit()).containsExactly("fondue");
        assertThat(s.rulePack()).isEqualTo("p a");
        // a known rule the row hits adds nothing: the model has learnt it
        var known = ArrivalScorer.adjust(model, active, 0.2, null, "indicator solvent: Suppressors as solvent traps", List.of("solvent"),
                List.of("solvent"), "m1", "p a");
        assertThat(known.risk()).isEqualTo(0.2);
        assertThat(known.reasons()).isEqualTo("indicator solvent: Suppressors as solvent traps");
    }

    @Test
    void a_removed_rule_takes_the_models_weight_off_and_its_words_go() throws Exception {
        RulePack model = pack("m", SOLVENT + FONDUE);
        RulePack active = pack("a", FONDUE);
        var s = ArrivalScorer.adjust(model, active, 0.6, 0.1, "indicator solvent: Suppressors as solvent traps; declared_value 3",
                List.of("solvent"), List.of(), "m1", "p a");
        assertThat(logit(s.risk())).isCloseTo(logit(0.6) - 2, within(1e-9));
        assertThat(s.reasons()).isEqualTo("declared_value 3");
        assertThat(s.critical()).isEqualTo(0.1);
    }

    @Test
    void a_rule_whose_conditions_changed_counts_as_removed_and_added() throws Exception {
        RulePack model = pack("m", SOLVENT);
        RulePack active = pack("a", SOLVENT.replace("\"solvent trap\"", "\"solvent trap\", \"fuel filter\""));
        var both = ArrivalScorer.adjust(model, active, 0.5, null, "", List.of("solvent"), List.of("solvent"), "m1", "p a");
        assertThat(logit(both.risk())).isCloseTo(0, within(1e-9));
        var onlyNew = ArrivalScorer.adjust(model, active, 0.5, null, "", List.of(), List.of("solvent"), "m1", "p a");
        assertThat(logit(onlyNew.risk())).isCloseTo(2, within(1e-9));
    }
}
