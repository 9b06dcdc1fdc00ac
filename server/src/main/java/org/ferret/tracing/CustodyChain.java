package org.ferret.tracing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.ferret.registry.EventId;
import org.ferret.registry.EventType;
import org.ferret.registry.Holder;
import org.ferret.registry.HolderId;
import org.ferret.registry.ItemView;
import org.ferret.registry.LifecycleEvent;

/**
 * Reconstructs an item's chain of custody from the registry's append-only events and derives the last lawful
 * holder, the last lawful acquisition and the time-to-crime (last lawful acquisition to recovery, eTrace practice).
 */
final class CustodyChain {

    private CustodyChain() {
    }

    static TraceAnswer traced(ItemView item, LocalDate recoveredOn, Function<HolderId, Holder> holders, String remarks,
            String answeredBy, String node, java.time.Instant at) {
        Set<EventId> superseded = new HashSet<>();
        for (LifecycleEvent e : item.history()) {
            if (e.type() == EventType.CORRECTION && e.corrects() != null) {
                superseded.add(e.corrects());
            }
        }
        List<CustodyEntry> chain = new ArrayList<>();
        String lastHolder = null;
        LocalDate lastAcquired = null;
        String lossOrTheft = null;
        LocalDate lossOn = null;
        for (LifecycleEvent e : item.history()) {
            if (e.type() == EventType.COMPONENT_FITTED || e.type() == EventType.COMPONENT_REMOVED) {
                chain.add(new CustodyEntry(e.occurredOn(), e.type().name(), null, null, null, null, null,
                        (e.type() == EventType.COMPONENT_FITTED ? "fitted with/to " : "removed from/of ") + e.relatedItem(),
                        superseded.contains(e.id())));
                continue;
            }
            Holder h = e.holder() == null ? null : holders.apply(e.holder());
            String holder = h == null ? null : h.name() + (h.licenceNumber() == null ? "" : " (licence " + h.licenceNumber() + ")");
            boolean valid = !superseded.contains(e.id()) && e.type() != EventType.CORRECTION;
            chain.add(new CustodyEntry(e.occurredOn(), e.type().name(), e.country() == null ? null : e.country().value(),
                    e.place(), holder, h == null ? null : h.type() + "/" + h.role(), e.reference(),
                    e.type() == EventType.CORRECTION ? "corrects an earlier event: " + e.reason() : e.note(),
                    superseded.contains(e.id())));
            if (!valid || (recoveredOn != null && e.occurredOn().isAfter(recoveredOn))) {
                continue;
            }
            switch (e.type()) {
                case MANUFACTURE -> {
                    lastHolder = holder != null ? holder
                            : (item.attributes().manufacturer() == null ? "manufacturer" : item.attributes().manufacturer())
                                    + " (manufacturer)";
                    lastAcquired = e.occurredOn();
                }
                case IMPORT, TRANSFER_OF_POSSESSION -> {
                    if (holder != null) {
                        lastHolder = holder;
                    } else if (e.type() == EventType.IMPORT) {
                        lastHolder = "importer (not named in the record)";
                    }
                    lastAcquired = e.occurredOn();
                }
                case LOSS_REPORTED, THEFT_REPORTED -> {
                    lossOrTheft = e.type() == EventType.LOSS_REPORTED ? "reported lost" : "reported stolen";
                    lossOn = e.occurredOn();
                }
                default -> {
                }
            }
        }
        Long ttc = lastAcquired == null || recoveredOn == null ? null : ChronoUnit.DAYS.between(lastAcquired, recoveredOn);
        List<String> serials = item.markings().stream().map(m -> m.marking().elements().serialNumber())
                .filter(s -> s != null).map(s -> s.value()).distinct().toList();
        var a = item.attributes();
        return new TraceAnswer(TraceAnswer.Outcome.TRACED, item.id().value(), item.kind().name(), a.manufacturer(),
                a.model(), a.calibre() == null ? null : a.calibre().value(),
                a.countryOfManufacture() == null ? null : a.countryOfManufacture().value(), serials, chain, lastHolder,
                lastAcquired, lossOrTheft, lossOn, ttc, remarks, answeredBy, node, at);
    }

    static TraceAnswer notTraced(String remarks, String answeredBy, String node, java.time.Instant at) {
        return new TraceAnswer(TraceAnswer.Outcome.NOT_TRACED, null, null, null, null, null, null, List.of(), List.of(),
                null, null, null, null, null, remarks, answeredBy, node, at);
    }
}
