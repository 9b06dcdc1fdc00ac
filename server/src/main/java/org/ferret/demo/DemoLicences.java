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

    /**
     * One synthetic import authorisation issued here to the demo dealer (five pistols from DE, art. 10) and one pistol
     * registered as imported under it, so the authorisation shows a drawdown and the item's timeline names it.
     */
    static int loadImports(org.ferret.licensing.ImportAuthorisations imports, Registry registry, LocalDate today,
            TransactionOperations tx) {
        List<Holder> dealers = registry.findHoldersByLicence("FI-DL-1001");
        if (dealers.isEmpty()) {
            return 0;
        }
        Holder dealer = dealers.getFirst();
        tx.executeWithoutResult(s -> {
            var a = imports.issue(new org.ferret.licensing.ImportAuthorisationRequest(dealer.id().value(), "DE",
                    today.minusDays(20), today.plusMonths(6), List.of(new org.ferret.licensing.ImportAuthorisationRequest
                            .Line("PISTOL", "Walther PDP pistols, 9x19mm (synthetic)", 5))));
            org.ferret.registry.CountryCode de = org.ferret.registry.CountryCode.of("DE");
            registry.register(new org.ferret.registry.NewItem(org.ferret.registry.ItemKind.PISTOL,
                    new org.ferret.registry.ItemAttributes("Walther", "PDP", org.ferret.registry.Calibre.ofNullable("9x19mm"),
                            de, today.getYear(), org.ferret.registry.Construction.POLYMER, null),
                    List.of(new org.ferret.registry.Marking(org.ferret.registry.MarkingKind.MANUFACTURE,
                            new org.ferret.registry.MarkingElements("Walther", "Ulm, DE",
                                    org.ferret.registry.SerialNumber.of("DEMO-WPDP-0001"), today.getYear(), null, null,
                                    "PDP", org.ferret.registry.Calibre.ofNullable("9x19mm"), null, null),
                            "frame, left side", org.ferret.registry.MarkingMethod.EMBEDDED_METAL_INSERT),
                            new org.ferret.registry.Marking(org.ferret.registry.MarkingKind.IMPORT,
                                    org.ferret.registry.MarkingElements.imported(org.ferret.registry.CountryCode.of("FI"),
                                            today.getYear()), "frame, next to the serial",
                                    org.ferret.registry.MarkingMethod.LASER)),
                    "DEMO-IMPORT-0001", new org.ferret.registry.NewEvent.Import(today.minusDays(7), de, dealer.id(),
                            a.number(), new org.ferret.registry.Particulars("Vaalimaa", null, null))));
        });
        return 1;
    }
}
