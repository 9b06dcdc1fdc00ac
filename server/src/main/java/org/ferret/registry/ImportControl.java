package org.ferret.registry;

import java.time.LocalDate;

/**
 * Implemented (as a Spring bean) by the module that controls transfers (licensing, Protocol art. 10): told of every
 * import event inside the transaction that records it, whether appended to a history or the first event of a
 * registration. Throwing a {@link org.ferret.shared.FerretException} refuses the import and nothing is written;
 * returning lets it stand (the implementation checks and draws down the import authorisation the event names, or
 * flags an import naming none). The registry does not depend on the implementing module.
 */
public interface ImportControl {

    /**
     * An import about to be committed: the item and its kind, the event, the country of export, the importer (the
     * holder the event names, or null) and the import authorisation the event names (or null).
     */
    record ImportRecorded(ItemId item, EventId event, ItemKind kind, LocalDate occurredOn, CountryCode from,
            HolderId importer, String authorisation, String reference) {
    }

    void imported(ImportRecorded recorded);
}
