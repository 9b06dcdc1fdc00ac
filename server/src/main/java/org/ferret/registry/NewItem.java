package org.ferret.registry;

import java.util.List;

/**
 * An item to register with the markings it carries. {@code externalRef} (optional) makes imports idempotent;
 * {@code initialEvent} (optional) starts its history, e.g. MANUFACTURE, IMPORT, or SEIZURE of an unmarked frame.
 */
public record NewItem(ItemKind kind, ItemAttributes attributes, List<Marking> markings, String externalRef,
        NewEvent initialEvent) {
    /** Most markings one item may carry (registered with it or added later). */
    public static final int MAX_MARKINGS = 50;

    public NewItem {
        if (kind == null) {
            throw new InvalidValueException("kind", "must be given");
        }
        attributes = attributes == null ? ItemAttributes.none() : attributes;
        markings = markings == null ? List.of() : List.copyOf(markings);
        if (markings.size() > MAX_MARKINGS) {
            throw new InvalidValueException("markings", markings.size() + " markings given; an item carries at most "
                    + MAX_MARKINGS);
        }
        externalRef = Text.optional("externalRef", externalRef, 100);
        if (attributes.quantity() != null && kind.category() != ItemCategory.AMMUNITION_LOT) {
            throw new InvalidValueException("quantity", "only ammunition lots have a quantity");
        }
        requireConstructionFits(kind, attributes.construction());
        if (initialEvent != null && initialEvent.type().recordedByOwnOperation()) {
            throw new InvalidValueException("initialEvent.type", "\u201c" + org.ferret.shared.Words.of(initialEvent.type()) + "\u201d cannot start a history");
        }
        if (initialEvent != null && initialEvent.type() == EventType.CORRECTION) {
            throw new InvalidValueException("initialEvent.type", "a history cannot start with a correction");
        }
    }

    /** Only a frame or receiver is semi-finished; an alarm or signal weapon is registered as the firearm it looks like. */
    public static void requireConstructionFits(ItemKind kind, Construction construction) {
        if (construction == Construction.SEMI_FINISHED && kind != ItemKind.FRAME && kind != ItemKind.RECEIVER) {
            throw new InvalidValueException("construction", "only a frame or receiver is semi-finished, not a " + kind.label());
        }
        if (construction == Construction.ALARM_OR_SIGNAL && !kind.isFirearm()) {
            throw new InvalidValueException("construction", "an alarm or signal weapon is registered under the kind of "
                    + "firearm it looks like (e.g. pistol), not as a " + kind.label());
        }
    }

    public static NewItem of(ItemKind kind, ItemAttributes attributes, List<Marking> markings) {
        return new NewItem(kind, attributes, markings, null, null);
    }
}
