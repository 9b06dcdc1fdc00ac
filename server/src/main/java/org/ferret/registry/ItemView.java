package org.ferret.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the registry knows about one item: attributes, markings with their art. 8 decisions, the marking
 * requirement, component fittings (for a firearm: its components; for a component: the firearms it was on), and
 * the full history (every recorded event, in the order the events occurred) with the status derived from it. Holder personal data is not included, only the holder's id.
 */
public record ItemView(
        ItemId id,
        String externalRef,
        ItemKind kind,
        ItemAttributes attributes,
        ItemStatus status,
        LocalDate statusSince,
        HolderId currentHolder,
        ItemId fittedTo,
        boolean markingRequired,
        MarkingDecision markingAssessment,
        List<RecordedMarking> markings,
        List<ComponentFitting> fittings,
        List<LifecycleEvent> history,
        Instant registeredAt) {

    /** The events that count, as corrected (withdrawn events and the corrections left out), in occurrence order. */
    public List<LifecycleEvent> effectiveHistory() {
        return StatusDerivation.effective(history);
    }
}
