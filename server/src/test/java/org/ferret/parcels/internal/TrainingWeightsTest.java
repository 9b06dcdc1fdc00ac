package org.ferret.parcels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ferret.parcels.PickedBy;
import org.junit.jupiter.api.Test;

/** Inverse-propensity training weights: exploration picks stand for the released items of their day, except on a fully inspected day. */
class TrainingWeightsTest {

    static ModelLearning.Row row(int day, PickedBy by) {
        return new ModelLearning.Row("x", day, "HEL", by == null ? -1 : 0, by == null ? -1 : 0, by);
    }

    @Test
    void an_exploration_pick_weighs_released_over_explored_capped_and_every_other_row_one() {
        var rows = List.of(row(10, PickedBy.EXPLORATION), row(10, PickedBy.SCORE), row(10, null), row(11, PickedBy.EXPLORATION),
                row(12, PickedBy.EXPLORATION), row(10, PickedBy.HAND));
        double[] w = ModelLearning.weights(rows, Map.of("HEL/10", 4.5, "HEL/11", 40.0), Set.of(), 10);
        // day 12 has no counters with exploration: 1
        assertThat(w).containsExactly(4.5, 1, 1, 10, 1, 1);
    }

    @Test
    void on_a_fully_inspected_day_an_exploration_pick_weighs_one_like_everything_else_that_day() {
        var rows = List.of(row(10, PickedBy.EXPLORATION), row(10, PickedBy.HAND), row(11, PickedBy.EXPLORATION));
        double[] w = ModelLearning.weights(rows, Map.of("HEL/10", 9.0, "HEL/11", 9.0), Set.of("HEL/10"), 10);
        assertThat(w).containsExactly(1, 1, 9);
    }
}
