package org.ferret.screening.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.screening.TestTables.postal;
import static org.ferret.screening.TestTables.postalRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ferret.screening.Seeded;
import org.ferret.screening.data.Table;
import org.ferret.screening.profile.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** History features may only use outcomes known before the declaration's day. */
class LeakageTest {

    private static FeatureBuilder.Matrix features(Table t) {
        FeatureSpec spec = FeatureSpec.fit(t, null, 0);
        return FeatureBuilder.build(spec, t, new History(Profiles.POSTAL), true);
    }

    private static float caughtBefore(FeatureBuilder.Matrix m, FeatureSpec spec, int row, int key) {
        return m.get(row, spec.historyBase() + key * spec.perKey() + 1);
    }

    @Test
    void a_senders_fraud_counts_from_the_next_day_never_on_its_own_day() {
        Table t = postal(
                postalRow("1", "2026-01-05T09:00:00Z", "sender", "x", "seized", "1", "severity", "2"),
                postalRow("2", "2026-01-05T17:00:00Z", "sender", "x"),
                postalRow("3", "2026-01-06T08:00:00Z", "sender", "x"));
        FeatureSpec spec = FeatureSpec.fit(t, null, 0);
        FeatureBuilder.Matrix m = FeatureBuilder.build(spec, t, new History(Profiles.POSTAL), true);
        int sender = 0; // first history key of the postal profile
        assertThat(Profiles.POSTAL.historyKeys().get(sender).label()).isEqualTo("sender");
        assertThat(caughtBefore(m, spec, 0, sender)).isZero();
        assertThat(caughtBefore(m, spec, 1, sender)).isZero();
        assertThat(caughtBefore(m, spec, 2, sender)).isEqualTo(1f);
        assertThat(m.get(2, spec.historyBase())).isEqualTo(2f); // seen twice before
    }

    @Test
    void scoring_does_not_learn_outcomes_present_in_the_scored_file() {
        Table t = postal(
                postalRow("1", "2026-01-05", "sender", "x", "seized", "1", "severity", "2"),
                postalRow("2", "2026-01-06", "sender", "x"));
        FeatureSpec spec = FeatureSpec.fit(t, null, 0);
        FeatureBuilder.Matrix m = FeatureBuilder.build(spec, t, new History(Profiles.POSTAL), false);
        assertThat(caughtBefore(m, spec, 1, 0)).isZero();
        assertThat(m.get(1, spec.historyBase())).isEqualTo(1f); // the appearance itself is known
    }

    /**
     * Changing every outcome from day D on must leave the features of every row dated D or earlier unchanged;
     * this fails if any same-day or later outcome leaks into a history feature.
     */
    static Stream<Arguments> cuts() {
        // every cut day with a few data seeds, then random ones
        List<Arguments> edges = new ArrayList<>();
        for (int cut = 0; cut <= 9; cut++) for (int seed : new int[] {0, 10_000}) edges.add(Arguments.of(seed, cut));
        return Seeded.cases(41, 200, edges, r -> Arguments.of(r.nextInt(10_001), r.nextInt(10)));
    }

    @ParameterizedTest
    @MethodSource("cuts")
    void features_up_to_a_day_do_not_depend_on_outcomes_from_that_day_on(int seed, int cutDay) {
        Random r = new Random(seed);
        List<String> rows = new ArrayList<>(), flipped = new ArrayList<>();
        int[] days = new int[40];
        for (int i = 0; i < 40; i++) {
            days[i] = r.nextInt(10);
            String time = java.time.LocalDate.of(2026, 1, 5).plusDays(days[i]) + "T" + (10 + r.nextInt(10)) + ":00:00Z";
            String[] common = {"sender", "s" + r.nextInt(4), "addressee", "a" + r.nextInt(4), "origin", r.nextBoolean() ? "US" : "CN",
                    "hs_code", r.nextBoolean() ? "930599" : "392690"};
            int label = r.nextInt(3) == 0 ? 1 : 0;
            int flip = days[i] >= cutDay ? 1 - label : label;
            rows.add(postalRow("i" + i, time, concat(common, "seized", "" + label, "severity", label == 1 ? "2" : "0")));
            flipped.add(postalRow("i" + i, time, concat(common, "seized", "" + flip, "severity", flip == 1 ? "2" : "0")));
        }
        Table a = postal(rows.toArray(String[]::new));
        Table b = postal(flipped.toArray(String[]::new));
        // same spec for both (the prior is learnt from labels, so fit it once)
        FeatureSpec spec = FeatureSpec.fit(a, null, 0);
        FeatureBuilder.Matrix ma = FeatureBuilder.build(spec, a, new History(Profiles.POSTAL), true);
        FeatureBuilder.Matrix mb = FeatureBuilder.build(spec, b, new History(Profiles.POSTAL), true);
        for (int i = 0; i < 40; i++) {
            if (days[i] > cutDay) continue;
            for (int c = 0; c < spec.size(); c++) {
                assertThat(mb.get(i, c)).as("row %d feature %s", i, spec.features().get(c).name()).isEqualTo(ma.get(i, c));
            }
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
