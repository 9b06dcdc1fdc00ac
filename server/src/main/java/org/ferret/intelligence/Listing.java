package org.ferret.intelligence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An online listing an investigator's crawler collected, with its score (0–1), the category the terms point to
 * (null when none), the score's reasons, and its review: status, who decided and when, and the lead it became.
 */
public record Listing(UUID id, String platform, String url, String title, String text, BigDecimal price,
        String currency, String seller, LocalDate listedOn, List<String> images, double score,
        ListingCategory category, List<ListingReason> reasons, String modelVersion, Instant importedAt,
        ListingStatus status, String reviewedBy, Instant reviewedAt, String reviewNote, Lead lead) {

    /** An intelligence lead made from a confirmed listing, with its links to seizures and alerts. */
    public record Lead(UUID id, ListingCategory category, String note, List<LeadLink> links, Instant createdAt,
            String createdBy) {
    }

    /** A link of a lead to a seizure or (by reference, the alert's id) to an alert. */
    public record LeadLink(UUID seizure, String seizureReference, UUID alert, String linkedBy, Instant linkedAt) {
    }
}
