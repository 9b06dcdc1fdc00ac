package org.ferret.parcels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds declaration CSV files in the documented layout (docs/parcels.md) for the tests: rows as column maps. */
final class ParcelsCsv {

    static final List<String> HEADER = List.of("item_id", "site", "direction", "mail_class", "posting_office", "posted_on",
            "origin", "destination", "sender_name", "sender_address", "sender_postcode", "sender_country", "addressee_name",
            "addressee_address", "addressee_postcode", "addressee_country", "addressee_phone", "addressee_type", "category",
            "gross_weight_kg", "total_value", "currency", "licence_number", "content1_description", "content1_quantity",
            "content1_net_weight_kg", "content1_value", "content1_currency", "content1_hs_code", "content1_origin_country",
            "content2_description", "content2_quantity", "content2_net_weight_kg", "content2_value", "content2_currency",
            "content2_hs_code", "content2_origin_country");

    private ParcelsCsv() {
    }

    /** The CSV twin of {@link ParcelsApi#item}: an ordinary inbound parcel to HEL with one content line. */
    static Map<String, String> row(String itemId) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("item_id", itemId);
        m.put("site", "HEL");
        m.put("direction", "INBOUND");
        m.put("mail_class", "PARCEL");
        m.put("posting_office", "New York NY 10001");
        m.put("posted_on", "2026-11-30");
        m.put("origin", "US");
        m.put("destination", "FI");
        m.put("sender_name", "Shop Inc");
        m.put("sender_address", "1 Main St, New York");
        m.put("sender_postcode", "10001");
        m.put("sender_country", "US");
        m.put("addressee_name", "Matti Meikäläinen");
        m.put("addressee_address", "Mannerheimintie 1, Helsinki");
        m.put("addressee_postcode", "00100");
        m.put("addressee_country", "FI");
        m.put("addressee_phone", "+358 40 123 4567");
        m.put("addressee_type", "RESIDENCE");
        m.put("category", "SALE_OF_GOODS");
        m.put("gross_weight_kg", "0.5");
        m.put("total_value", "30");
        m.put("currency", "USD");
        m.put("content1_description", "cotton t-shirt");
        m.put("content1_quantity", "2");
        m.put("content1_net_weight_kg", "0.4");
        m.put("content1_value", "30");
        m.put("content1_currency", "USD");
        m.put("content1_hs_code", "610910");
        m.put("content1_origin_country", "CN");
        return m;
    }

    /** A whole file: the header line and one line per row, values quoted where CSV needs it. */
    @SafeVarargs
    static String file(Map<String, String>... rows) {
        return file(List.of(rows));
    }

    static String file(List<Map<String, String>> rows) {
        StringBuilder b = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (Map<String, String> r : rows) {
            b.append(HEADER.stream().map(c -> quote(r.getOrDefault(c, ""))).collect(Collectors.joining(","))).append('\n');
        }
        return b.toString();
    }

    static String quote(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
