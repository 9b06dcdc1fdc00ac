package org.ferret.registry.ui;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** One choice of a select box. */
public record Option(String value, String text) {

    static <E extends Enum<E>> List<Option> of(E[] values, Function<E, String> text) {
        return Arrays.stream(values).map(v -> new Option(v.name(), text.apply(v))).toList();
    }

    /** Every constant, in words (the message bundle, see {@link org.ferret.shared.Words}). */
    static <E extends Enum<E>> List<Option> of(E[] values) {
        return of(values, org.ferret.shared.Words::of);
    }
}
