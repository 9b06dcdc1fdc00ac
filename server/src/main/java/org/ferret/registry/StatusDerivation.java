package org.ferret.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives an item's current state from its history: a pure function of the events, so it gives the same result on
 * every database. Corrections are applied first, in recording order: each withdraws the event it names or amends
 * it (its date or a particular). The events that remain, as amended, are then read in the order they occurred (by
 * date, ties in recording order) and must form a legal sequence; otherwise {@link IllegalTransitionException} says
 * in words which event does not fit and why.
 */
public final class StatusDerivation {


    /** Occurrence order: by date, then as recorded. */
    public static final Comparator<LifecycleEvent> OCCURRENCE = Comparator.comparing(LifecycleEvent::occurredOn)
            .thenComparingInt(LifecycleEvent::sequence);

    private StatusDerivation() {
    }

    /** The history as a timeline shows it: every recorded event, in the order the events occurred. */
    public static List<LifecycleEvent> inOccurrenceOrder(List<LifecycleEvent> events) {
        List<LifecycleEvent> sorted = new ArrayList<>(events);
        sorted.sort(OCCURRENCE);
        return sorted;
    }

    /**
     * Ids of the events withdrawn by corrections in this history. A withdrawn MARKING event withdraws the marking it
     * recorded (e.g. a misread serial); an amended one does not.
     */
    public static Set<EventId> retracted(List<LifecycleEvent> events) {
        Set<EventId> out = new HashSet<>();
        for (LifecycleEvent e : events) {
            if (e.withdraws()) {
                out.add(e.corrects());
            }
        }
        return out;
    }

    /**
     * The events that count, as corrected: withdrawn events and the corrections themselves left out, amended events
     * read as amended, in occurrence order.
     */
    public static List<LifecycleEvent> effective(List<LifecycleEvent> events) {
        List<LifecycleEvent> bySeq = new ArrayList<>(events);
        bySeq.sort(Comparator.comparingInt(LifecycleEvent::sequence));
        Map<EventId, LifecycleEvent> byId = new HashMap<>();
        Map<EventId, LifecycleEvent> current = new HashMap<>();
        Set<EventId> withdrawn = new HashSet<>();
        for (LifecycleEvent e : bySeq) {
            byId.put(e.id(), e);
            if (!(e.what() instanceof NewEvent.Correction c)) {
                current.put(e.id(), e);
                continue;
            }
            LifecycleEvent target = byId.get(c.corrects());
            if (target == null || target.sequence() >= e.sequence()) {
                throw correctionRefused("the event it names is not an earlier event of this item");
            }
            if (target.what() instanceof NewEvent.Correction) {
                throw correctionRefused("a correction cannot itself be corrected; record the right correction instead");
            }
            if (withdrawn.contains(target.id())) {
                throw correctionRefused("event #" + target.sequence() + " has already been withdrawn");
            }
            if (target.type() == EventType.COMPONENT_FITTED || target.type() == EventType.COMPONENT_REMOVED) {
                throw correctionRefused("a fitting or removal of a component cannot be corrected; "
                        + "record the fitting or removal that really happened");
            }
            switch (c.change()) {
                case NewEvent.Withdrawal w -> {
                    withdrawn.add(target.id());
                    current.remove(target.id());
                }
                case Amendment a -> current.put(target.id(), current.get(target.id()).amendedBy(a));
            }
        }
        List<LifecycleEvent> out = new ArrayList<>(current.values());
        out.sort(OCCURRENCE);
        return out;
    }

    /** Whether the history, as corrected, holds an import (art. 8(1)(b) then asks for an import marking). */
    public static boolean imported(List<LifecycleEvent> events) {
        return effective(events).stream().anyMatch(e -> e.type() == EventType.IMPORT);
    }

    /** The state of an item with no history: registered, in lawful possession. */
    public static DerivedState initial() {
        return new DerivedState(ItemStatus.IN_LAWFUL_POSSESSION, null, null, null, Set.of());
    }

