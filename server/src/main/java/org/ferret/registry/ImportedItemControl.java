package org.ferret.registry;

import java.time.LocalDate;
import java.util.Map;

/**
 * Implemented (as a Spring bean) by the module that holds the technical standards: told, inside the transaction that
 * records it, of every import of an item deactivated abroad or of an alarm or signal weapon, so that the importing
 * state's own standard is applied (UN paper para 46: a firearm deactivated to a weaker standard abroad must not pass
 * here as deactivated; an alarm weapon must not be readily convertible). Throwing a
 * {@link org.ferret.shared.FerretException} refuses the import and nothing is written; returning lets it stand (it
 * passed, or the implementation flags it). The registry does not depend on the implementing module.
 */
public interface ImportedItemControl {

    /** Why an import is assessed. */
    enum Concern {
        /** The import carries the particulars of a deactivation abroad. */
        DEACTIVATED,
        /** The item is an alarm or signal weapon ({@link Construction#ALARM_OR_SIGNAL}). */
        ALARM_OR_SIGNAL
    }

    /**
     * An import about to be committed: the item, its kind and the event, the country of export, why it is assessed,
     * the deactivation abroad (or null), and what the caller gave with the import for the standard (its facts, the
     * decisions of the person recording it, the firearm type; in the implementing module's terms, as given: the
     * registry does not read it).
     */
    record ImportAssessed(ItemId item, EventId event, ItemKind kind, LocalDate occurredOn, CountryCode from,
            Concern concern, Deactivation deactivation, Map<String, Object> standardAssessment) {
        public ImportAssessed {
            standardAssessment = standardAssessment == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(standardAssessment));
        }
    }

    void imported(ImportAssessed imported);
}
