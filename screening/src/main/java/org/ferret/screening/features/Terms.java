package org.ferret.screening.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ferret.screening.data.Table;

/** Words of free-text descriptions that tell frauds apart, picked from training outcomes. */
final class Terms {
    private Terms() {}

    static final int MIN_DOCS = 20;

    /** The description's distinct words (letters and digits, lower case). */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) i++;
            int s = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) i++;
            if (i > s) out.add(text.substring(s, i).toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    /**
     * Up to {@code max} words seen in at least {@link #MIN_DOCS} labelled descriptions, ranked by how far their
     * smoothed fraud rate is from the base rate, weighted by how often they occur.
     */
    static List<String> select(Table t, int column, double prior, int max) {
        Map<String, int[]> counts = new HashMap<>();
        for (int r = 0; r < t.size(); r++) {
            if (t.label(r) < 0) continue;
            for (String w : words(t.text(column, r))) {
                int[] c = counts.computeIfAbsent(w, x -> new int[2]);
                c[0]++;
                if (t.label(r) == 1) c[1]++;
            }
        }
        List<Map.Entry<String, int[]>> es = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) if (e.getValue()[0] >= MIN_DOCS) es.add(e);
        es.sort((a, b) -> {
            int c = Double.compare(strength(b.getValue(), prior), strength(a.getValue(), prior));
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(max, es.size()); i++) out.add(es.get(i).getKey());
        out.sort(null);
        return out;
    }

    private static double strength(int[] c, double prior) {
        double rate = (c[1] + 10 * prior) / (c[0] + 10.0);
        return Math.abs(Math.log(rate / prior)) * Math.sqrt(c[0]);
    }
}
