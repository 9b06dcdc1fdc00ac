package org.ferret.registry;

/**
 * The descriptive attributes of an item. All are optional because seized or 3D-printed items are often
 * registered with little known; {@code quantity} applies to ammunition lots only.
 */
public record ItemAttributes(
        String manufacturer,
        String model,
        Calibre calibre,
        CountryCode countryOfManufacture,
        Integer yearOfManufacture,
        Construction construction,
        Integer quantity) {

    public ItemAttributes {
        manufacturer = Text.optional("manufacturer", manufacturer, 200);
        model = Text.optional("model", model, 200);
        yearOfManufacture = Text.year("yearOfManufacture", yearOfManufacture);
        if (quantity != null && quantity < 1) {
            throw new InvalidValueException("quantity", "must be at least 1, was " + quantity);
        }
    }

    public static ItemAttributes none() {
        return new ItemAttributes(null, null, null, null, null, null, null);
    }
}
