package org.ferret.registry;

import java.time.LocalDate;

/**
 * Implemented (as a Spring bean) by the module that controls transfers (licensing, Protocol art. 10): told of every
 * export event inside the transaction that records it. Throwing a {@link org.ferret.shared.FerretException} refuses
 * the export and nothing is written; returning lets it stand (the implementation may draw a licence down or flag it).
 * The registry does not depend on the implementing module.
 */
public interface ExportControl {

    /** An export about to be committed: the item, the event, and the licence the event's reference names (or null). */
    record ExportRecorded(ItemId item, EventId event, ItemKind kind, LocalDate occurredOn, CountryCode to,
            String licenceReference) {
    }

    void exported(ExportRecorded export);
}
