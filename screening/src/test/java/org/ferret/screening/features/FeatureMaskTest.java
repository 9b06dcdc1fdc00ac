package org.ferret.screening.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ferret.screening.TestTables.postal;
import static org.ferret.screening.TestTables.postalRow;

import java.util.stream.IntStream;
import org.ferret.screening.data.Table;
import org.ferret.screening.profile.Profiles;
import org.junit.jupiter.api.Test;

class FeatureMaskTest {
    static final Table T = postal(postalRow("1", "2026-01-05", "seized", "1", "severity", "2"), postalRow("2", "2026-01-06"));
    static final FeatureSpec SPEC = FeatureSpec.fit(T, null, 0);

    @Test
    void without_history_every_history_feature_and_nothing_else_is_hidden() {
        int from = SPEC.historyBase(), to = from + SPEC.perKey() * Profiles.POSTAL.historyKeys().size();
        assertThat(FeatureMask.of(SPEC, false, null).columns()).containsExactly(IntStream.range(from, to).toArray());
        assertThat(FeatureMask.of(SPEC, true, " ").isEmpty()).isTrue();
    }

    @Test
    void a_drop_pattern_hides_the_features_whose_name_it_finds() {
        int[] hidden = FeatureMask.of(SPEC, true, "seen before").columns();
        assertThat(hidden).isNotEmpty();
        for (int col = 0; col < SPEC.size(); col++) {
            int c = col;
            boolean named = SPEC.features().get(c).name().contains("seen before");
            assertThat(java.util.Arrays.stream(hidden).anyMatch(h -> h == c)).as(SPEC.features().get(c).name()).isEqualTo(named);
        }
    }

    @Test
    void applying_it_makes_the_hidden_features_unknown_in_every_row() {
        FeatureBuilder.Matrix m = FeatureBuilder.build(SPEC, T, new History(Profiles.POSTAL), true);
        float[] before = m.x().clone();
        FeatureMask mask = FeatureMask.of(SPEC, false, null);
        mask.apply(m);
        java.util.Set<Integer> hidden = java.util.Arrays.stream(mask.columns()).boxed().collect(java.util.stream.Collectors.toSet());
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                if (hidden.contains(c)) assertThat(m.get(r, c)).isNaN();
                else assertThat(m.get(r, c)).isEqualTo(before[r * m.cols() + c]);
            }
        }
    }

    @Test
    void a_drop_pattern_that_is_not_a_regular_expression_is_refused_saying_so() {
        assertThatThrownBy(() -> FeatureMask.of(SPEC, true, "rate(")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("features to drop: not a regular expression");
    }
}
