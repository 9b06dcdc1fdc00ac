package org.ferret.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties run over 1,000 serials drawn from a fixed seed (edge cases first), so every run tests the same cases. */
class SerialNumberTest {

    static final String CHARS = "abcxyzABCXYZ0123456789-./_ ";
    static final String SEPARATORS = "-./_ ";

    /** A raw serial of 1..40 of {@link #CHARS} with at least one letter or digit. */
    static String serial(Random r) {
        while (true) {
            int n = 1 + r.nextInt(40);
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(CHARS.charAt(r.nextInt(CHARS.length())));
            }
            if (!SerialNumber.normalise(sb.toString()).isEmpty()) {
                return sb.toString();
            }
        }
    }

    static Stream<String> serials() {
        Random r = new Random(61);
        List<String> edges = List.of("a", "Z", "0", " a ", "-a-", "a".repeat(40), "A-1.b/2_c 3", " ".repeat(39) + "x", "x" + "_".repeat(39));
        return Stream.concat(edges.stream(), Stream.generate(() -> serial(r)).limit(1000 - edges.size()));
    }

    @ParameterizedTest
    @MethodSource("serials")
    void normalising_twice_changes_nothing(String raw) {
        String once = SerialNumber.of(raw).normalised();
        assertThat(SerialNumber.normalise(once)).isEqualTo(once);
    }

    @ParameterizedTest
    @MethodSource("serials")
    void the_normalised_form_has_no_lower_case_letters_spaces_or_separators(String raw) {
        assertThat(SerialNumber.of(raw).normalised()).doesNotContainPattern("[a-z\\s\\-./_]");
    }

    static String disguise(String raw, char separator) {
        StringBuilder disguised = new StringBuilder();
        for (char c : raw.toLowerCase().toCharArray()) {
            disguised.append(c);
            if (disguised.length() % 3 == 0) {
                disguised.append(separator);
            }
        }
        return disguised.toString();
    }

    /** Serials with a separator, each disguised short enough to still be a serial (at most 40 characters). */
    static Stream<Arguments> disguisedSerials() {
        Random r = new Random(62);
        return Stream.generate(() -> Arguments.of(serial(r), SEPARATORS.charAt(r.nextInt(SEPARATORS.length()))))
                .filter(a -> disguise((String) a.get()[0], (char) a.get()[1]).strip().length() <= SerialNumber.MAX_LENGTH)
                .limit(1000);
    }

    @ParameterizedTest
    @MethodSource("disguisedSerials")
    void case_and_separators_do_not_change_the_normalised_form(String raw, char separator) {
        String disguised = disguise(raw, separator);
        assertThat(SerialNumber.of(disguised).normalised()).isEqualTo(SerialNumber.of(raw).normalised());
    }

    @ParameterizedTest
    @MethodSource("serials")
    void normalising_keeps_every_letter_and_digit_in_order(String raw) {
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