    public static DerivedState derive(ItemKind kind, List<LifecycleEvent> events) {
        ItemStatus status = ItemStatus.IN_LAWFUL_POSSESSION;
        LocalDate since = null;
        LocalDate first = null;
        HolderId holder = null;
        ItemId fittedTo = null;
        Set<ItemId> components = new LinkedHashSet<>();
        LifecycleEvent setter = null;
        for (LifecycleEvent e : effective(events)) {
            ItemStatus next = next(kind, status, since, first, e, setter);
            switch (e.what()) {
                case NewEvent.ComponentFitted f -> {
                    if (kind.isComponent()) {
                        if (fittedTo != null) {
                            throw refused(e, "the component is already fitted to another firearm (" + fittedTo + ")");
                        }
                        fittedTo = f.other();
                    } else if (!components.add(f.other())) {
                        throw refused(e, "that component (" + f.other() + ") is already fitted");
                    }
                }
                case NewEvent.ComponentRemoved r -> {
                    if (kind.isComponent()) {
                        if (fittedTo == null || !fittedTo.equals(r.other())) {
                            throw refused(e, "the component is not fitted to that firearm (" + r.other() + ")");
                        }
                        fittedTo = null;
                    } else if (!components.remove(r.other())) {
                        throw refused(e, "that component (" + r.other() + ") is not fitted to this firearm");
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
                setter = e;
            }
            status = next;
            if (first == null) {
                first = e.occurredOn();
            }
        }
        return new DerivedState(status, since, holder, fittedTo, components);
    }

    /** The transition table: which event may follow which status, and the status it leads to. */
    static ItemStatus next(ItemKind kind, ItemStatus s, LocalDate since, LocalDate first, LifecycleEvent e,
            LifecycleEvent setter) {
        if (s == ItemStatus.DESTROYED) {
            throw refused(e, "the item was destroyed on " + day(since) + "; only a correction may follow");
        }
        return switch (e.type()) {
            case MANUFACTURE -> {
                if (first != null) {
                    throw refused(e, "a manufacture is the first event of an item's history, and this history starts on "
                            + day(first) + "; correct the date of one of them");
                }
                yield ItemStatus.IN_LAWFUL_POSSESSION;
            }
            // an item deactivated abroad arrives deactivated (its deactivation was assessed under this state's standard)
            case IMPORT -> allowedFrom(e, setter, s, since, e.deactivation() != null ? ItemStatus.DEACTIVATED
                    : ItemStatus.IN_LAWFUL_POSSESSION, ItemStatus.IN_LAWFUL_POSSESSION, ItemStatus.EXPORTED);
            case EXPORT -> allowedFrom(e, setter, s, since, ItemStatus.EXPORTED, ItemStatus.IN_LAWFUL_POSSESSION);
            case TRANSFER_OF_POSSESSION -> s == ItemStatus.DEACTIVATED ? ItemStatus.DEACTIVATED
                    : allowedFrom(e, setter, s, since, ItemStatus.IN_LAWFUL_POSSESSION, ItemStatus.IN_LAWFUL_POSSESSION,
                            ItemStatus.FOUND, ItemStatus.SEIZED, ItemStatus.SURRENDERED);
            case LOSS_REPORTED -> allowedFrom(e, setter, s, since, ItemStatus.REPORTED_LOST, ItemStatus.IN_LAWFUL_POSSESSION,
                    ItemStatus.DEACTIVATED);
            case THEFT_REPORTED -> allowedFrom(e, setter, s, since, ItemStatus.REPORTED_STOLEN, ItemStatus.IN_LAWFUL_POSSESSION,
                    ItemStatus.REPORTED_LOST, ItemStatus.DEACTIVATED);
            case RECOVERY -> first == null ? ItemStatus.FOUND
                    : allowedFrom(e, setter, s, since, ItemStatus.FOUND, ItemStatus.REPORTED_LOST, ItemStatus.REPORTED_STOLEN);
            case SEIZURE -> allowedFrom(e, setter, s, since, ItemStatus.SEIZED, ItemStatus.IN_LAWFUL_POSSESSION,
                    ItemStatus.REPORTED_LOST, ItemStatus.REPORTED_STOLEN, ItemStatus.FOUND, ItemStatus.SURRENDERED,
                    ItemStatus.DEACTIVATED);
            case SURRENDER -> allowedFrom(e, setter, s, since, ItemStatus.SURRENDERED, ItemStatus.IN_LAWFUL_POSSESSION,
                    ItemStatus.FOUND, ItemStatus.DEACTIVATED);
            case MARKING -> {
                if (s == ItemStatus.EXPORTED) {
                    throw refused(e, "the item was exported on " + day(since) + " and is no longer here to be marked");
                }
                yield s;
            }
            case COMPONENT_FITTED, COMPONENT_REMOVED -> {
                if (s == ItemStatus.EXPORTED || s == ItemStatus.DEACTIVATED) {
                    throw refused(e, "the item is " + label(s) + " since " + day(since));
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
                yield allowedFrom(e, setter, s, since, ItemStatus.DEACTIVATED, ItemStatus.IN_LAWFUL_POSSESSION,
                        ItemStatus.SEIZED, ItemStatus.SURRENDERED, ItemStatus.FOUND);
            }
            case DESTRUCTION -> {
                if (s == ItemStatus.EXPORTED) {
                    throw refused(e, "the item was exported on " + day(since) + " and cannot be destroyed here");
                }
                yield ItemStatus.DESTROYED;
            }
            // art. 10(2)(b): passing through changes neither status nor holder; only an item lawfully held may pass
            case TRANSIT -> allowedFrom(e, setter, s, since, ItemStatus.IN_LAWFUL_POSSESSION,
                    ItemStatus.IN_LAWFUL_POSSESSION);
            case CORRECTION -> throw new IllegalStateException("corrections are applied before the transition table");
        };
    }

    /** {@code leadsTo} if the event may follow status {@code s}, else refused in words. */
    private static ItemStatus allowedFrom(LifecycleEvent e, LifecycleEvent setter, ItemStatus s, LocalDate since,
            ItemStatus leadsTo, ItemStatus... allowed) {
        for (ItemStatus a : allowed) {
            if (a == s) {
                return leadsTo;
            }
        }
        if (setter != null && setter.sequence() > e.sequence()) {
            // the event that does not fit was recorded first; the newer, earlier-dated one is what the user is adding
            String what = correctWhat(e.type());
            throw refused(setter, s == leadsTo
                    ? "the item is already " + label(s) + " since " + day(e.occurredOn()) + "; correct that " + what + " instead"
                    : "the item would then be " + label(s) + " when the event of " + day(e.occurredOn())
                            + " happened, which cannot follow that; correct one of them instead");
        }
        String when = since == null ? "" : " since " + day(since);
        if (s == leadsTo) {
            throw refused(e, "the item is already " + label(s) + when + "; correct that " + correctWhat(e.type()) + " instead");
        }
        throw refused(e, "the item is " + label(s) + when);
    }

    private static String correctWhat(EventType t) {
        return t == EventType.LOSS_REPORTED || t == EventType.THEFT_REPORTED ? "report" : "event";
    }

    private static IllegalTransitionException refused(LifecycleEvent e, String why) {
        return new IllegalTransitionException(action(e.type()) + " on " + day(e.occurredOn()) + ": " + why + ".");
    }

    private static IllegalTransitionException correctionRefused(String why) {
        return new IllegalTransitionException("The correction cannot be recorded: " + why + ".");
    }

    /** "A theft cannot be reported", "An export cannot be recorded", …: the start of a refusal in words. */
    static String action(EventType t) {
        return switch (t) {
            case MANUFACTURE -> "A manufacture cannot be recorded";
            case IMPORT -> "An import cannot be recorded";
            case EXPORT -> "An export cannot be recorded";
            case TRANSFER_OF_POSSESSION -> "A transfer of possession cannot be recorded";
            case LOSS_REPORTED -> "A loss cannot be reported";
            case THEFT_REPORTED -> "A theft cannot be reported";
            case RECOVERY -> "A recovery cannot be recorded";
            case SEIZURE -> "A seizure cannot be recorded";
            case SURRENDER -> "A surrender cannot be recorded";
            case MARKING -> "A marking cannot be recorded";
            case COMPONENT_FITTED -> "A component cannot be fitted";
            case COMPONENT_REMOVED -> "A component cannot be removed";
            case DEACTIVATION -> "A deactivation cannot be recorded";
            case DESTRUCTION -> "A destruction cannot be recorded";
            case CORRECTION -> "A correction cannot be recorded";
            case TRANSIT -> "A transit cannot be recorded";
        };
    }

    static String day(LocalDate d) {
        // the one date format of the user's locale (shared.Words), as everywhere on screens and in messages
        return d == null ? "an unknown date" : org.ferret.shared.Words.date(d);
    }

    static String label(ItemStatus s) {
        return org.ferret.shared.Words.lower(s);
    }
}
