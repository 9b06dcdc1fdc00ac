package org.ferret.registry;

import java.util.UUID;

/**
 * One serial as marked on a registered item, with the attributes searches filter on; streamed by
 * {@link Registry#forEachSerial} to modules that keep their own search structures (e.g. tracing's index).
 */
public record RegisteredSerial(UUID item, String kind, String manufacturer, String model, String calibre,
        String countryOfManufacture, String serialNumber) {
}
