package org.ferret.standards;

import java.time.Instant;
import java.util.UUID;

/**
 * A seized item's assessment that waits for a person's decision (a semi-finished frame or receiver under the
 * semi-finished standard): the seizure event, the item, the standard, the assessment that opened it and, once decided,
 * the one that completed it.
 */
public record Review(UUID event, UUID item, String standard, UUID opened, Instant openedAt, UUID completed,
        Instant completedAt) {

    public boolean open() {
        return completed == null;
    }
}
