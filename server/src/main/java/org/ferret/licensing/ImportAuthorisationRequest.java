package org.ferret.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the licensing officer gives to issue an import authorisation: the importer (a registered holder), the country
 * of export, the validity and the goods lines. The number is given by the node.
 */
public record ImportAuthorisationRequest(UUID importer, String countryOfExport, LocalDate validFrom,
        LocalDate validUntil, List<Line> lines) {

    /** A goods line: the registry's item kind (e.g. {@code PISTOL}, {@code AMMUNITION_LOT}), a description, how many. */
    public record Line(String kind, String description, Integer quantity) {
    }
}
