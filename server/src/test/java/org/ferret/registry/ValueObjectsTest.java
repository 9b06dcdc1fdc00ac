package org.ferret.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ValueObjectsTest {

    @Test
    void accepts_an_iso_country_code_in_any_case() {
        assertThat(CountryCode.of("de").value()).isEqualTo("DE");
    }

    @Test
    void rejects_a_country_code_that_is_not_iso_3166_alpha_2() {
        assertThatThrownBy(() -> CountryCode.of("XX")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("ISO 3166-1");
        assertThatThrownBy(() -> CountryCode.of("DEU")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void rejects_a_calibre_longer_than_forty_characters() {
        assertThatThrownBy(() -> new Calibre("9".repeat(41))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("calibre");
    }

    @Test
    void item_ids_parse_from_text_and_reject_what_is_not_a_uuid() {
        ItemId id = ItemId.newId();
        assertThat(ItemId.parse(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> ItemId.parse("item-1")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("not a UUID");
    }

    @Test
    void rejects_a_year_of_manufacture_in_the_future() {
        int next = LocalDate.now().getYear() + 5;
        assertThatThrownBy(() -> new ItemAttributes(null, null, null, null, next, null, null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("yearOfManufacture");
    }

    @Test
    void only_ammunition_lots_have_a_quantity() {
        var attrs = new ItemAttributes(null, null, null, null, null, null, 500);
        assertThatThrownBy(() -> NewItem.of(ItemKind.PISTOL, attrs, null)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("quantity");
        assertThat(NewItem.of(ItemKind.AMMUNITION_LOT, attrs, null).attributes().quantity()).isEqualTo(500);
    }

    @Test
    void a_deactivation_event_needs_its_certificate_standard_and_verifying_authority() {
        assertThatThrownBy(() -> NewEvent.simple(EventType.DEACTIVATION, LocalDate.now()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("deactivation");
        assertThatThrownBy(() -> new Deactivation("C-1", " ", "Proof house", null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("deactivation.standardApplied");
    }

    @Test
    void a_correction_names_the_corrected_event_and_the_reason() {
        assertThatThrownBy(() -> NewEvent.simple(EventType.CORRECTION, LocalDate.now()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("corrects");
        assertThatThrownBy(() -> NewEvent.Correction.withdrawing(LocalDate.now(), EventId.newId(), null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("reason");
    }

    @Test
    void a_retention_period_under_the_protocols_ten_years_is_refused() {
        assertThatThrownBy(() -> new RetentionProperties(9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("art. 7").hasMessageContaining("10");
        assertThat(new RetentionProperties(10).years()).isEqualTo(10);
    }
}
