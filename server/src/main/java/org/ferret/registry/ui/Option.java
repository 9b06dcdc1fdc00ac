package org.ferret.registry.ui;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** One choice of a select box. */
public record Option(String value, String text) {

    static <E extends Enum<E>> List<Option> of(E[] values, Function<E, String> text) {
        return Arrays.stream(values).map(v -> new Option(v.name(), text.apply(v))).toList();
    }

    static String humanise(Enum<?> e) {
        String s = e.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
