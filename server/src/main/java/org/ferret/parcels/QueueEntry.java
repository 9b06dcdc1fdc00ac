package org.ferret.parcels;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One held item in a site's queue for a day, with what the analyst and the inspector need to see. */
public record QueueEntry(UUID declaration, String operator, String itemId, int version, String site, LocalDate day,
        Declaration.Direction direction, Declaration.Category category, String origin, String destination, String description,
        double score, String reasons, List<String> rulesHit, PickedBy pickedBy, String queueNote, List<Detection> detections,
        OutcomeKind outcome) {

    /** A detector verdict on the item. */
    public record Detection(String detectedClass, double confidence, String imageRef, String box) {}
}
