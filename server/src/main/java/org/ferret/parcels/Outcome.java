package org.ferret.parcels;

import org.ferret.registry.Construction;
import org.ferret.registry.ItemKind;

/**
 * What the inspector records: the kind, for a component which one, for a firearm its kind if known, how it was
 * made (e.g. 3D-printed: {@code ADDITIVELY_MANUFACTURED}), whether it bore a marking, and notes.
 */
public record Outcome(OutcomeKind kind, ItemKind itemKind, Construction construction, Boolean marked, String notes) {
}
