package org.ferret.tracing;

/**
 * A marking search: the marking as read ({@code ?} one unreadable character, {@code *} an unreadable run), the
 * NCIC option, optional attributes that must hold for a candidate (type, make, model, calibre, country of
 * manufacture), and whether fits needing one edit (a character substituted, dropped or inserted) are wanted
 * ({@code edits}, default yes). Validated by {@link MarkingSearch#search}.
 */
public record SearchQuery(String q, boolean ncic, String manufacturer, String model, String calibre, String type,
        String country, Integer limit, boolean edits) {

    /** A search that also looks for fits needing one edit. */
    public SearchQuery(String q, boolean ncic, String manufacturer, String model, String calibre, String type,
            String country, Integer limit) {
        this(q, ncic, manufacturer, model, calibre, type, country, limit, true);
    }

    public static SearchQuery of(String q) {
        return new SearchQuery(q, false, null, null, null, null, null, null);
    }
}
