package org.ferret.screening.profile;

import java.util.List;

/**
 * Something whose past outcomes tell about the next declaration: a party, a pair of columns, or the first
 * {@code hsDigits} digits of an HS code. History features are counted per value of the key.
 */
public record HistoryKey(String label, List<String> columns, int hsDigits) {
    public HistoryKey {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException("history key without columns");
    }

    public static HistoryKey of(String column) {
        return new HistoryKey(column, List.of(column), 0);
    }

    public static HistoryKey pair(String a, String b) {
        return new HistoryKey(a + " & " + b, List.of(a, b), 0);
    }

    public static HistoryKey hsPrefix(String column, int digits) {
        String what = digits == 2 ? "chapter" : digits == 4 ? "heading" : digits + "-digit prefix";
        return new HistoryKey(column + " " + what, List.of(column), digits);
    }
}
