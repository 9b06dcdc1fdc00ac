package org.ferret.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An export licence as the officer and the API see it: the art. 10(3) contents, the route, the goods lines with what
 * is used, what other states said, the history of its transitions and the drawdowns.
 */
public record Licence(LicenceId id, String number, LicenceStatus status, UUID exporter, String placeOfIssue,
        String countryOfExport, String countryOfImport, String finalRecipient, String endUserCertificate,
        TransportMode transport, boolean transhipment, TemporaryPurpose temporaryPurpose, LocalDate appliedOn,
        LocalDate issuedOn, LocalDate expiresOn, List<String> transitCountries, List<GoodsLine> goods,
        List<Authorisation> authorisations, List<HistoryEntry> history, List<Drawdown> drawdowns,
        String verificationCode, String document, String signature, String signedBy, Instant createdAt) {

    /** One goods line: a registry item (firearm, component, ammunition lot) or a description, with its quantity. */
    public record GoodsLine(int line, UUID itemId, String description, int quantity, int used) {
        public int remaining() {
            return quantity - used;
        }
    }

    /** What the importing state or a transit state said, and where it came from (this officer, or a node). */
    public record Authorisation(UUID id, AuthorisationKind kind, String country, String reference, LocalDate givenOn,
            LocalDate validUntil, String source, Instant recordedAt, String recordedBy) {
    }

    /** One named transition. */
    public record HistoryEntry(int seq, Transition transition, LicenceStatus statusAfter, String reason, String actor,
            Instant at) {
    }

    /** One shipment drawn down against a goods line (a registry export event or a usage report). */
    public record Drawdown(UUID id, int line, int quantity, UUID itemId, UUID eventId, String reportId,
            LocalDate occurredOn, Instant recordedAt, String recordedBy) {
    }

    /** The status as of {@code today}: an issued or suspended licence past its expiry date is expired. */
    public LicenceStatus statusOn(LocalDate today) {
        return (status == LicenceStatus.ISSUED || status == LicenceStatus.SUSPENDED) && today.isAfter(expiresOn)
                ? LicenceStatus.EXPIRED : status;
    }

    public boolean exhausted() {
        return !goods.isEmpty() && goods.stream().allMatch(g -> g.remaining() == 0);
    }

    /** The latest authorisation of this kind from this country, if any. */
    public java.util.Optional<Authorisation> latest(AuthorisationKind kind, String country) {
        return authorisations.stream().filter(a -> a.kind() == kind && a.country().equals(country))
                .reduce((a, b) -> b);
    }

    /** The importing state's latest authorisation. */
    public java.util.Optional<Authorisation> importAuthorisation() {
        return latest(AuthorisationKind.IMPORT_AUTHORISATION, countryOfImport);
    }
}
