package org.ferret.parcels.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ItemPageTest {

    @Test
    void splits_the_stored_reasons_between_entries_but_not_inside_a_rationale_or_parentheses() {
        String stored = "mandatory hs93-without-licence: HS chapter 93 declared without a licence number (CN23 box 12; Protocol art. 10); "
                + "indicator firearm-hs-chapter-93: HS heading 9301-9306 declares arms; needs a licence check; hs_code heading: 10 frauds in 10 earlier declarations";
        assertThat(ItemPage.reasons(stored, List.of("HS heading 9301-9306 declares arms; needs a licence check.")))
                .containsExactly("mandatory hs93-without-licence: HS chapter 93 declared without a licence number (CN23 box 12; Protocol art. 10)",
                        "indicator firearm-hs-chapter-93: HS heading 9301-9306 declares arms; needs a licence check",
                        "hs_code heading: 10 frauds in 10 earlier declarations");
    }

    @Test
    void without_rationales_every_top_level_separator_splits() {
        assertThat(ItemPage.reasons("a; b (c; d); e", List.of())).containsExactly("a", "b (c; d)", "e");
        assertThat(ItemPage.reasons("", List.of())).isEmpty();
    }
}
