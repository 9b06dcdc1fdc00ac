package org.ferret.demo;

import java.time.LocalDate;
import java.util.List;

import org.ferret.licensing.AuthorisationKind;
import org.ferret.licensing.Licence;
import org.ferret.licensing.LicenceApplication;
import org.ferret.licensing.Licensing;
import org.ferret.licensing.TransportMode;
import org.ferret.registry.Holder;
import org.ferret.registry.Registry;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A few synthetic export licences for the demo (issue 13): one issued (import authorisation recorded), one waiting
 * for a transit state's no-objection, so the licensing officer's screens have something to show.
 */
final class DemoLicences {

    private DemoLicences() {
    }

    static int load(Licensing licensing, Registry registry, LocalDate today, TransactionOperations tx) {
        List<Holder> dealers = registry.findHoldersByLicence("FI-DL-1001");
        if (dealers.isEmpty()) {
            return 0;
        }
        java.util.UUID exporter = dealers.getFirst().id().value();
        tx.executeWithoutResult(s -> {
            Licence issued = licensing.apply(new LicenceApplication(exporter, "Helsinki", "FI", "EE",
                    "Tallinn Sport Shooting Club (synthetic)", "EUC-DEMO-0001", today.plusMonths(6), List.of(),
                    TransportMode.SEA, false, null, List.of(new LicenceApplication.GoodsLineInput(null,
                            "9x19mm cartridges, 50-round boxes", 20_000))));
            licensing.recordAnswer(issued.id(), AuthorisationKind.IMPORT_AUTHORISATION, "EE", "EE-IMP-2026-0042",
                    today.minusDays(3), today.plusYears(1));
            licensing.issue(issued.id());
            Licence waiting = licensing.apply(new LicenceApplication(exporter, "Helsinki", "FI", "DE",
                    "Schützengilde Hamburg (synthetic)", "EUC-DEMO-0002", today.plusMonths(9), List.of("SE", "DK"),
                    TransportMode.ROAD, false, null, List.of(new LicenceApplication.GoodsLineInput(null,
                            "Sako 85 Hunter rifles, .308 Win", 12))));
            licensing.recordAnswer(waiting.id(), AuthorisationKind.IMPORT_AUTHORISATION, "DE", "BAFA-2026-7781",
                    today.minusDays(5), today.plusYears(1));
            licensing.recordAnswer(waiting.id(), AuthorisationKind.TRANSIT_NO_OBJECTION, "SE", "ISP-2026-311",
                    today.minusDays(2), null);
        });
        return 2;
    }
}
