package org.ferret.tracing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.ferret.registry.ItemCategory;
import org.ferret.registry.ItemKind;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;

/**
 * The attributes a candidate must have (type or category, make, model, calibre, country of manufacture), checked
 * against the interned {@link ItemFacts}; bad values are refused naming the parameter.
 */
public final class SearchFilter {

    private final List<java.util.function.Predicate<ItemFacts.Facts>> parts;

    private SearchFilter(List<java.util.function.Predicate<ItemFacts.Facts>> parts) {
        this.parts = List.copyOf(parts);
    }

    /** The filter for a search's optional attributes; null or blank ones do not filter. */
    public static SearchFilter of(String type, String country, String manufacturer, String model, String calibre) {
        List<java.util.function.Predicate<ItemFacts.Facts>> parts = new ArrayList<>();
        if (notBlank(type)) {
            String t = type.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
            if (t.equals("COMPONENT")) {
                t = ItemCategory.ESSENTIAL_COMPONENT.name();
            }
            String wanted = t;
            boolean isCategory = Arrays.stream(ItemCategory.values()).anyMatch(c -> c.name().equals(wanted));
            boolean isKind = Arrays.stream(ItemKind.values()).anyMatch(k -> k.name().equals(wanted));
            if (!isCategory && !isKind) {
                throw invalid("type", "unknown type '" + type + "'; expected one of "
                        + Arrays.toString(ItemCategory.values()) + " or " + Arrays.toString(ItemKind.values()));
            }
            parts.add(f -> f.kind() != null
                    && (isKind ? f.kind().equals(wanted) : ItemKind.valueOf(f.kind()).category().name().equals(wanted)));
        }
        if (notBlank(country)) {
            String c = country.strip().toUpperCase(Locale.ROOT);
            if (!Arrays.asList(Locale.getISOCountries()).contains(c)) {
                throw invalid("country", "'" + country + "' is not an ISO 3166-1 alpha-2 country code (e.g. DE, FI, US)");
            }
            parts.add(f -> c.equals(f.country()));
        }
        addContains(parts, manufacturer, ItemFacts.Facts::manufacturer);
        addContains(parts, model, ItemFacts.Facts::model);
        if (notBlank(calibre)) {
            String c = ItemFacts.fold(calibre);
            parts.add(f -> f.calibre() != null && ItemFacts.fold(f.calibre()).equals(c));
        }
        return new SearchFilter(parts);
    }

    public boolean test(ItemFacts.Facts f) {
        for (var p : parts) {
            if (!p.test(f)) {
                return false;
            }
        }
        return true;
    }

    private static void addContains(List<java.util.function.Predicate<ItemFacts.Facts>> parts, String wanted,
            Function<ItemFacts.Facts, String> get) {
        if (notBlank(wanted)) {
            String w = ItemFacts.fold(wanted);
            parts.add(f -> get.apply(f) != null && ItemFacts.fold(get.apply(f)).contains(w));
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** A validation failure of one search parameter. */
    public static FerretException invalid(String field, String message) {
        return new FerretException(ErrorCode.VALIDATION_FAILED, field + ": " + message,
                List.of(new FieldProblem(field, message)));
    }
}
