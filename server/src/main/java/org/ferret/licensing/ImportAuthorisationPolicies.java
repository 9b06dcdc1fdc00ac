package org.ferret.licensing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.ferret.registry.ItemKind;
import org.ferret.shared.Words;

/**
 * The checks a registry import event naming an import authorisation must pass, each a small named policy citing
 * its provision. The first failed check refuses the event; a passed chain names the goods line to draw down.
 */
public final class ImportAuthorisationPolicies {

    public static final String ART_10_1 = "Protocol art. 10(1)";
    public static final String ART_10_3 = "Protocol art. 10(3)";

    private ImportAuthorisationPolicies() {
    }

    /** Art. 10(1): the import is made under an authorisation of this state that is in force (not revoked or used up). */
    public static Check standing(ImportAuthorisation a, LocalDate today) {
        ImportAuthorisationStatus s = a.statusOn(today);
        return s == ImportAuthorisationStatus.ISSUED || s == ImportAuthorisationStatus.EXPIRED
                ? Check.pass("Authorisation in force", ART_10_1, "import authorisation " + a.number() + " is issued")
                : Check.fail("Authorisation in force", ART_10_1, "import authorisation " + a.number() + " is "
                        + Words.lower(s));
    }

    /** Art. 10(3), date of issuance and expiration: the import happened within the authorisation's validity. */
    public static Check validOn(ImportAuthorisation a, LocalDate on) {
        return on.isBefore(a.validFrom()) || on.isAfter(a.validUntil())
                ? Check.fail("Validity", ART_10_3, "import authorisation " + a.number() + " is valid from "
                        + Words.date(a.validFrom()) + " to " + Words.date(a.validUntil()) + ", not on " + Words.date(on))
                : Check.pass("Validity", ART_10_3, "the import of " + Words.date(on) + " is within its validity");
    }

    /** Art. 10(3), country of export: the item comes from the country the authorisation names. */
    public static Check countryOfExport(ImportAuthorisation a, String from) {
        return a.countryOfExport().equals(from)
                ? Check.pass("Country of export", ART_10_3, "from " + from + " as authorised")
                : Check.fail("Country of export", ART_10_3, "import authorisation " + a.number()
                        + " covers imports from " + a.countryOfExport() + ", not " + from);
    }

    /** Art. 10(3), final recipient: the item's new holder is the importer the authorisation names. */
    public static Check importer(ImportAuthorisation a, UUID holder) {
        if (holder == null) {
            return Check.fail("Importer", ART_10_3, "an import under import authorisation " + a.number()
                    + " names the importer as the item's new holder");
        }
        return a.importer().equals(holder)
                ? Check.pass("Importer", ART_10_3, "the new holder is the authorised importer")
                : Check.fail("Importer", ART_10_3, "import authorisation " + a.number()
                        + " was issued to another importer, not the item's new holder");
    }

    /** Art. 10(3), description and quantity: a goods line of the item's kind with quantity left. */
    public static Check covers(ImportAuthorisation a, ItemKind kind) {
        Optional<ImportAuthorisation.Line> line = line(a, kind);
        if (line.isPresent()) {
            return Check.pass("Goods covered", ART_10_3, "line " + line.get().line() + " (" + kind.label() + ") has "
                    + line.get().remaining() + " of " + line.get().quantity() + " left");
        }
        boolean named = a.lines().stream().anyMatch(l -> l.kind() == kind);
        return Check.fail("Goods covered", ART_10_3, named
                ? "every " + kind.label() + " import authorisation " + a.number() + " covers is already imported"
                : "import authorisation " + a.number() + " covers no " + kind.label());
    }

    /** Each authorisation is used once per item: an item imported under it before is not imported under it again. */
    public static Check notReused(ImportAuthorisation a, UUID item) {
        return a.uses().stream().filter(u -> u.item().equals(item)).findFirst()
                .map(u -> Check.fail("Used once per item", ART_10_3, "this item was already imported under import "
                        + "authorisation " + a.number() + " on " + Words.date(u.occurredOn())))
                .orElse(Check.pass("Used once per item", ART_10_3, "first import of this item under it"));
    }

    /** The first goods line of this kind with quantity left. */
    public static Optional<ImportAuthorisation.Line> line(ImportAuthorisation a, ItemKind kind) {
        return a.lines().stream().filter(l -> l.kind() == kind && l.remaining() > 0).findFirst();
    }
}
