package org.ferret.screening.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.ferret.screening.Seeded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValuesTest {
    static Stream<Arguments> numbers() {
        return Seeded.cases(11, 1000, List.of(0.0, -0.0, 1.0, -1.0, 0.5, 1e-300, -1e-300, Double.MIN_VALUE, 1e12, -1e12, 123456.78, 0.1 + 0.2),
                r -> switch (r.nextInt(3)) {
                    case 0 -> Math.round((r.nextDouble() * 2 - 1) * 1e12) / 100.0; // two decimals
                    case 1 -> (r.nextDouble() * 2 - 1) * Math.pow(10, r.nextInt(25) - 12); // any magnitude up to 1e12
                    default -> (r.nextDouble() * 2 - 1) * 1e12;
                });
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void a_printed_number_parses_back(double d) {
        assertThat(Values.number(Double.toString(d))).isEqualTo(d);
    }

    static Stream<Arguments> epochDays() {
        return Seeded.cases(12, 1000, List.of(-20000, -1, 0, 1, 59, 60, 11016, 60000), r -> -20000 + r.nextInt(80001));
    }

    @ParameterizedTest
    @MethodSource("epochDays")
    void a_printed_date_parses_to_its_epoch_day(int epochDay) {
        assertThat(Values.time(LocalDate.ofEpochDay(epochDay).toString())).isEqualTo(epochDay * 86_400L);
    }

    static Stream<Arguments> epochSeconds() {
        return Seeded.cases(13, 1000, List.of(0L, 1L, 59L, 86_399L, 86_400L, 951_782_400L, 4_000_000_000L), r -> r.nextLong(4_000_000_001L));
    }

    @ParameterizedTest
    @MethodSource("epochSeconds")
    void a_printed_instant_parses_to_its_epoch_second(long s) {
        assertThat(Values.time(Instant.ofEpochSecond(s).toString())).isEqualTo(s);
    }

    static Stream<Arguments> words() {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return Seeded.cases(14, 1000, List.of("a", "e", "E", "x", "Inf", "NULL", "abcdefgh"), r -> {
            String s;
            do s = Seeded.string(r, letters, 1, 8); while (s.equalsIgnoreCase("NaN") || s.equalsIgnoreCase("Infinity"));
            return s;
        });
    }

    @ParameterizedTest
    @MethodSource("words")
    void text_that_is_not_a_number_is_rejected(String s) {
        assertThatThrownBy(() -> Values.number(s)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a number");
    }

    @Test
    void rejects_impossible_dates_and_other_formats() {
        assertThatThrownBy(() -> Values.time("2021-02-30")).hasMessageContaining("not a valid date");
        assertThatThrownBy(() -> Values.time("30/01/2021")).hasMessageContaining("expected a date");
        assertThatThrownBy(() -> Values.time("2021-1-5")).hasMessageContaining("expected a date");
    }

    @Test
    void blank_numbers_are_unknown_and_nan_text_is_rejected() {
        assertThat(Values.number("")).isNaN();
        assertThatThrownBy(() -> Values.number("NaN")).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> Values.number("1e999")).hasMessageContaining("out of range");
    }

    @Test
    void labels_severities_hs_codes_and_countries_are_checked() {
        assertThat(Values.label("")).isEqualTo(-1);
        assertThat(Values.label("1")).isEqualTo(1);
        assertThatThrownBy(() -> Values.label("yes")).hasMessageContaining("expected 0, 1 or blank");
        assertThat(Values.severity("2")).isEqualTo(2);
        assertThatThrownBy(() -> Values.severity("3")).hasMessageContaining("expected 0, 1, 2");
        assertThat(Values.hsCode("9305.99")).isEqualTo("930599");
        assertThatThrownBy(() -> Values.hsCode("93A5")).hasMessageContaining("HS code");
        assertThatThrownBy(() -> Values.country("Sweden")).hasMessageContaining("alpha-2");
    }
}
