package org.ferret.intelligence.internal;

import java.util.List;
import java.util.Set;

import org.ferret.audit.CoveredTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alert tables the audit chain covers (every column): alerts, their closed user groups and members, the
 * agencies' subscriptions (released when one is ended), the recipients (covered again when one reads or acknowledges)
 * and adopted indicators. {@code Alerts} covers each row in the transaction that writes it; a row edited, deleted or
 * inserted in the database directly is found by {@code audit verify}.
 */
@Configuration(proxyBeanMethods = false)
public class AlertCoverage {

    public static final String ALERT = "intel_alert";
    public static final String GROUP = "intel_alert_group";
    public static final String MEMBER = "intel_alert_group_member";
    public static final String SUBSCRIPTION = "intel_alert_subscription";
    public static final String RECIPIENT = "intel_alert_recipient";
    public static final String ADOPTION = "intel_alert_adoption";

    @Bean
    CoveredTable intelAlertCoverage() {
        return CoveredTable.of(ALERT, "id");
    }

    @Bean
    CoveredTable intelAlertGroupCoverage() {
        return CoveredTable.of(GROUP, "id");
    }

    @Bean
    CoveredTable intelAlertGroupMemberCoverage() {
        return new CoveredTable(MEMBER, List.of("group_id", "member"), Set.of());
    }

    @Bean
    CoveredTable intelAlertSubscriptionCoverage() {
        return CoveredTable.of(SUBSCRIPTION, "id");
    }

    @Bean
    CoveredTable intelAlertRecipientCoverage() {
        return new CoveredTable(RECIPIENT, List.of("alert_id", "recipient"), Set.of());
    }

    @Bean
    CoveredTable intelAlertAdoptionCoverage() {
        return new CoveredTable(ADOPTION, List.of("alert_id", "indicator", "version"), Set.of());
    }
}
