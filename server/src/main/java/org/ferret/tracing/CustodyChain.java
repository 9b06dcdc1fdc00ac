package org.ferret.tracing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.ferret.registry.EventId;
import org.ferret.registry.EventType;
import org.ferret.registry.Holder;
import org.ferret.registry.HolderId;
import org.ferret.registry.ItemView;
import org.ferret.registry.LifecycleEvent;
import org.ferret.registry.StatusDerivation;

/**
 * Reconstructs an item's chain of custody from the registry's append-only events, and derives the answer's facts
 * (last lawful holder and acquisition, loss or theft, time-to-crime) from that same chain, so that the facts can
 * never contradict the table shown beneath them.
 */
final class CustodyChain {

    private CustodyChain() {
    }

    /** One step of the chain together with what the facts need to know of it. */
    private record Step(CustodyEntry entry, EventType type, boolean valid) {
    }

    static TraceAnswer traced(ItemView item, LocalDate recoveredOn, Function<HolderId, Holder> holders, String remarks,
            String answeredBy, String node, Instant at) {
        List<Step> steps = steps(item, holders);

        // the facts: one fold over the chain's valid steps, in the order the events occurred
        String lastHolder = null;
        LocalDate lastAcquired = null;
        Step lossOrTheft = null;
        for (Step s : steps) {
            if (!s.valid()) {
                continue;
            }
            LocalDate on = s.entry().date();
            switch (s.type()) {
                case MANUFACTURE, IMPORT, TRANSFER_OF_POSSESSION -> {
                    // time-to-crime runs from the last lawful acquisition before the recovery
                    if (recoveredOn == null || !on.isAfter(recoveredOn)) {
                        lastHolder = s.entry().holder() != null ? s.entry().holder() : unnamedHolder(item, s.type());
                        lastAcquired = on;
                    }
                }
                // a report of loss or theft is a fact whenever it was made, even after the recovery date
                case LOSS_REPORTED, THEFT_REPORTED -> lossOrTheft = s;
                default -> {
                }
            }
        }
        String loss = null;
        LocalDate lossOn = null;
        if (lossOrTheft != null) {
            lossOn = lossOrTheft.entry().date();
            loss = (lossOrTheft.type() == EventType.LOSS_REPORTED ? "reported lost" : "reported stolen")
                    + (recoveredOn != null && lossOn.isAfter(recoveredOn)
                            ? " (reported after the recovery on " + recoveredOn + ")" : "");
        }
        Long ttc = lastAcquired == null || recoveredOn == null ? null : ChronoUnit.DAYS.between(lastAcquired, recoveredOn);
        List<String> serials = item.markings().stream().map(m -> m.marking().elements().serialNumber())
                .filter(s -> s != null).map(s -> s.value()).distinct().toList();
        var a = item.attributes();
        return new TraceAnswer(TraceAnswer.Outcome.TRACED, item.id().value(), item.kind().name(), a.manufacturer(),
                a.model(), a.calibre() == null ? null : a.calibre().value(),
                a.countryOfManufacture() == null ? null : a.countryOfManufacture().value(), serials,
                steps.stream().map(Step::entry).toList(), lastHolder, lastAcquired, loss, lossOn, ttc, remarks, answeredBy,
                node, at);
    }

    /** Every event of the history as a step of the chain, in the order the events occurred (then as recorded). */
    private static List<Step> steps(ItemView item, Function<HolderId, Holder> holders) {
        // a withdrawn event is shown struck through; an amended one as the correction says it really was
        Set<EventId> superseded = StatusDerivation.retracted(item.history());
        java.util.Map<EventId, LifecycleEvent> amended = new java.util.HashMap<>();
        item.effectiveHistory().forEach(e -> amended.put(e.id(), e));
        List<LifecycleEvent> events = new ArrayList<>();
        for (LifecycleEvent e : item.history()) {
            events.add(amended.getOrDefault(e.id(), e));
        }
        events.sort(Comparator.comparing(LifecycleEvent::occurredOn).thenComparingInt(LifecycleEvent::sequence));
        List<Step> steps = new ArrayList<>();
        for (LifecycleEvent e : events) {
            boolean struck = superseded.contains(e.id());
            if (e.type() == EventType.COMPONENT_FITTED || e.type() == EventType.COMPONENT_REMOVED) {
                steps.add(new Step(new CustodyEntry(e.occurredOn(), e.type().name(), null, null, null, null, null,
                        (e.type() == EventType.COMPONENT_FITTED ? "fitted with/to " : "removed from/of ") + e.relatedItem(),
                        struck), e.type(), false));
                continue;
            }
            Holder h = e.holder() == null ? null : holders.apply(e.holder());
            String holder = h == null ? null : h.name() + (h.licenceNumber() == null ? "" : " (licence " + h.licenceNumber() + ")");
            steps.add(new Step(new CustodyEntry(e.occurredOn(), e.type().name(),
                    e.country() == null ? null : e.country().value(), e.place(), holder,
                    h == null ? null : h.type() + "/" + h.role(), e.reference(),
                    e.type() == EventType.CORRECTION ? "corrects an earlier event: " + e.reason() : e.note(), struck),
                    e.type(), !struck && e.type() != EventType.CORRECTION));
        }
        return steps;
    }

    private static String unnamedHolder(ItemView item, EventType type) {
        return switch (type) {
            case MANUFACTURE -> (item.attributes().manufacturer() == null ? "manufacturer" : item.attributes().manufacturer())
                    + " (manufacturer)";
            case IMPORT -> "importer (not named in the record)";
            default -> "holder not named in the record";
        };
    }

    static TraceAnswer notTraced(String remarks, String answeredBy, String node, Instant at) {
        return new TraceAnswer(TraceAnswer.Outcome.NOT_TRACED, null, null, null, null, null, null, List.of(), List.of(),
                null, null, null, null, null, remarks, answeredBy, node, at);
    }
}
