package org.ferret.registry;

import java.util.List;

/**
 * The Protocol's marking rules (art. 8, and the art. 9(c) deactivation mark), implemented (as a Spring bean) by the
 * module that holds the technical standards: there they are written as data, in the marking standard pack, and
 * evaluated by its engine. The registry asks it about every marking it shows and every item whose markings or
 * history change; it does not depend on the implementing module. Both answers name the provision they apply.
 */
public interface MarkingRules {

    /** Checks one marking against the rule for its kind (manufacture, import, state transfer, deactivation, authority). */
    MarkingDecision check(Marking marking);

    /**
     * Whether an item carries the markings required ("marking required" work list): firearms and essential components
     * need a compliant unique marking and every marking recorded must satisfy its own rule; an item whose history holds
     * an import ({@code imported}) needs an import marking as well (art. 8(1)(b)); ammunition lots are out of scope.
     */
    MarkingDecision requirementFor(ItemKind kind, List<Marking> markings, boolean imported);
}
