package org.ferret.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.screening.TestTables.postal;
import static org.ferret.screening.TestTables.postalRow;

import java.util.List;
import org.ferret.screening.data.Table;
import org.ferret.screening.features.History;
import org.ferret.screening.profile.Profiles;
import org.junit.jupiter.api.Test;

/** One test per condition kind: each must hit exactly the rows it describes. */
class ConditionTest {

    private static boolean[] hits(Condition c, Table t) {
        RulePack p = new RulePack("t", "1", "postal", List.of(new Rule("r", List.of(c), 1, "why", "")));
        BoundPack b = new BoundPack(p, Profiles.POSTAL);
        String[][] lw = b.lowered(t);
        History h = new History(Profiles.POSTAL);
        boolean[] out = new boolean[t.size()];
        for (int r : t.timeOrder()) {
            out[r] = b.hit(0, t, r, lw, h);
            h.observe(t, r);
        }
        return out;
    }

    @Test
    void contains_any_matches_terms_at_word_starts_ignoring_case_and_punctuation() {
        Table t = postal(
                postalRow("1", "2026-01-05", "description", "SOLVENT-Traps x2"),
                postalRow("2", "2026-01-05", "description", "counterparts"),
                postalRow("3", "2026-01-05", "description", "car parts"),
                postalRow("4", "2026-01-05", "description", "solvent"));
        assertThat(hits(new Condition.ContainsAny("description", List.of("solvent trap", "parts")), t)).containsExactly(true, false, true, false);
    }

    @Test
    void hs_in_compares_each_range_on_its_own_number_of_digits() {
        Table t = postal(
                postalRow("1", "2026-01-05", "hs_code", "930599"),
                postalRow("2", "2026-01-05", "hs_code", "930700"),
                postalRow("3", "2026-01-05", "hs_code", ""),
                postalRow("4", "2026-01-05", "hs_code", "842123"),
                postalRow("5", "2026-01-05", "hs_code", "93"));
        Condition c = new Condition.HsIn("hs_code", List.of(new Condition.HsRange("9301", "9306"), new Condition.HsRange("842123", "842123")));
        assertThat(hits(c, t)).containsExactly(true, false, false, true, false);
    }

    @Test
    void is_one_of_matches_whole_values_ignoring_case() {
        Table t = postal(
                postalRow("1", "2026-01-05", "addressee_type", "residence"),
                postalRow("2", "2026-01-05", "addressee_type", "business"),
                postalRow("3", "2026-01-05", "addressee_type", "Residence"));
        assertThat(hits(new Condition.OneOf("addressee_type", List.of("residence")), t)).containsExactly(true, false, true);
    }

    @Test
    void below_and_above_are_strict_and_never_hit_an_unknown_number() {
        Table t = postal(
                postalRow("1", "2026-01-05", "declared_value", "1"),
                postalRow("2", "2026-01-05", "declared_value", "2"),
                postalRow("3", "2026-01-05", "declared_value", ""),
                postalRow("4", "2026-01-05", "declared_value", "3"));
        assertThat(hits(new Condition.Below("declared_value", 2), t)).containsExactly(true, false, false, false);
        assertThat(hits(new Condition.Above("declared_value", 2), t)).containsExactly(false, false, false, true);
    }

    @Test
    void route_in_matches_pairs_with_wildcards() {
        Table t = postal(
                postalRow("1", "2026-01-05", "origin", "US", "destination", "SE"),
                postalRow("2", "2026-01-05", "origin", "US", "destination", "DE"),
                postalRow("3", "2026-01-05", "origin", "TR", "destination", "FI"),
                postalRow("4", "2026-01-05", "origin", "FI", "destination", "SE"));
        Condition c = new Condition.RouteIn("origin", "destination", List.of(new Condition.Route("US", "SE"), new Condition.Route("*", "FI")));
        assertThat(hits(c, t)).containsExactly(true, false, true, false);
    }

    @Test
    void value_per_kg_below_needs_a_positive_weight() {
        Table t = postal(
                postalRow("1", "2026-01-05", "declared_value", "1", "net_weight_kg", "0.5"),
                postalRow("2", "2026-01-05", "declared_value", "10", "net_weight_kg", "0.5"),
                postalRow("3", "2026-01-05", "declared_value", "1", "net_weight_kg", "0"),
                postalRow("4", "2026-01-05", "declared_value", "", "net_weight_kg", "1"));
        assertThat(hits(new Condition.ValuePerKgBelow("declared_value", "net_weight_kg", 5), t)).containsExactly(true, false, false, false);
    }

    @Test
    void first_shipment_within_counts_days_since_the_sender_was_first_seen() {
        Table t = postal(
                postalRow("1", "2026-01-01", "sender", "old"),
                postalRow("2", "2026-01-20", "sender", "old"),
                postalRow("3", "2026-01-20", "sender", "new"),
                postalRow("4", "2026-01-25", "sender", "new"),
                postalRow("5", "2026-02-25", "sender", "new"),
                postalRow("6", "2026-02-25", "sender", ""));
        assertThat(hits(new Condition.FirstShipmentWithin("sender", 7), t)).containsExactly(true, false, true, true, false, false);
    }

    @Test
    void all_conditions_of_a_rule_must_hold() {
        Table t = postal(
                postalRow("1", "2026-01-05", "description", "conversion kit", "addressee_type", "residence"),
                postalRow("2", "2026-01-05", "description", "conversion kit", "addressee_type", "business"));
        RulePack p = new RulePack("t", "1", "postal", List.of(new Rule("r", List.of(
                new Condition.ContainsAny("description", List.of("conversion kit")),
                new Condition.OneOf("addressee_type", List.of("residence"))), 1, "why", "")));
        BoundPack b = new BoundPack(p, Profiles.POSTAL);
        String[][] lw = b.lowered(t);
        History h = new History(Profiles.POSTAL);
        assertThat(b.hit(0, t, 0, lw, h)).isTrue();
        assertThat(b.hit(0, t, 1, lw, h)).isFalse();
    }
}
