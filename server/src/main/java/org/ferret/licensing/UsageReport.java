package org.ferret.licensing;

import java.time.LocalDate;

/** A shipment reported against a goods line (e.g. by customs at exit); its id makes it apply once. */
public record UsageReport(String reportId, Integer line, Integer quantity, LocalDate occurredOn) {
}
