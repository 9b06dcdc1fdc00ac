package org.ferret.audit;

import java.util.function.Consumer;

/**
 * A module's check of state it stores but derives from its history (e.g. an item's status from its lifecycle events),
 * run by the audit verification. A module declares one as a bean; the audit module calls it through this interface
 * only, so the module arrows stay one way.
 */
public interface DerivedStateCheck {

    /** What is checked, in words (e.g. "item status against the lifecycle history"). */
    String describe();

    /**
     * Checks everything and reports each difference to {@code problems} (which may stop listening after enough).
     * Returns the number of records checked.
     */
    long check(Consumer<String> problems);
}
