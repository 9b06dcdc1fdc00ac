package org.ferret.screening.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Property
    void a_printed_number_parses_back(@ForAll @DoubleRange(min = -1e12, max = 1e12) double d) {
        assertThat(Values.number(Double.toString(d))).isEqualTo(d);
    }

    @Property
    void a_printed_date_parses_to_its_epoch_day(@ForAll @IntRange(min = -20000, max = 60000) int epochDay) {
        assertThat(Values.time(LocalDate.ofEpochDay(epochDay).toString())).isEqualTo(epochDay * 86_400L);
    }

    @Property
    void a_printed_instant_parses_to_its_epoch_second(@ForAll @LongRange(min = 0, max = 4_000_000_000L) long s) {
        assertThat(Values.time(Instant.ofEpochSecond(s).toString())).isEqualTo(s);
    }

    @Property
    void text_that_is_not_a_number_is_rejected(@ForAll("words") String s) {
        assertThatThrownBy(() -> Values.number(s)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a number");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> words() {
        return net.jqwik.api.Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.equalsIgnoreCase("NaN") && !s.equalsIgnoreCase("Infinity"));
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
