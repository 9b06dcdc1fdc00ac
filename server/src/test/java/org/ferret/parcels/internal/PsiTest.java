package org.ferret.parcels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The population stability index: zero for the same distribution, small for a sample of it, large for a shift. */
class PsiTest {

    static double[] normal(long seed, int n, double mean) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = mean + r.nextGaussian();
        return v;
    }

    @Test
    void the_same_values_have_an_index_of_zero() {
        double[] v = normal(1, 1000, 0);
        assertThat(Psi.numeric(v, v.clone(), 10)).isCloseTo(0, within(1e-12));
        assertThat(Psi.categorical(List.of("a", "b", "b"), List.of("b", "a", "b"))).isCloseTo(0, within(1e-12));
    }

    @Test
    void two_samples_of_one_distribution_are_stable_and_a_shift_of_one_deviation_is_large() {
        double same = Psi.numeric(normal(1, 5000, 0), normal(2, 5000, 0), 10);
        double shifted = Psi.numeric(normal(1, 5000, 0), normal(2, 5000, 1), 10);
        assertThat(same).isLessThan(0.1);
        assertThat(shifted).isGreaterThan(0.25);
        assertThat(Psi.numeric(normal(1, 5000, 0), normal(2, 5000, 0.3), 10)).isBetween(same, shifted);
    }

    @Test
    void it_is_the_sum_over_bins_of_the_share_difference_times_the_log_ratio() {
        // reference 50 % / 50 %, current 80 % / 20 %: (0.8-0.5) ln(0.8/0.5) + (0.2-0.5) ln(0.2/0.5)
        double expected = 0.3 * Math.log(0.8 / 0.5) + (-0.3) * Math.log(0.2 / 0.5);
        assertThat(Psi.index(new double[] {0.5, 0.5}, new double[] {0.8, 0.2})).isCloseTo(expected, within(1e-12));
        List<String> ref = new ArrayList<>(), cur = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ref.add(i < 5 ? "FI" : "SE");
            cur.add(i < 8 ? "FI" : "SE");
        }
        assertThat(Psi.categorical(ref, cur)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void a_category_unseen_in_the_reference_counts_as_a_large_shift_not_an_infinite_one() {
        double psi = Psi.categorical(List.of("FI", "FI", "SE", "SE"), List.of("FI", "SE", "RU", "RU"));
        assertThat(psi).isGreaterThan(1).isFinite();
    }

    @Test
    void missing_numbers_are_a_bin_of_their_own_and_an_empty_week_has_no_index() {
        double[] ref = {1, 2, 3, 4, Double.NaN}, cur = {Double.NaN, Double.NaN, Double.NaN, 1, 2};
        assertThat(Psi.numeric(ref, cur, 4)).isGreaterThan(0.25);
        assertThat(Psi.numeric(ref, new double[0], 4)).isNaN();
    }
}
