package org.ferret.parcels.internal;

import java.util.List;
import java.util.Set;

import org.ferret.audit.CoveredTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parcels tables the audit chain covers (every column): declaration versions, the parties' personal data, the
 * decisions (whose queue columns are covered again at every queue change), detector verdicts, outcomes and the queue
 * changes, the model versions of the learning loop and their state changes. A row edited, deleted or inserted in the database directly is found by {@code audit verify}; only the
 * retention purge of released items ({@link ParcelRetentionStore}) deletes rows, releasing them in its transaction.
 */
@Configuration(proxyBeanMethods = false)
public class ParcelsCoverage {

    public static final String DECLARATION = "parcel_declaration";
    public static final String PARTY = "parcel_party";
    public static final String DECISION = "parcel_decision";
    public static final String DETECTION = "parcel_detection";
    public static final String OUTCOME = "parcel_outcome";
    public static final String QUEUE_CHANGE = "parcel_queue_change";

    @Bean
    CoveredTable parcelDeclarationCoverage() {
        return CoveredTable.of(DECLARATION, "id");
    }

    @Bean
    CoveredTable parcelPartyCoverage() {
        return new CoveredTable(PARTY, List.of("declaration_id", "party_role"), Set.of());
    }

    @Bean
    CoveredTable parcelDecisionCoverage() {
        return CoveredTable.of(DECISION, "declaration_id");
    }

    @Bean
    CoveredTable parcelDetectionCoverage() {
        return CoveredTable.of(DETECTION, "id");
    }

    @Bean
    CoveredTable parcelOutcomeCoverage() {
        return CoveredTable.of(OUTCOME, "id");
    }

    /** Rule pack versions: covered at every write (draft edits and each step of the four-eyes workflow). */
    @Bean
    CoveredTable parcelRulePackCoverage() {
        return new CoveredTable(RulePackStore.TABLE, List.of("profile", "version"), Set.of());
    }

    @Bean
    CoveredTable parcelQueueChangeCoverage() {
        return CoveredTable.of(QUEUE_CHANGE, "id");
    }

    @Bean
    CoveredTable parcelModelCoverage() {
        return CoveredTable.of(ModelVersions.MODEL, "id");
    }

    @Bean
    CoveredTable parcelModelChangeCoverage() {
        return CoveredTable.of(ModelVersions.CHANGE, "id");
    }
}
