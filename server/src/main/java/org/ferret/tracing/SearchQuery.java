package org.ferret.tracing;

/**
 * A marking search: the marking as read ({@code ?} one unreadable character, {@code *} an unreadable run), the
 * NCIC option, and optional attributes that must hold for a candidate (type, make, model, calibre, country of
 * manufacture). Validated by {@link MarkingSearch#search}.
 */
public record SearchQuery(String q, boolean ncic, String manufacturer, String model, String calibre, String type,
        String country, Integer limit) {

    public static SearchQuery of(String q) {
        return new SearchQuery(q, false, null, null, null, null, null, null);
    }
}
