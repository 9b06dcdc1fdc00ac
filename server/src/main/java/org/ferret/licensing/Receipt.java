package org.ferret.licensing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A shipment drawn down against a licence and its proof of receipt (Protocol art. 10(4)): due by {@code due}, and
 * once the importing state confirms it, when it was received, its reference and who said so ({@code node:<id>} for
 * the importing state's node).
 */
public record Receipt(UUID drawdownId, UUID licenceId, String licenceNumber, String countryOfImport, int line,
        int quantity, LocalDate shippedOn, LocalDate due, LocalDate receivedOn, String reference, String source) {

    @com.fasterxml.jackson.annotation.JsonProperty("confirmed")
    public boolean confirmed() {
        return receivedOn != null;
    }

    /** Not confirmed, and its deadline passed before {@code on}. */
    public boolean overdueOn(LocalDate on) {
        return !confirmed() && due.isBefore(on);
    }
}
