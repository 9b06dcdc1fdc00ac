package org.ferret.intelligence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.ferret.intelligence.IndicatorLanguage;
import org.ferret.intelligence.ListingSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The normal form of listing text and the indicator terms in each language. */
class ListingTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "G l o c k 19|glock 19",
        "p.i.s.t.o.l|pistol",
        "GL0CK|glock",
        "Schalldämpfer|schaldampfer",
        "Straße|strase",
        "gloooock|glock",
        "pístóla|pistola",
        "g\u200Block|glock",
        "ak47 ar15|akat aris",
        "9mm 5.56|9m 5 56",
        "$450!|450",
    })
    void normalises_evasive_spellings(String written, String normal) {
        assertThat(ListingText.normalise(written)).isEqualTo(normal);
    }

    @Test
    void keeps_the_written_form_beside_the_leetspeak_reading() {
        ListingText.Words w = ListingText.words("ar15 gl0ck");
        assertThat(w.read()).containsExactly("aris", "glock");
        assertThat(w.written()).containsExactly("ar15", "gl0ck");
    }

    List<ListingSignal> signals(String text) {
        return ListingTerms.standard().find(ListingText.words(text)).stream().map(m -> m.term().signal()).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EN|selling a 3d printed frame, no serial|BLUEPRINT",
        "EN|clean blicky for sale|FIREARM",
        "DE|Verkaufe Knarre ohne WBK|FIREARM",
        "DE|Schalldämpfer zu verkaufen|PART",
        "DE|Umbausatz komplett|KIT",
        "FR|flingue propre sans permis|FIREARM",
        "FR|kit de conversion complet|KIT",
        "ES|vendo pistola sin papeles|FIREARM",
        "ES|archivos stl para impresión 3d|BLUEPRINT",
        "NL|blaffer te koop zonder vergunning|FIREARM",
        "NL|bouwpakket met onderdelen|KIT",
    })
    void finds_terms_in_each_language(IndicatorLanguage language, String text, ListingSignal expected) {
        assertThat(signals(text)).contains(expected);
        assertThat(ListingTerms.standard().terms()).anyMatch(t -> t.language() == language);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hot glue gun with sticks",
        "Heißklebepistole 60W",
        "pistolet à colle",
        "pistola de agua para niños",
        "waterpistool",
        "massage gun",
    })
    void a_tool_or_toy_called_a_gun_is_harmless_context_not_a_firearm(String text) {
        assertThat(signals(text)).contains(ListingSignal.HARMLESS_CONTEXT).doesNotContain(ListingSignal.FIREARM);
    }
}
