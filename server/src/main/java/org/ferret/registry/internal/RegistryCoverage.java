package org.ferret.registry.internal;

import java.util.List;
import java.util.Set;

import org.ferret.audit.CoveredTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry tables the audit chain covers (every column, so columns added later are covered too). Left out of
 * registry_item's hash: the projection columns, rewritten from the history on every event and checked against it by
 * {@link ItemStatusCheck} instead.
 */
@Configuration(proxyBeanMethods = false)
public class RegistryCoverage {

    public static final String ITEM = "registry_item";
    public static final String MARKING = "registry_marking";
    public static final String EVENT = "registry_event";
    public static final String HOLDER = "registry_holder";

    /** registry_item's projection: derived from registry_event and registry_marking, never set on its own. */
    public static final Set<String> ITEM_PROJECTION = Set.of("status", "status_since", "holder_id", "fitted_to",
            "marking_required");

    @Bean
    CoveredTable registryItemCoverage() {
        return new CoveredTable(ITEM, List.of("id"), ITEM_PROJECTION);
    }

    @Bean
    CoveredTable registryMarkingCoverage() {
        return CoveredTable.of(MARKING, "id");
    }

    @Bean
    CoveredTable registryEventCoverage() {
        return CoveredTable.of(EVENT, "id");
    }

    @Bean
    CoveredTable registryHolderCoverage() {
        return CoveredTable.of(HOLDER, "id");
    }
}
