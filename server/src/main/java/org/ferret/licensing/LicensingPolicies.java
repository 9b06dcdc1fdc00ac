package org.ferret.licensing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ferret.shared.Words;

/**
 * The checks an export licence must pass before it is issued, each a small named policy citing its provision.
 * Checks made when the application is recorded (countries, quantities, items in lawful possession, end-user
 * certificate used once, exporter a licensed dealer) refuse the application itself; these run on the recorded
 * application and may change as other states answer.
 */
public final class LicensingPolicies {

    public static final String ART_10_2_A = "Protocol art. 10(2)(a)";
    public static final String ART_10_2_B = "Protocol art. 10(2)(b)";
    public static final String ART_10_3 = "Protocol art. 10(3)";
    public static final String VALIDITY = "Reg. (EU) 258/2012 art. 7(4)";
    public static final String EMBARGO = "Embargo list (ferret.licensing.embargoes)";

    private LicensingPolicies() {
    }

    /** Every check, in the order the officer reads them. */
    public static List<Check> all(Licence l, LocalDate today, Map<String, String> embargoes) {
        List<Check> out = new ArrayList<>();
        out.add(contents(l));
        out.add(importAuthorisation(l, today));
        out.addAll(transit(l));
        out.add(validity(l));
        out.add(embargo(l, embargoes));
        return out;
    }

    /** Art. 10(3): place and date of issue, expiry, countries, final recipient, goods with quantities, transit. */
    public static Check contents(Licence l) {
        List<String> missing = new ArrayList<>();
        if (blank(l.placeOfIssue())) {
            missing.add("place of issue");
        }
        if (blank(l.finalRecipient())) {
            missing.add("final recipient");
        }
        if (l.goods().isEmpty()) {
            missing.add("goods with their quantities");
        }
        if (l.expiresOn() == null) {
            missing.add("date of expiry");
        }
        return missing.isEmpty()
                ? Check.pass("Licence contents", ART_10_3, "place and date of issue, expiry, countries of export and import, "
                        + "final recipient, " + l.goods().size() + " goods line(s) and " + l.transitCountries().size()
                        + " transit countr" + (l.transitCountries().size() == 1 ? "y" : "ies") + " are stated")
                : Check.fail("Licence contents", ART_10_3, "missing: " + String.join(", ", missing));
    }

    /** Art. 10(2)(a): the importing state has issued an import licence or authorisation, valid today. */
    public static Check importAuthorisation(Licence l, LocalDate today) {
        Optional<Licence.Authorisation> a = l.importAuthorisation();
        if (a.isEmpty()) {
            return Check.fail("Import authorisation", ART_10_2_A, "no import authorisation from " + l.countryOfImport()
                    + " is recorded");
        }
        if (a.get().validUntil() != null && a.get().validUntil().isBefore(today)) {
            return Check.fail("Import authorisation", ART_10_2_A, "the import authorisation " + a.get().reference()
                    + " of " + l.countryOfImport() + " expired on " + Words.date(a.get().validUntil()));
        }
        return Check.pass("Import authorisation", ART_10_2_A, l.countryOfImport() + " authorised the import ("
                + a.get().reference() + (a.get().validUntil() == null ? "" : ", valid until "
                + Words.date(a.get().validUntil())) + ", " + source(a.get()) + ")");
    }

    /**
     * Art. 10(2)(b): each transit state gave written notice of no objection before shipment; waived for sea or air
     * without transhipment and for temporary exports for a verifiable lawful purpose (Reg. (EU) 258/2012 art. 7(3)).
     */
    public static List<Check> transit(Licence l) {
        if (l.transitCountries().isEmpty()) {
            return List.of(Check.pass("Transit", ART_10_2_B, "the route crosses no transit state"));
        }
        String waiver = l.temporaryPurpose() != null
                ? "temporary export for " + Words.lower(l.temporaryPurpose())
                : l.transport().seaOrAir() && !l.transhipment() ? Words.lower(l.transport())
                        + " shipment without transhipment or change of means of transport" : null;
        List<Check> out = new ArrayList<>();
        for (String c : l.transitCountries()) {
            String name = "Transit through " + c;
            Optional<Licence.Authorisation> answer = l.authorisations().stream()
                    .filter(a -> a.country().equals(c) && (a.kind() == AuthorisationKind.TRANSIT_NO_OBJECTION
                            || a.kind() == AuthorisationKind.TRANSIT_OBJECTION))
                    .reduce((a, b) -> b);
            if (answer.isPresent() && answer.get().kind() == AuthorisationKind.TRANSIT_OBJECTION) {
                out.add(Check.fail(name, ART_10_2_B, c + " objects to the transit (" + answer.get().reference() + ", "
                        + source(answer.get()) + ")"));
            } else if (answer.isPresent()) {
                out.add(Check.pass(name, ART_10_2_B, c + " gave written notice of no objection on "
                        + Words.date(answer.get().givenOn()) + " (" + answer.get().reference() + ", "
                        + source(answer.get()) + ")"));
            } else if (waiver != null) {
                out.add(Check.pass(name, "Reg. (EU) 258/2012 art. 7(3)", "no notice needed: " + waiver));
            } else {
                out.add(Check.fail(name, ART_10_2_B, "no written notice of no objection from " + c + " is recorded"));
            }
        }
        return out;
    }

    /** The export licence may not be valid longer than the import authorisation. */
    public static Check validity(Licence l) {
        Optional<Licence.Authorisation> a = l.importAuthorisation();
        if (a.isPresent() && a.get().validUntil() != null && l.expiresOn().isAfter(a.get().validUntil())) {
            return Check.fail("Validity", VALIDITY, "the licence would expire on " + Words.date(l.expiresOn())
                    + ", after the import authorisation (" + Words.date(a.get().validUntil()) + ")");
        }
        return Check.pass("Validity", VALIDITY, "valid until " + Words.date(l.expiresOn())
                + (a.isPresent() && a.get().validUntil() != null ? ", within the import authorisation" : ""));
    }

    /** No destination or transit state is under an embargo on this node's list. */
    public static Check embargo(Licence l, Map<String, String> embargoes) {
        List<String> hits = new ArrayList<>();
        List<String> states = new ArrayList<>(l.transitCountries());
        states.addFirst(l.countryOfImport());
        for (String c : states) {
            if (embargoes.containsKey(c)) {
                hits.add(c + " (" + embargoes.get(c) + ")");
            }
        }
        return hits.isEmpty() ? Check.pass("Embargoes", EMBARGO, "no state on the route is under an embargo")
                : Check.fail("Embargoes", EMBARGO, "under an embargo: " + String.join(", ", hits));
    }

    private static String source(Licence.Authorisation a) {
        return a.source().startsWith("node:") ? "confirmed by node " + a.source().substring(5) : "recorded by " + a.source();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
