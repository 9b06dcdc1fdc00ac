package org.ferret.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Working-day clocks skip weekends and the regime's holidays. */
class WorkingDaysTest {

    @Test
    void twenty_working_days_after_a_friday_skip_weekends_and_a_holiday() {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        assertThat(new WorkingDays(Set.of()).plus(friday, 20)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(new WorkingDays(Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25)))
                .plus(friday, 20)).isEqualTo(LocalDate.of(2027, 1, 5));
    }

    @Test
    void a_saturday_is_no_working_day() {
        assertThat(new WorkingDays(Set.of()).isWorkingDay(LocalDate.of(2026, 12, 5))).isFalse();
        assertThat(new WorkingDays(Set.of()).plus(LocalDate.of(2026, 12, 5), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
    }
}
