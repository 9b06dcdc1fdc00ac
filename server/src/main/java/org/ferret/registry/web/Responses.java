package org.ferret.registry.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.ferret.registry.ComponentFitting;
import org.ferret.registry.Construction;
import org.ferret.registry.EventId;
import org.ferret.registry.EventType;
import org.ferret.registry.Holder;
import org.ferret.registry.HolderRole;
import org.ferret.registry.HolderType;
import org.ferret.registry.ImportMode;
import org.ferret.registry.ImportReport;
import org.ferret.registry.ItemCategory;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemKind;
import org.ferret.registry.ItemStatus;
import org.ferret.registry.ItemSummary;
import org.ferret.registry.ItemView;
import org.ferret.registry.LifecycleEvent;
import org.ferret.registry.MarkingDecision;
import org.ferret.registry.MarkingElements;
import org.ferret.registry.MarkingKind;
import org.ferret.registry.MarkingMethod;
import org.ferret.registry.PurgeReport;
import org.ferret.registry.RecordedMarking;
import org.ferret.shared.FerretException.FieldProblem;

/** JSON response bodies of the registry API, built from the registry's read models. */
final class Responses {
    private Responses() {
    }

    record Item(UUID id, String externalRef, ItemKind kind, ItemCategory category, String manufacturer, String model,
            String calibre, String countryOfManufacture, Integer yearOfManufacture, Construction construction,
            Integer quantity, ItemStatus status, LocalDate statusSince, UUID currentHolderId, UUID fittedTo,
            boolean markingRequired, Assessment markingAssessment, List<Marking> markings, List<Fitting> components,
            List<Event> history, Instant registeredAt) {

        static Item of(ItemView v) {
            var a = v.attributes();
            Set<EventId> corrected = new HashSet<>();
            v.history().stream().filter(e -> e.type() == EventType.CORRECTION).forEach(e -> corrected.add(e.corrects()));
            return new Item(v.id().value(), v.externalRef(), v.kind(), v.kind().category(), a.manufacturer(), a.model(),
                    str(a.calibre()), str(a.countryOfManufacture()), a.yearOfManufacture(), a.construction(),
                    a.quantity(), v.status(), v.statusSince(), uuid(v.currentHolder()), uuid(v.fittedTo()),
                    v.markingRequired(), Assessment.of(v.markingAssessment()),
                    v.markings().stream().map(Marking::of).toList(),
                    v.fittings().stream().map(Fitting::of).toList(),
                    v.history().stream().map(e -> Event.of(e, corrected.contains(e.id()))).toList(),
                    v.registeredAt());
        }
    }

    record Assessment(boolean compliant, String provision, List<String> reasons, List<String> notes) {
        static Assessment of(MarkingDecision d) {
            return switch (d) {
                case MarkingDecision.Compliant c -> new Assessment(true, c.provision(), List.of(), c.notes());
                case MarkingDecision.NonCompliant n -> new Assessment(false, n.provision(), n.reasons(), n.notes());
            };
        }
    }

    record Marking(UUID id, MarkingKind kind, String manufacturer, String countryOrPlace, String serialNumber,
            String serialNormalised, Integer year, String importCountry, Integer importYear, String model,
            String calibre, String geometricSymbols, String symbolCode, String location, MarkingMethod method,
            Assessment assessment, Instant recordedAt, UUID eventId, boolean retracted) {
        static Marking of(RecordedMarking r) {
            MarkingElements e = r.marking().elements();
            return new Marking(r.id(), r.marking().kind(), e.manufacturer(), e.countryOrPlace(),
                    e.serialNumber() == null ? null : e.serialNumber().value(),
                    e.serialNumber() == null ? null : e.serialNumber().normalised(), e.year(), str(e.importCountry()),
                    e.importYear(), e.model(), str(e.calibre()), e.geometricSymbols(), e.symbolCode(),
                    r.marking().location(), r.marking().method(), Assessment.of(r.decision()), r.recordedAt(),
                    r.event() == null ? null : r.event().value(), r.retracted());
        }
    }

