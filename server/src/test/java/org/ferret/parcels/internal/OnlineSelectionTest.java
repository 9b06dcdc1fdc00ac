package org.ferret.parcels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.ferret.parcels.ParcelsProperties;
import org.ferret.parcels.PickedBy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Online hold-or-release keeps within capacity and keeps the selection's shares, over seeded days of scores. */
class OnlineSelectionTest {

    private static ParcelsProperties properties(int capacity, int expected) {
        ParcelsProperties p = new ParcelsProperties();
        p.setSites(new java.util.LinkedHashMap<>(Map.of("HEL", capacity)));
        p.setExpectedPerDay(expected);
        p.setExplorationShare(0.10);
        p.setCriticalShare(0.10);
        return p;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void holds_land_within_capacity_with_the_exploration_and_critical_shares(long seed) {
        OnlineSelection s = new OnlineSelection(properties(100, 1000));
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] by = new int[PickedBy.values().length];
        int holds = 0;
        LocalDate day0 = LocalDate.of(2026, 12, 1);
        // a warm-up day gives the window its scores; the second day is measured
        for (int d = 0; d < 2; d++) {
            Arrays.fill(by, 0);
            holds = 0;
            for (int i = 0; i < 1000; i++) {
                double risk = Math.pow(rnd.nextDouble(), 3);
                double critical = Math.pow(rnd.nextDouble(), 5);
                OnlineSelection.Pick p = s.decide("HEL", day0.plusDays(d), risk, critical, false, null);
                if (p.hold()) {
                    holds++;
                    by[p.why().ordinal()]++;
                }
            }
        }
        assertThat(holds).isBetween(80, 100);
        assertThat(by[PickedBy.CRITICAL.ordinal()]).isBetween(5, 10);
        assertThat(by[PickedBy.EXPLORATION.ordinal()]).isBetween(3, 10);
        assertThat(by[PickedBy.SCORE.ordinal()]).isBetween(60, 80);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void mandatory_holds_hold_even_when_the_day_is_full(long seed) {
        OnlineSelection s = new OnlineSelection(properties(5, 100));
        SplittableRandom rnd = new SplittableRandom(seed);
        LocalDate day = LocalDate.of(2026, 12, 1);
        int mandatory = 0;
        for (int i = 0; i < 300; i++) {
            boolean m = i % 10 == 0;
            OnlineSelection.Pick p = s.decide("HEL", day, rnd.nextDouble(), null, m, null);
            if (m) {
                assertThat(p.hold()).isTrue();
                assertThat(p.why()).isEqualTo(PickedBy.RULE);
                mandatory++;
            }
        }
        assertThat(mandatory).isEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void the_online_risk_picks_find_most_of_what_the_offline_top_k_finds(long seed) {
        // no exploration or critical share: compare the risk picks with the top k of the same day
        ParcelsProperties p = properties(50, 1000);
        p.setExplorationShare(0);
        p.setCriticalShare(0);
        OnlineSelection s = new OnlineSelection(p);
        SplittableRandom rnd = new SplittableRandom(seed);
        LocalDate day0 = LocalDate.of(2026, 12, 1);
        double[] scores = new double[1000];
        boolean[] held = new boolean[1000];
        for (int d = 0; d < 2; d++) {
            for (int i = 0; i < 1000; i++) {
                scores[i] = rnd.nextDouble();
                held[i] = s.decide("HEL", day0.plusDays(d), scores[i], null, false, null).hold();
            }
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double kth = sorted[1000 - 50];
        int both = 0, online = 0;
        for (int i = 0; i < 1000; i++) {
            if (held[i]) {
                online++;
                if (scores[i] >= kth) both++;
            }
        }
        assertThat(online).isBetween(40, 50);
        assertThat(both).as("online holds that are in the offline top 50").isGreaterThanOrEqualTo(25);
    }

    /** The window kept sorted as it goes gives the quantiles that sorting the whole window gave (ties, -0.0, wrap-around). */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void the_sorted_window_gives_the_quantiles_of_a_full_sort(long seed) {
        OnlineSelection.Window w = new OnlineSelection.Window();
        double[] ring = new double[OnlineSelection.WINDOW];
        int size = 0, next = 0;
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] shares = {0, 0.001, 0.01, 0.05, 0.1, 0.5, 0.999, 1};
        for (int i = 0; i < 3 * OnlineSelection.WINDOW + 17; i++) {
            double v = switch (rnd.nextInt(5)) {
                case 0 -> Math.round(rnd.nextDouble() * 20) / 20.0; // many ties
                case 1 -> -0.0;
                case 2 -> 0.0;
                default -> Math.pow(rnd.nextDouble(), 3);
            };
            w.add(v);
            ring[next] = v;
            next = (next + 1) % ring.length;
            size = Math.min(size + 1, ring.length);
            double[] sorted = Arrays.copyOf(ring, size);
            Arrays.sort(sorted);
            for (double share : shares) {
                double expected = share <= 0 ? Double.POSITIVE_INFINITY
                        : share >= 1 ? Double.NEGATIVE_INFINITY : sorted[Math.min((int) Math.floor((1 - share) * size), size - 1)];
                assertThat(Double.compare(w.topShareThreshold(share), expected)).as("share %s after %d scores", share, i + 1).isZero();
            }
        }
    }
}
