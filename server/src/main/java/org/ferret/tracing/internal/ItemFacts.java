package org.ferret.tracing.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The searchable attributes of items, interned: millions of items share a few thousand (kind, make, model,
 * calibre, country) combinations, so the index keeps one int per serial instead of five strings.
 */
public final class ItemFacts {

    /** One combination of attributes; text is kept as recorded. */
    public record Facts(String kind, String manufacturer, String model, String calibre, String country) {
    }

    private final List<Facts> all = new ArrayList<>();
    private final Map<Facts, Integer> ids = new HashMap<>();

    public synchronized int intern(Facts f) {
        Integer id = ids.get(f);
        if (id != null) {
            return id;
        }
        all.add(f);
        ids.put(f, all.size() - 1);
        return all.size() - 1;
    }

    public synchronized Facts get(int id) {
        return all.get(id);
    }

    public synchronized int size() {
        return all.size();
    }

    /** A copy of the table for evaluating a filter without holding the lock per serial. */
    public synchronized List<Facts> snapshot() {
        return List.copyOf(all);
    }

    /** Lower case, letters and digits only: "9x19 mm" and "9X19MM" compare equal. */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