    record Fitting(UUID firearmId, UUID componentId, ItemKind componentKind, LocalDate fittedOn, LocalDate removedOn,
            boolean current) {
        static Fitting of(ComponentFitting f) {
            return new Fitting(f.firearm().value(), f.component().value(), f.componentKind(), f.fittedOn(),
                    f.removedOn(), f.current());
        }
    }

    record Event(UUID id, int sequence, EventType type, LocalDate occurredOn, Instant recordedAt, String recordedBy,
            UUID holderId, String country, String place, String reference, String note, UUID relatedItemId,
            UUID corrects, String reason, Requests.DeactivationDetails deactivation,
            Requests.DestructionDetails destruction, boolean correctedLater,
            @io.swagger.v3.oas.annotations.media.Schema(description = "CORRECTION: WITHDRAW or AMEND") String correction,
            @io.swagger.v3.oas.annotations.media.Schema(description = "CORRECTION (AMEND): what changes") Requests.Amend amend,
            @io.swagger.v3.oas.annotations.media.Schema(description = "IMPORT: the import authorisation; TRANSIT: the no-objection") String authorisation,
            @io.swagger.v3.oas.annotations.media.Schema(description = "TRANSIT: the country it went on to") String toCountry,
            @io.swagger.v3.oas.annotations.media.Schema(description = "TRANSIT: the day it left") LocalDate until) {
        static Event of(LifecycleEvent e, boolean corrected) {
            var d = e.deactivation();
            var x = e.destruction();
            var a = e.amendment();
            return new Event(e.id().value(), e.sequence(), e.type(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
                    uuid(e.holder()), str(e.country()), e.place(), e.reference(), e.note(), uuid(e.relatedItem()),
                    e.corrects() == null ? null : e.corrects().value(), e.reason(),
                    d == null ? null : new Requests.DeactivationDetails(d.certificateNumber(), d.standardApplied(),
                            d.verifyingAuthority(), d.deactivationMark()),
                    x == null ? null : new Requests.DestructionDetails(x.method(), x.witness(), x.certificateNumber()),
                    corrected, e.type() != EventType.CORRECTION ? null : e.withdraws() ? "WITHDRAW" : "AMEND",
                    a == null ? null : new Requests.Amend(a.occurredOn(), str(a.country()), uuid(a.holder()), a.place(),
                            a.reference(), a.note()),
                    e.authorisation(), str(e.toCountry()), e.until());
        }
    }

    record Summary(UUID id, ItemKind kind, String manufacturer, String model, ItemStatus status,
            boolean markingRequired, List<String> serials, UUID fittedTo, Instant registeredAt) {
        static Summary of(ItemSummary s) {
            return new Summary(s.id().value(), s.kind(), s.manufacturer(), s.model(), s.status(), s.markingRequired(),
                    s.serials(), uuid(s.fittedTo()), s.registeredAt());
        }
    }

    record WorkList(long total, int offset, int limit, List<Summary> items) {
    }

    record HolderBody(UUID id, HolderType type, HolderRole role, String name, String licenceNumber, String country,
            Instant registeredAt) {
        static HolderBody of(Holder h) {
            return new HolderBody(h.id().value(), h.type(), h.role(), h.name(), h.licenceNumber(), str(h.country()),
                    h.registeredAt());
        }
    }

    record Purged(UUID job, int retentionYears, LocalDate cutoff, int purgedCount, List<UUID> purgedItems) {
        static Purged of(PurgeReport r) {
            return new Purged(r.job(), r.retentionYears(), r.cutoff(), r.purged().size(),
                    r.purged().stream().map(ItemId::value).toList());
        }
    }

    record Retention(int retentionYears, LocalDate cutoff) {
    }

    record Import(UUID job, ImportMode mode, long rows, long created, long alreadyPresent, long rejected,
            boolean committed, String sha256, String summary, List<FieldProblem> errors) {
        static Import of(ImportReport r) {
            return new Import(r.job(), r.mode(), r.rows(), r.created(), r.alreadyPresent(), r.rejected(),
                    r.committed(), r.sha256(), r.summary(), r.problems());
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static UUID uuid(Object o) {
        return switch (o) {
            case null -> null;
            case ItemId i -> i.value();
            case org.ferret.registry.HolderId h -> h.value();
            default -> throw new IllegalArgumentException("not an id: " + o.getClass());
        };
    }
}
