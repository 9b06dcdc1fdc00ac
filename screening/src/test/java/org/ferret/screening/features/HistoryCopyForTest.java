package org.ferret.screening.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.screening.TestTables.postal;
import static org.ferret.screening.TestTables.postalRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ferret.screening.data.Table;
import org.ferret.screening.profile.Profiles;
import org.ferret.screening.rules.Condition;
import org.ferret.screening.rules.Rule;
import org.ferret.screening.rules.RulePack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A copy of the history for some rows builds the same features for them as a copy of the whole history. */
class HistoryCopyForTest {

    private static Table rows(Random r, String prefix, int n, int firstDay, int days, int firstSender) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String time = java.time.LocalDate.of(2026, 1, 5).plusDays(firstDay + r.nextInt(days)) + "T" + (10 + r.nextInt(10)) + ":00:00Z";
            int label = r.nextInt(3) == 0 ? 1 : 0;
            out.add(postalRow(prefix + i, time, "sender", "s" + (firstSender + r.nextInt(12 + 4 * firstDay)), "addressee", "a" + r.nextInt(12),
                    "origin", r.nextBoolean() ? "US" : "CN", "hs_code", r.nextBoolean() ? "930599" : "392690",
                    "seized", "" + label, "severity", label == 1 ? "2" : "0"));
        }
        out.sort(java.util.Comparator.comparing(s -> s.split(",")[1]));
        return postal(out.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void features_built_from_a_copy_for_the_rows_equal_those_built_from_a_full_copy(int seed) {
        Random r = new Random(seed);
        Table known = rows(r, "k", 200, 0, 10, 0);
        // with a rule on when the sender was first seen, so that the first-seen days are read too
        RulePack pack = new RulePack("t", "1", "postal", List.of(new Rule("new-sender", List.of(new Condition.FirstShipmentWithin("sender", 3)), 1, "why", "")));
        FeatureSpec spec = FeatureSpec.fit(known, pack, 0);
        History history = new History(Profiles.POSTAL);
        FeatureBuilder.build(spec, known, history, true);
        // later arrivals over one or two days: senders s6 to s17, of which s12 and later never appeared before
        Table batch = rows(r, "b", 30, 10, 1 + seed % 2, 6);
        FeatureBuilder.Matrix full = FeatureBuilder.build(spec, batch, history.copy(), false);
        History part = history.copyFor(batch);
        FeatureBuilder.Matrix copied = FeatureBuilder.build(spec, batch, part, false);
        assertThat(history.counts(0)).containsKey("s0");
        assertThat(part.counts(0)).as("the partial copy holds the batch's senders only").doesNotContainKey("s0");
        for (int i = 0; i < batch.size(); i++) {
            for (int c = 0; c < spec.size(); c++) {
                assertThat(copied.get(i, c)).as("row %d feature %s", i, spec.features().get(c).name()).isEqualTo(full.get(i, c));
            }
        }
    }
}
