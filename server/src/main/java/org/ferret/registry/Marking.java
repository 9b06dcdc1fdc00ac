package org.ferret.registry;

/** One marking on an item: why it was applied, what it says, where it is and how it was applied. */
public record Marking(MarkingKind kind, MarkingElements elements, String location, MarkingMethod method) {
    public Marking {
        if (kind == null) {
            throw new InvalidValueException("kind", "must be given");
        }
        if (elements == null) {
            throw new InvalidValueException("elements", "must be given");
        }
        location = Text.optional("location", location, 200);
    }
}
