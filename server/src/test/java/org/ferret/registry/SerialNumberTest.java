package org.ferret.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SerialNumberTest {

    @Provide
    Arbitrary<String> serials() {
        return Arbitraries.strings().withChars("abcxyzABCXYZ0123456789-./_ ").ofMinLength(1).ofMaxLength(40)
                .filter(s -> !SerialNumber.normalise(s).isEmpty());
    }

    @Property
    void normalising_twice_changes_nothing(@ForAll("serials") String raw) {
        String once = SerialNumber.of(raw).normalised();
        assertThat(SerialNumber.normalise(once)).isEqualTo(once);
    }

    @Property
    void the_normalised_form_has_no_lower_case_letters_spaces_or_separators(@ForAll("serials") String raw) {
        assertThat(SerialNumber.of(raw).normalised()).doesNotContainPattern("[a-z\\s\\-./_]");
    }

    @Property
    void case_and_separators_do_not_change_the_normalised_form(@ForAll("serials") String raw,
            @ForAll("separators") char separator) {
        StringBuilder disguised = new StringBuilder();
        for (char c : raw.toLowerCase().toCharArray()) {
            disguised.append(c);
            if (disguised.length() % 3 == 0) {
                disguised.append(separator);
            }
        }
        Assume.that(disguised.toString().strip().length() <= SerialNumber.MAX_LENGTH);
        assertThat(SerialNumber.of(disguised.toString()).normalised()).isEqualTo(SerialNumber.of(raw).normalised());
    }

    @Provide
    Arbitrary<Character> separators() {
        return Arbitraries.of('-', '.', '/', '_', ' ');
    }

    @Property
    void normalising_keeps_every_letter_and_digit_in_order(@ForAll("serials") String raw) {
        String expected = raw.toUpperCase().replaceAll("[^A-Z0-9]", "");
        assertThat(SerialNumber.of(raw).normalised()).isEqualTo(expected);
    }

    @Test
    void matches_a_serial_typed_with_a_different_case_and_separators() {
        assertThat(SerialNumber.of("ab-12 34.5/6_7").normalised()).isEqualTo(SerialNumber.of("AB1234567").normalised());
    }

    @Test
    void keeps_the_serial_as_marked_apart_from_surrounding_blanks() {
        assertThat(SerialNumber.of("  Ab-12 ").value()).isEqualTo("Ab-12");
    }

    @Test
    void rejects_a_serial_longer_than_forty_characters_saying_how_long_it_was() {
        assertThatThrownBy(() -> SerialNumber.of("A".repeat(41)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("serialNumber").hasMessageContaining("41").hasMessageContaining("40");
    }

    @Test
    void accepts_a_serial_of_exactly_forty_characters() {
        assertThat(SerialNumber.of("A".repeat(40)).normalised()).hasSize(40);
    }

    @Test
    void rejects_a_blank_serial_and_one_made_only_of_separators() {
        assertThatThrownBy(() -> SerialNumber.of("  ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> SerialNumber.of("-./_")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("letter or digit");
    }
}
