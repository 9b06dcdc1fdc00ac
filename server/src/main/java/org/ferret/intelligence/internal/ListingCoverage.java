package org.ferret.intelligence.internal;

import org.ferret.audit.CoveredTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listing tables the audit chain covers (every column): listings, reviews, leads and their links. */
@Configuration(proxyBeanMethods = false)
public class ListingCoverage {

    public static final String LISTING = "intel_listing";
    public static final String REVIEW = "intel_listing_review";
    public static final String LEAD = "intel_lead";
    public static final String LINK = "intel_lead_link";

    @Bean
    CoveredTable intelListingCoverage() {
        return CoveredTable.of(LISTING, "id");
    }

    @Bean
    CoveredTable intelListingReviewCoverage() {
        return CoveredTable.of(REVIEW, "listing_id");
    }

    @Bean
    CoveredTable intelLeadCoverage() {
        return CoveredTable.of(LEAD, "id");
    }

    @Bean
    CoveredTable intelLeadLinkCoverage() {
        return CoveredTable.of(LINK, "id");
    }
}
