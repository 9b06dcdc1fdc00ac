package org.ferret.licensing;

import java.time.LocalDate;
import java.util.List;

/**
 * What the holder of a licence document (the exporter) sees of it, keyed by the licence number and the verification
 * code printed on it: its standing, the art. 10(3) contents, every goods line with what is used and left, and the
 * shipments with their proof-of-receipt deadline and receipt. Nothing of the officer's work (history, checks, other
 * states' answers) and no other licence.
 */
public record ExporterView(String number, LicenceStatus status, String placeOfIssue, LocalDate issuedOn,
        LocalDate expiresOn, String countryOfExport, String countryOfImport, List<String> transitCountries,
        String finalRecipient, List<Licence.GoodsLine> goods, List<Receipt> shipments) {
}
