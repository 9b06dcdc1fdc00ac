package org.ferret.screening.profile;

import static org.ferret.screening.profile.ColumnKind.*;

import java.util.List;
import java.util.Locale;

/** The profiles Ferret ships: {@code postal} (UPU ITMATT / CN23 items) and {@code kcs} (Korea Customs Service benchmark). */
public final class Profiles {
    private Profiles() {}

    /**
     * A parcel item as CN23 and the UPU ITMATT message describe it. Sender and addressee are pseudonymised
     * identifiers (hashes), never names or addresses.
     */
    public static final Profile POSTAL = new Profile(
            "postal",
            List.of(
                    new Column("item_id", ID, true, "UPU item identifier (S10 barcode)"),
                    new Column("timestamp", TIME, true, "time the item's advance data was received (UTC)"),
                    new Column("operator", CATEGORY, true, "postal or courier operator"),
                    new Column("origin", COUNTRY, true, "origin country (ISO 3166-1 alpha-2)"),
                    new Column("destination", COUNTRY, true, "destination country"),
                    new Column("sender", PARTY, true, "pseudonymised sender"),
                    new Column("addressee", PARTY, true, "pseudonymised addressee"),
                    new Column("addressee_type", CATEGORY, true, "residence or business"),
                    new Column("description", TEXT, true, "CN23 detailed description of contents"),
                    new Column("category", CATEGORY, true, "gift, documents, commercial_sample, returned_goods, sale_of_goods, other"),
                    new Column("hs_code", HS_CODE, true, "HS tariff number when given (blank otherwise)"),
                    new Column("quantity", NUMBER, true, "number of articles", Column.Range.COUNT),
                    new Column("net_weight_kg", NUMBER, true, "net weight in kg", Column.Range.NON_NEGATIVE),
                    new Column("gross_weight_kg", NUMBER, true, "gross weight in kg", Column.Range.NON_NEGATIVE),
                    new Column("declared_value", NUMBER, true, "declared value in the declared currency", Column.Range.NON_NEGATIVE),
                    new Column("currency", CATEGORY, true, "ISO 4217 currency of the declared value"),
                    new Column("seized", LABEL, false, "1 if inspection found prohibited or misdeclared goods, 0 if not, blank if not inspected"),
                    new Column("severity", SEVERITY, false, "0 nothing found, 1 other prohibited or misdeclared goods, 2 firearm, essential component, suppressor, conversion device or ammunition")),
            "item_id", "timestamp", "seized", "severity", "declared_value", "net_weight_kg", "quantity", "description",
            List.of(
                    HistoryKey.of("sender"),
                    HistoryKey.of("addressee"),
                    HistoryKey.pair("origin", "destination"),
                    HistoryKey.hsPrefix("hs_code", 4),
                    HistoryKey.of("operator")));

    /** The Korea Customs Service synthetic import declarations (see shared/data/customs-kcs/README.md). */
    public static final Profile KCS = new Profile(
            "kcs",
            List.of(
                    new Column("Declaration ID", ID, true, "declaration identifier"),
                    new Column("Date", TIME, true, "declaration date"),
                    new Column("Office ID", CATEGORY, true, "customs office"),
                    new Column("Process Type", CATEGORY, true, "processing type"),
                    new Column("Import Type", CATEGORY, true, "import type"),
                    new Column("Import Use", CATEGORY, true, "import use"),
                    new Column("Payment Type", CATEGORY, true, "payment type"),
                    new Column("Mode of Transport", CATEGORY, true, "mode of transport"),
                    new Column("Declarant ID", PARTY, true, "customs broker who declared"),
                    new Column("Importer ID", PARTY, true, "importer"),
                    new Column("Seller ID", PARTY, true, "overseas seller"),
                    new Column("Courier ID", PARTY, true, "express courier (blank when none)"),
                    new Column("HS6 Code", HS_CODE, true, "HS 6-digit code"),
                    new Column("Country of Departure", COUNTRY, true, "country of departure"),
                    new Column("Country of Origin", COUNTRY, true, "country of origin"),
                    new Column("Tax Rate", NUMBER, true, "tax rate in %", Column.Range.NON_NEGATIVE),
                    new Column("Tax Type", CATEGORY, true, "tax type"),
                    new Column("Country of Origin Indicator", CATEGORY, true, "how origin was indicated"),
                    new Column("Net Mass", NUMBER, true, "net mass in kg", Column.Range.NON_NEGATIVE),
                    new Column("Item Price", NUMBER, true, "item price in KRW", Column.Range.NON_NEGATIVE),
                    new Column("Fraud", LABEL, false, "1 if the inspection found fraud"),
                    new Column("Critical Fraud", SEVERITY, false, "0 none, 1 fraud, 2 critical (threat to public safety)")),
            "Declaration ID", "Date", "Fraud", "Critical Fraud", "Item Price", "Net Mass", null, null,
            List.of(
                    HistoryKey.of("Declarant ID"),
                    HistoryKey.of("Importer ID"),
                    HistoryKey.of("Seller ID"),
                    HistoryKey.of("Courier ID"),
                    HistoryKey.of("HS6 Code"),
                    HistoryKey.hsPrefix("HS6 Code", 4),
                    HistoryKey.hsPrefix("HS6 Code", 2),
                    HistoryKey.of("Office ID"),
                    HistoryKey.of("Country of Origin"),
                    HistoryKey.pair("Importer ID", "HS6 Code"),
                    HistoryKey.pair("Declarant ID", "HS6 Code"),
                    HistoryKey.pair("Seller ID", "Importer ID"),
                    HistoryKey.pair("Country of Origin", "HS6 Code")));

    public static List<Profile> all() {
        return List.of(POSTAL, KCS);
    }

    /** The profile of that name; throws {@link IllegalArgumentException} naming the known ones otherwise. */
    public static Profile byName(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        for (Profile p : all()) if (p.name().equals(n)) return p;
        throw new IllegalArgumentException("unknown profile '" + name + "' (known: postal, kcs)");
    }
}
