package org.ferret.tracing;

import java.util.List;
import java.util.Set;

import org.ferret.audit.CoveredTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tracing tables the audit chain covers (every column): trace requests and their candidates are covered again
 * at every change, confirmations are append-only, notifications are covered again when read.
 */
@Configuration(proxyBeanMethods = false)
class TracingCoverage {

    static final String TRACE_REQUEST = "trace_request";
    static final String TRACE_CANDIDATE = "trace_candidate";
    static final String CONFIRMATION = "tracing_confirmation";
    static final String NOTIFICATION = "tracing_notification";

    @Bean
    CoveredTable traceRequestCoverage() {
        return CoveredTable.of(TRACE_REQUEST, "id");
    }

    @Bean
    CoveredTable traceCandidateCoverage() {
        return new CoveredTable(TRACE_CANDIDATE, List.of("trace_request", "item_id"), Set.of());
    }

    @Bean
    CoveredTable tracingConfirmationCoverage() {
        return CoveredTable.of(CONFIRMATION, "id");
    }

    @Bean
    CoveredTable tracingNotificationCoverage() {
        return CoveredTable.of(NOTIFICATION, "id");
    }
}
