package org.ferret.registry;

import java.util.List;

/** Outcome of an art. 8 marking rule: compliant or not, with the reasons, advisory notes and the provision applied. */
public sealed interface MarkingDecision permits MarkingDecision.Compliant, MarkingDecision.NonCompliant {

    /** The Protocol provision the rule enforces, e.g. "Art. 8(1)(a)". */
    String provision();

    /** Advisory notes that do not make the marking non-compliant (e.g. import year not marked). */
    List<String> notes();

    default boolean compliant() {
        return this instanceof Compliant;
    }

    /** The marking satisfies the rule. */
    record Compliant(String provision, List<String> notes) implements MarkingDecision {
        public Compliant {
            notes = List.copyOf(notes);
        }
    }

    /** The marking does not satisfy the rule, for the given reasons. */
    record NonCompliant(String provision, List<String> reasons, List<String> notes) implements MarkingDecision {
        public NonCompliant {
            reasons = List.copyOf(reasons);
            notes = List.copyOf(notes);
        }
    }
}
