package org.ferret.registry;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Derives an item's current state from its history: a pure function of the events in sequence order, so it gives
 * the same result on every database. A correction retracts the event it names; the remaining events must form a
 * legal sequence, otherwise {@link IllegalTransitionException} names the first event that does not fit.
 */
public final class StatusDerivation {

    private StatusDerivation() {
    }

    /**
     * Ids of the events retracted by corrections in this history. A retracted MARKING event withdraws the marking
     * it recorded (e.g. a misread serial).
     */
    public static Set<EventId> retracted(List<LifecycleEvent> events) {
        Set<EventId> out = new HashSet<>();
        for (LifecycleEvent e : events) {
            if (e.type() == EventType.CORRECTION && e.corrects() != null) {
                out.add(e.corrects());
            }
        }
        return out;
    }

    /** The state of an item with no history: registered, in lawful possession. */
    public static DerivedState initial() {
        return new DerivedState(ItemStatus.IN_LAWFUL_POSSESSION, null, null, null, Set.of());
    }

    public static DerivedState derive(ItemKind kind, List<LifecycleEvent> events) {
        Map<EventId, LifecycleEvent> byId = events.stream()
                .collect(Collectors.toMap(LifecycleEvent::id, Function.identity(), (a, b) -> a));
        Set<EventId> retracted = new HashSet<>();
        for (LifecycleEvent e : events) {
            if (e.type() == EventType.CORRECTION) {
                LifecycleEvent target = byId.get(e.corrects());
                checkCorrection(e, target, retracted);
                retracted.add(target.id());
            }
        }
        ItemStatus status = ItemStatus.IN_LAWFUL_POSSESSION;
        LocalDate since = null;
        HolderId holder = null;
        ItemId fittedTo = null;
        Set<ItemId> components = new LinkedHashSet<>();
        boolean first = true;
        for (LifecycleEvent e : events) {
            if (e.type() == EventType.CORRECTION || retracted.contains(e.id())) {
                continue;
            }
            ItemStatus next = next(kind, status, first, e);
            switch (e.type()) {
                case COMPONENT_FITTED -> {
                    if (kind.isComponent()) {
                        if (fittedTo != null) {
                            throw refused(e, "the component is already fitted to firearm " + fittedTo);
                        }
                        fittedTo = e.relatedItem();
                    } else if (!components.add(e.relatedItem())) {
                        throw refused(e, "component " + e.relatedItem() + " is already fitted");
                    }
                }
                case COMPONENT_REMOVED -> {
                    if (kind.isComponent()) {
                        if (fittedTo == null || !fittedTo.equals(e.relatedItem())) {
                            throw refused(e, "the component is not fitted to firearm " + e.relatedItem());
                        }
                        fittedTo = null;
                    } else if (!components.remove(e.relatedItem())) {
                        throw refused(e, "component " + e.relatedItem() + " is not fitted to this firearm");
                    }
                }
                default -> {
                }
            }
            if (e.holder() != null) {
                holder = e.holder();
            }
            if (next != status || since == null) {
                since = e.occurredOn();
            }
            status = next;
            first = false;
        }
        return new DerivedState(status, since, holder, fittedTo, components);
    }

    private static void checkCorrection(LifecycleEvent correction, LifecycleEvent target, Set<EventId> retracted) {
        if (target == null || target.sequence() >= correction.sequence()) {
            throw refused(correction, "the corrected event " + correction.corrects() + " is not an earlier event of this item");
        }
        if (target.type() == EventType.CORRECTION) {
            throw refused(correction, "a correction cannot itself be corrected; record the right event again instead");
        }
        if (target.type() == EventType.COMPONENT_FITTED || target.type() == EventType.COMPONENT_REMOVED) {
            // the firearm's and the component's histories each hold one side; record the fitting or removal instead
            throw refused(correction, "a \u201c" + org.ferret.shared.Words.lower(target.type()) + "\u201d event cannot be corrected; "
                    + "record the fitting or removal that really happened");
        }
        if (retracted.contains(target.id())) {
            throw refused(correction, "event " + target.id() + " has already been corrected");
        }
    }

