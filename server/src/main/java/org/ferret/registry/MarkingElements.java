package org.ferret.registry;

/**
 * What a marking says. Which elements a marking needs depends on its kind (see {@link MarkingRules});
 * {@code geometricSymbols} with {@code symbolCode} is art. 8(1)(a)'s alternative form.
 */
public record MarkingElements(
        String manufacturer,
        String countryOrPlace,
        SerialNumber serialNumber,
        Integer year,
        CountryCode importCountry,
        Integer importYear,
        String model,
        Calibre calibre,
        String geometricSymbols,
        String symbolCode) {

    public MarkingElements {
        manufacturer = Text.optional("manufacturer", manufacturer, 200);
        countryOrPlace = Text.optional("countryOrPlace", countryOrPlace, 100);
        year = Text.year("year", year);
        importYear = Text.year("importYear", importYear);
        model = Text.optional("model", model, 200);
        geometricSymbols = Text.optional("geometricSymbols", geometricSymbols, 100);
        symbolCode = Text.optional("symbolCode", symbolCode, 60);
    }

    /** The usual manufacture marking: manufacturer, country or place, serial. */
    public static MarkingElements manufacture(String manufacturer, String countryOrPlace, String serial) {
        return new MarkingElements(manufacturer, countryOrPlace, serial == null ? null : SerialNumber.of(serial),
                null, null, null, null, null, null, null);
    }

    /** An import marking: country and, where possible, year of import. */
    public static MarkingElements imported(CountryCode country, Integer year) {
        return new MarkingElements(null, null, null, null, country, year, null, null, null, null);
    }
}
