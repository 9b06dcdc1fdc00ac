package org.ferret.intelligence.internal;

import java.util.List;
import java.util.Set;

import org.ferret.audit.CoveredTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The seizure tables the audit chain covers (every column): seizures, their transit countries, items, persons and
 * tracing outcomes. A row edited, deleted or inserted in the database directly is found by {@code audit verify}.
 */
@Configuration(proxyBeanMethods = false)
public class IntelligenceCoverage {

    public static final String SEIZURE = "intel_seizure";
    public static final String TRANSIT = "intel_seizure_transit";
    public static final String ITEM = "intel_seizure_item";
    public static final String PERSON = "intel_seizure_person";
    public static final String TRACING = "intel_tracing_outcome";

    @Bean
    CoveredTable intelSeizureCoverage() {
        return CoveredTable.of(SEIZURE, "id");
    }

    @Bean
    CoveredTable intelSeizureTransitCoverage() {
        return new CoveredTable(TRANSIT, List.of("seizure_id", "position"), Set.of());
    }

    @Bean
    CoveredTable intelSeizureItemCoverage() {
        return CoveredTable.of(ITEM, "id");
    }

    @Bean
    CoveredTable intelSeizurePersonCoverage() {
        return CoveredTable.of(PERSON, "id");
    }

    @Bean
    CoveredTable intelTracingOutcomeCoverage() {
        return CoveredTable.of(TRACING, "id");
    }
}
