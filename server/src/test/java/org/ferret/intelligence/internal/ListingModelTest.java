package org.ferret.intelligence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.ferret.intelligence.ListingCategory;
import org.ferret.intelligence.ReasonKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The listing model: trained on the synthetic set, it separates sales of concern from their hard negatives, with reasons. */
class ListingModelTest {

    static ListingModel model;

    @BeforeAll
    static void train() {
        model = ListingModel.train(SyntheticListings.generate(800, 5L).stream().map(SyntheticListings.Labelled::example).toList(),
                ListingModel.Settings.STANDARD, "test", ListingTerms.standard());
    }

    @Test
    void scores_an_evasive_pistol_sale_high_with_its_terms_as_reasons() {
        ListingModel.Scored s = model.score("G l 0 c k 17 zu verkaufen", "Verkaufe Knarre, 9mm, ohne WBK, diskreter Versand");
        assertThat(s.score()).isGreaterThan(0.8);
        assertThat(s.category()).isEqualTo(ListingCategory.FIREARM);
        assertThat(s.reasons()).filteredOn(r -> r.kind() == ReasonKind.TERM).extracting(r -> r.matched()).contains("glock", "ohne wbk");
        assertThat(s.reasons()).anyMatch(r -> r.kind() == ReasonKind.TEXT_PATTERN);
    }

    @Test
    void scores_hard_negatives_low() {
        assertThat(model.score("Airsoft Glock 17 replica", "Gas blowback airsoft replica, 6mm BB, toy").score()).isLessThan(0.5);
        assertThat(model.score("Canon EOS camera", "great camera for shooting weddings, lens included").score()).isLessThan(0.5);
        assertThat(model.score("Waffenschrank", "Waffenschrank für 5 Gewehre, Tresor").score()).isLessThan(0.5);
    }

    @Test
    void the_same_labels_give_the_same_model() {
        List<ListingModel.Example> ex = SyntheticListings.generate(300, 9L).stream().map(SyntheticListings.Labelled::example).toList();
        ListingModel a = ListingModel.train(ex, ListingModel.Settings.STANDARD, "a", ListingTerms.standard());
        ListingModel b = ListingModel.train(ex, ListingModel.Settings.STANDARD, "b", ListingTerms.standard());
        assertThat(a.score("kit de conversion", "carcasse").score()).isEqualTo(b.score("kit de conversion", "carcasse").score());
    }

    @Test
    void refuses_to_train_on_one_label_only() {
        assertThatThrownBy(() -> ListingModel.train(List.of(new ListingModel.Example("a", "b", true)), ListingModel.Settings.STANDARD, "x",
                ListingTerms.standard())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_synthetic_set_is_the_same_for_the_same_seed_and_holds_both_labels_in_five_languages() {
        var a = SyntheticListings.generate(500, 3L);
        assertThat(a).isEqualTo(SyntheticListings.generate(500, 3L));
        assertThat(a).extracting(SyntheticListings.Labelled::language).containsOnly("en", "de", "fr", "es", "nl");
        assertThat(a).anyMatch(SyntheticListings.Labelled::positive).anyMatch(l -> !l.positive());
    }
}
