package org.ferret.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ferret.registry.ItemKind;

/**
 * An import authorisation issued by this state (Protocol art. 10(1), and the importing state's part of art. 10(2)(a)):
 * its number, the importer (a registered holder), the country of export, the goods by kind, description and
 * quantity, and the days it is valid. Each registry import event naming it draws one off a goods line.
 */
public record ImportAuthorisation(UUID id, String number, ImportAuthorisationStatus status, UUID importer,
        String countryOfExport, LocalDate validFrom, LocalDate validUntil, List<Line> lines, List<Use> uses,
        Instant issuedAt, String issuedBy, String revokedReason) {

    /** A goods line: the kind of item, a description, how many and how many are used. */
    public record Line(int line, ItemKind kind, String description, int quantity, int used) {
        public int remaining() {
            return quantity - used;
        }
    }

    /** One import event drawn down against the authorisation. */
    public record Use(UUID event, UUID item, int line, LocalDate occurredOn, Instant recordedAt, String recordedBy) {
    }

    /** The status as of {@code today}: an issued authorisation past its last day has expired. */
    public ImportAuthorisationStatus statusOn(LocalDate today) {
        return status == ImportAuthorisationStatus.ISSUED && today.isAfter(validUntil) ? ImportAuthorisationStatus.EXPIRED
                : status;
    }

    public boolean exhausted() {
        return lines.stream().allMatch(l -> l.remaining() <= 0);
    }
}
