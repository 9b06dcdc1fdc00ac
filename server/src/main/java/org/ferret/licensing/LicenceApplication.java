package org.ferret.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An export licence application as entered (by the officer, for a registered exporter): raw values, checked all at
 * once by {@link Licensing#apply}, which names every field at fault.
 */
public record LicenceApplication(UUID exporter, String placeOfIssue, String countryOfExport, String countryOfImport,
        String finalRecipient, String endUserCertificate, LocalDate expiresOn, List<String> transitCountries,
        TransportMode transport, boolean transhipment, TemporaryPurpose temporaryPurpose, List<GoodsLineInput> goods) {

    public LicenceApplication {
        transitCountries = transitCountries == null ? List.of() : List.copyOf(transitCountries);
        goods = goods == null ? List.of() : List.copyOf(goods);
    }

    /** A goods line: a registry item by id, or a description (e.g. an ammunition lot) with a quantity. */
    public record GoodsLineInput(UUID itemId, String description, Integer quantity) {
    }
}
