package org.ferret.parcels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.ferret.parcels.internal.ChampionChallenger.Figures;
import org.junit.jupiter.api.Test;

/** A challenger is promoted only if no figure it can be compared on is worse than the champion's beyond the tolerance. */
class ChampionChallengerTest {

    /** Figures with the given precision and recall (out of 100 selected, 100 positives), critical recall out of 10. */
    static Figures f(int selectedPositive, int selectedCritical) {
        return new Figures(1000, 100, selectedPositive, 100, 10, selectedCritical);
    }

    static Map<String, Figures> both(Figures exploration, Figures inspected) {
        return Map.of(ChampionChallenger.EXPLORATION, exploration, ChampionChallenger.INSPECTED, inspected);
    }

    @Test
    void a_challenger_as_good_or_better_everywhere_is_promoted() {
        var v = ChampionChallenger.decide(both(f(30, 5), f(40, 6)), both(f(35, 5), f(40, 7)), 0.02);
        assertThat(v.promote()).isTrue();
        assertThat(v.reasons().get(0)).contains("no figure worse by more than the tolerance 0.020");
    }

    @Test
    void a_challenger_worse_within_the_tolerance_is_promoted_and_beyond_it_is_not() {
        // precision on the exploration sample 0.29 against 0.30: 0.01 worse
        assertThat(ChampionChallenger.decide(both(f(30, 5), f(40, 6)), both(f(29, 5), f(40, 6)), 0.02).promote()).isTrue();
        // 0.27 against 0.30: 0.03 worse, beyond 0.02
        var v = ChampionChallenger.decide(both(f(30, 5), f(40, 6)), both(f(27, 5), f(40, 6)), 0.02);
        assertThat(v.promote()).isFalse();
        assertThat(v.reasons()).hasSize(2) // precision and recall both 0.03 lower
                .allSatisfy(r -> assertThat(r).contains("exploration sample").contains("worse by more than the tolerance 0.020"));
        // a larger tolerance lets the same challenger through
        assertThat(ChampionChallenger.decide(both(f(30, 5), f(40, 6)), both(f(27, 5), f(40, 6)), 0.05).promote()).isTrue();
    }

    @Test
    void critical_recall_alone_can_hold_a_challenger_back() {
        var v = ChampionChallenger.decide(both(f(30, 5), f(40, 6)), both(f(35, 5), f(45, 4)), 0.1);
        assertThat(v.promote()).isFalse();
        assertThat(v.reasons()).singleElement().asString().startsWith("critical recall on the inspected sample: 0.400 against 0.600");
    }

    @Test
    void figures_without_items_are_not_compared_and_with_none_at_all_nothing_is_promoted() {
        Figures noCritical = new Figures(1000, 100, 30, 100, 0, 0);
        Figures empty = new Figures(0, 0, 0, 0, 0, 0);
        // the champion has no critical item on the exploration sample: that figure is skipped, the others compared
        assertThat(ChampionChallenger.decide(both(noCritical, f(40, 6)), both(f(30, 0), f(40, 6)), 0.02).promote()).isTrue();
        var none = ChampionChallenger.decide(both(empty, empty), both(empty, empty), 0.02);
        assertThat(none.promote()).isFalse();
        assertThat(none.reasons()).singleElement().asString().contains("no figure could be compared");
    }

    @Test
    void figures_count_the_selected_items_of_each_sample() {
        boolean[] selected = {true, true, false, false, true};
        int[] label = {1, 0, 1, -1, 1};
        int[] severity = {2, 0, 2, -1, 1};
        boolean[] explored = {true, false, true, false, false};
        Map<String, Figures> f = ChampionChallenger.figures(selected, label, severity, explored);
        Figures e = f.get(ChampionChallenger.EXPLORATION), all = f.get(ChampionChallenger.INSPECTED);
        assertThat(e).isEqualTo(new Figures(2, 1, 1, 2, 2, 1));
        assertThat(e.precision()).isEqualTo(1.0);
        assertThat(e.recall()).isEqualTo(0.5);
        // the item without outcome (label -1) is in neither sample
        assertThat(all).isEqualTo(new Figures(4, 3, 2, 3, 2, 1));
        assertThat(all.criticalRecall()).isEqualTo(0.5);
    }
}
