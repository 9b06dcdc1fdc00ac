package org.ferret.licensing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Working days of a licensing regime: Monday to Friday, less the configured holidays. */
public record WorkingDays(Set<LocalDate> holidays) {

    public WorkingDays {
        holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    /** The day {@code n} working days after {@code from} (from itself not counted). */
    public LocalDate plus(LocalDate from, int n) {
        LocalDate d = from;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }
}
