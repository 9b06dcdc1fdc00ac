package org.ferret.registry;

import java.util.List;

/**
 * One row of the "marking required" work list: the item, its external reference, the agency that registered it
 * (null for items registered before agencies were recorded) and why it needs marking (the art. 8 reasons).
 */
public record MarkingWork(ItemSummary item, String externalRef, String agency, List<String> reasons) {

    public MarkingWork {
        reasons = List.copyOf(reasons);
    }
}
