package org.ferret.registry;

import java.time.LocalDate;

/**
 * Implemented (as a Spring bean) by the module that holds the technical standards: told of every deactivation inside
 * the transaction that records it (Protocol art. 9), also when the deactivation is the first event of a registration. Throwing a {@link org.ferret.shared.FerretException} refuses the
 * deactivation and nothing is written (a deactivation needs a passing assessment under the standard version it
 * names). The registry does not depend on the implementing module.
 */
public interface DeactivationControl {

    /** A deactivation about to be committed: the item, the event and its particulars (certificate, standard, authority, mark). */
    record DeactivationRecorded(ItemId item, EventId event, ItemKind kind, LocalDate occurredOn, Deactivation deactivation) {
    }

    void deactivated(DeactivationRecorded deactivation);

    /** A correction withdrew this deactivation (or import of an item deactivated abroad): it no longer counts. */
    default void withdrawn(ItemId item, EventId event) {
    }
}
