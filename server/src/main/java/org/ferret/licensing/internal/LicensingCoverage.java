package org.ferret.licensing.internal;

import java.util.List;
import java.util.Set;

import org.ferret.audit.CoveredTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The licensing tables the audit chain covers (every column): licences (status, document and signature covered
 * again at every transition), their transit states, goods lines (the used count covered again at every drawdown),
 * other states' answers, drawdowns, history, flagged unlicensed exports, node requests (covered again when answered),
 * proofs of receipt, and the import authorisations with their lines, drawdowns and flagged unauthorised imports.
 * The stores cover each row in the transaction that writes it ({@link LicenceStore}, {@link ImportAuthorisationStore}'s
 * caller); a row edited, deleted or inserted in the database directly is found by {@code audit verify}.
 */
@Configuration(proxyBeanMethods = false)
public class LicensingCoverage {

    public static final String LICENCE = "licensing_licence";
    public static final String TRANSIT = "licensing_transit";
    public static final String GOODS_LINE = "licensing_goods_line";
    public static final String AUTHORISATION = "licensing_authorisation";
    public static final String DRAWDOWN = "licensing_drawdown";
    public static final String HISTORY = "licensing_history";
    public static final String UNLICENSED_EXPORT = "licensing_unlicensed_export";
    public static final String NODE_REQUEST = "licensing_node_request";
    public static final String RECEIPT = "licensing_receipt";

    @Bean
    CoveredTable licensingLicenceCoverage() {
        return CoveredTable.of(LICENCE, "id");
    }

    @Bean
    CoveredTable licensingTransitCoverage() {
        return new CoveredTable(TRANSIT, List.of("licence_id", "position"), Set.of());
    }

    @Bean
    CoveredTable licensingGoodsLineCoverage() {
        return new CoveredTable(GOODS_LINE, List.of("licence_id", "line_no"), Set.of());
    }

    @Bean
    CoveredTable licensingAuthorisationCoverage() {
        return CoveredTable.of(AUTHORISATION, "id");
    }

    @Bean
    CoveredTable licensingDrawdownCoverage() {
        return CoveredTable.of(DRAWDOWN, "id");
    }

    @Bean
    CoveredTable licensingHistoryCoverage() {
        return new CoveredTable(HISTORY, List.of("licence_id", "seq"), Set.of());
    }

    @Bean
    CoveredTable licensingUnlicensedExportCoverage() {
        return CoveredTable.of(UNLICENSED_EXPORT, "event_id");
    }

    @Bean
    CoveredTable licensingNodeRequestCoverage() {
        return CoveredTable.of(NODE_REQUEST, "id");
    }

    @Bean
    CoveredTable licensingReceiptCoverage() {
        return CoveredTable.of(RECEIPT, "drawdown_id");
    }

    @Bean
    CoveredTable licensingImportAuthorisationCoverage() {
        return CoveredTable.of(ImportAuthorisationStore.AUTHORISATION, "id");
    }

    @Bean
    CoveredTable licensingImportLineCoverage() {
        return new CoveredTable(ImportAuthorisationStore.LINE, List.of("authorisation_id", "line_no"), Set.of());
    }

    @Bean
    CoveredTable licensingImportDrawdownCoverage() {
        return CoveredTable.of(ImportAuthorisationStore.DRAWDOWN, "event_id");
    }

    @Bean
    CoveredTable licensingUnauthorisedImportCoverage() {
        return CoveredTable.of(ImportAuthorisationStore.UNAUTHORISED, "event_id");
    }
}
