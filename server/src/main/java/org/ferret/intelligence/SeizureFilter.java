package org.ferret.intelligence;

import java.time.LocalDate;

/** Filters of the seizure list and the analytics; every one optional. */
public record SeizureFilter(LocalDate from, LocalDate to, String country, SeizureKind kind, CriminalContext context,
        Conveyance conveyance, SeizedItemType itemType) {

    public static SeizureFilter none() {
        return new SeizureFilter(null, null, null, null, null, null, null);
    }

    public static SeizureFilter year(int year) {
        return new SeizureFilter(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, null, null, null, null);
    }
}
