package org.ferret.screening.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ferret.screening.Seeded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SelectorTest {
    @Test
    void parses_counts_and_shares() {
        assertThat(Capacity.parse("5%").of(1000)).isEqualTo(50);
        assertThat(Capacity.parse("0.5%").of(1000)).isEqualTo(5);
        assertThat(Capacity.parse("120").of(1000)).isEqualTo(120);
        assertThat(Capacity.parse("120").of(100)).isEqualTo(100);
        assertThatThrownBy(() -> Capacity.parse("lots")).hasMessageContaining("count like 120 or a share like 5%");
    }

    @Test
    void without_exploration_the_highest_risks_are_picked() {
        double[] risk = {0.1, 0.9, 0.5, 0.8, 0.2};
        List<Selector.Pick> p = Selector.select(risk, null, new Selector.Policy(new Capacity(2, 0), 0, 0), new Random(1));
        assertThat(p).extracting(Selector.Pick::row).containsExactly(1, 3);
    }

    /** Rows 1..500, capacity 0..100 %, exploration 0..50 %: the corners first. */
    static Stream<Arguments> policies() {
        return Seeded.cases(31, 1000, List.of(Arguments.of(1, 0, 0), Arguments.of(1, 100, 50), Arguments.of(500, 100, 0), Arguments.of(500, 0, 50),
                Arguments.of(1, 100, 0), Arguments.of(500, 100, 50), Arguments.of(7, 50, 50), Arguments.of(2, 1, 1)),
                r -> Arguments.of(1 + r.nextInt(500), r.nextInt(101), r.nextInt(51)));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void selection_fills_capacity_with_distinct_rows_and_the_right_shares(int n, int pct, int explorePct) {
        Random r = new Random(n * 31L + pct);
        double[] risk = r.doubles(n).toArray();
        double[] crit = r.doubles(n).toArray();
        Selector.Policy policy = new Selector.Policy(new Capacity(0, pct / 100.0), explorePct / 100.0, 0.2);
        List<Selector.Pick> picks = Selector.select(risk, crit, policy, r);
        int k = policy.capacity().of(n);
        assertThat(picks).hasSize(k);
        Set<Integer> rows = picks.stream().map(Selector.Pick::row).collect(Collectors.toSet());
        assertThat(rows).hasSize(k);
        long explored = picks.stream().filter(p -> p.why() == Selector.Why.EXPLORATION).count();
        long critical = picks.stream().filter(p -> p.why() == Selector.Why.CRITICAL).count();
        assertThat(critical).isEqualTo(Math.round(k * 0.2));
        assertThat(explored).isEqualTo(Math.min(Math.round(k * (explorePct / 100.0)), k - critical));
        // every risk pick outranks every row that was not picked for risk or critical
        double minRiskPicked = picks.stream().filter(p -> p.why() == Selector.Why.RISK).mapToDouble(p -> risk[p.row()]).min().orElse(2);
        Set<Integer> nonExplore = picks.stream().filter(p -> p.why() != Selector.Why.EXPLORATION).map(Selector.Pick::row).collect(Collectors.toSet());
        for (int i = 0; i < n; i++) if (!nonExplore.contains(i)) assertThat(risk[i]).isLessThanOrEqualTo(minRiskPicked);
    }
}