    /** The transition table: which event may follow which status, and the status it leads to. */
    static ItemStatus next(ItemKind kind, ItemStatus s, boolean first, LifecycleEvent e) {
        if (s == ItemStatus.DESTROYED) {
            throw refused(e, "the item was destroyed; only a correction may follow");
        }
        return switch (e.type()) {
            case MANUFACTURE -> {
                if (!first) {
                    throw refused(e, "manufacture can only be the first event of an item's history");
                }
                yield ItemStatus.IN_LAWFUL_POSSESSION;
            }
            case IMPORT -> allowedFrom(e, s, ItemStatus.IN_LAWFUL_POSSESSION, ItemStatus.EXPORTED)
                    ? ItemStatus.IN_LAWFUL_POSSESSION : null;
            case EXPORT -> allowedFrom(e, s, ItemStatus.IN_LAWFUL_POSSESSION) ? ItemStatus.EXPORTED : null;
            case TRANSFER_OF_POSSESSION -> allowedFrom(e, s, ItemStatus.IN_LAWFUL_POSSESSION, ItemStatus.FOUND,
                    ItemStatus.SEIZED, ItemStatus.SURRENDERED, ItemStatus.DEACTIVATED)
                    ? (s == ItemStatus.DEACTIVATED ? ItemStatus.DEACTIVATED : ItemStatus.IN_LAWFUL_POSSESSION) : null;
            case LOSS_REPORTED -> allowedFrom(e, s, ItemStatus.IN_LAWFUL_POSSESSION, ItemStatus.DEACTIVATED)
                    ? ItemStatus.REPORTED_LOST : null;
            case THEFT_REPORTED -> allowedFrom(e, s, ItemStatus.IN_LAWFUL_POSSESSION, ItemStatus.REPORTED_LOST,
                    ItemStatus.DEACTIVATED) ? ItemStatus.REPORTED_STOLEN : null;
            case RECOVERY -> {
                if (!first) {
                    allowedFrom(e, s, ItemStatus.REPORTED_LOST, ItemStatus.REPORTED_STOLEN);
                }
                yield ItemStatus.FOUND;
            }
            case SEIZURE -> allowedFrom(e, s, ItemStatus.IN_LAWFUL_POSSESSION, ItemStatus.REPORTED_LOST,
                    ItemStatus.REPORTED_STOLEN, ItemStatus.FOUND, ItemStatus.SURRENDERED, ItemStatus.DEACTIVATED)
                    ? ItemStatus.SEIZED : null;
            case SURRENDER -> allowedFrom(e, s, ItemStatus.IN_LAWFUL_POSSESSION, ItemStatus.FOUND, ItemStatus.DEACTIVATED)
                    ? ItemStatus.SURRENDERED : null;
            case MARKING -> {
                if (s == ItemStatus.EXPORTED) {
                    throw refused(e, "the item is exported and no longer here to be marked");
                }
                yield s;
            }
            case COMPONENT_FITTED, COMPONENT_REMOVED -> {
                if (s == ItemStatus.EXPORTED || s == ItemStatus.DEACTIVATED) {
                    throw refused(e, "components cannot be fitted or removed while the item is " + label(s));
                }
                if (kind.category() == ItemCategory.AMMUNITION_LOT) {
                    throw refused(e, "ammunition lots have no components");
                }
                yield s;
            }
            case DEACTIVATION -> {
                if (kind.category() == ItemCategory.AMMUNITION_LOT) {
                    throw refused(e, "ammunition lots cannot be deactivated");
                }
                yield allowedFrom(e, s, ItemStatus.IN_LAWFUL_POSSESSION, ItemStatus.SEIZED, ItemStatus.SURRENDERED,
                        ItemStatus.FOUND) ? ItemStatus.DEACTIVATED : null;
            }
            case DESTRUCTION -> {
                if (s == ItemStatus.EXPORTED) {
                    throw refused(e, "the item is exported and cannot be destroyed here");
                }
                yield ItemStatus.DESTROYED;
            }
            case CORRECTION -> throw new IllegalStateException("corrections are handled before the transition table");
        };
    }

    private static boolean allowedFrom(LifecycleEvent e, ItemStatus s, ItemStatus... allowed) {
        for (ItemStatus a : allowed) {
            if (a == s) {
                return true;
            }
        }
        throw refused(e, "not allowed while the item is " + label(s));
    }

    private static IllegalTransitionException refused(LifecycleEvent e, String why) {
        return new IllegalTransitionException(org.ferret.shared.Words.of(e.type()) + " on "
                + org.ferret.shared.Words.date(e.occurredOn()) + " refused: " + why);
    }

    static String label(ItemStatus s) {
        return org.ferret.shared.Words.lower(s);
    }
}
