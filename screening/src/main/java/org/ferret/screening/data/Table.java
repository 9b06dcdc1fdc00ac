package org.ferret.screening.data;

import java.util.Arrays;
import org.ferret.screening.profile.ColumnKind;
import org.ferret.screening.profile.Profile;

/**
 * Declarations of one profile held column by column (a million parcels fit without one object per row).
 * Text-like columns are strings (blank = ""), numbers are doubles (NaN = unknown), labels are bytes (-1 = unknown).
 */
public final class Table {
    private final Profile profile;
    private final int size;
    private final String[][] text;
    private final double[][] numbers;
    private final long[] epochSecond;
    private final byte[] label;
    private final byte[] severity;
    private final String[] files;
    private final int[] fileIndex;
    private final long[] line;

    Table(Profile profile, int size, String[][] text, double[][] numbers, long[] epochSecond, byte[] label, byte[] severity,
            String[] files, int[] fileIndex, long[] line) {
        this.profile = profile;
        this.size = size;
        this.text = text;
        this.numbers = numbers;
        this.epochSecond = epochSecond;
        this.label = label;
        this.severity = severity;
        this.files = files;
        this.fileIndex = fileIndex;
        this.line = line;
    }

    public Profile profile() {
        return profile;
    }

    public int size() {
        return size;
    }

    /** The text of a non-numeric column (blank as ""). */
    public String text(int column, int row) {
        return text[column][row];
    }

    public String text(String column, int row) {
        return text[require(column)][row];
    }

    /** A numeric column's value, NaN when unknown. */
    public double number(int column, int row) {
        return numbers[column][row];
    }

    public boolean isNumeric(int column) {
        return numbers[column] != null;
    }

    public long epochSecond(int row) {
        return epochSecond[row];
    }

    public int epochDay(int row) {
        return (int) Math.floorDiv(epochSecond[row], 86_400L);
    }

    /** 1 fraud / seizure, 0 clean, -1 unknown. */
    public int label(int row) {
        return label[row];
    }

    /** 0, 1, 2 (critical) or -1 unknown. */
    public int severity(int row) {
        return severity[row];
    }

    public String id(int row) {
        return text[require(profile.idColumn())][row];
    }

    public String sourceFile(int row) {
        return files[fileIndex[row]];
    }

    public long sourceLine(int row) {
        return line[row];
    }

    public boolean hasAnyLabel() {
        for (int i = 0; i < size; i++) if (label[i] >= 0) return true;
        return false;
    }

    public int require(String column) {
        int c = profile.indexOf(column);
        if (c < 0) throw new IllegalArgumentException("profile " + profile.name() + " has no column " + column);
        return c;
    }

    /** Row indices sorted by time, ties kept in file order. */
    public int[] timeOrder() {
        Integer[] idx = new Integer[size];
        for (int i = 0; i < size; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> {
            int c = Long.compare(epochSecond[a], epochSecond[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[size];
        for (int i = 0; i < size; i++) out[i] = idx[i];
        return out;
    }

    /** A table of the given rows (in that order). */
    public Table select(int[] rows) {
        String[][] t = new String[text.length][];
        double[][] n = new double[numbers.length][];
        for (int c = 0; c < text.length; c++) {
            if (text[c] != null) {
                t[c] = new String[rows.length];
                for (int i = 0; i < rows.length; i++) t[c][i] = text[c][rows[i]];
            }
            if (numbers[c] != null) {
                n[c] = new double[rows.length];
                for (int i = 0; i < rows.length; i++) n[c][i] = numbers[c][rows[i]];
            }
        }
        long[] es = new long[rows.length];
        byte[] l = new byte[rows.length];
        byte[] s = new byte[rows.length];
        int[] fi = new int[rows.length];
        long[] ln = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            es[i] = epochSecond[rows[i]];
            l[i] = label[rows[i]];
            s[i] = severity[rows[i]];
            fi[i] = fileIndex[rows[i]];
            ln[i] = line[rows[i]];
        }
        return new Table(profile, rows.length, t, n, es, l, s, files, fi, ln);
    }

    /** This table with the labels of rows where {@code keep} is false replaced by unknown. */
    public Table withLabelsOnly(boolean[] keep) {
        byte[] l = label.clone();
        byte[] s = severity.clone();
        for (int i = 0; i < size; i++) {
            if (!keep[i]) {
                l[i] = -1;
                s[i] = -1;
            }
        }
        return new Table(profile, size, text, numbers, epochSecond, l, s, files, fileIndex, line);
    }

    /** Concatenates tables of the same profile. */
    public static Table concat(Profile profile, java.util.List<Table> parts) {
        Builder b = new Builder(profile);
        for (Table t : parts) {
            for (int r = 0; r < t.size; r++) {
                String[] tv = new String[t.text.length];
                double[] nv = new double[t.numbers.length];
                for (int c = 0; c < tv.length; c++) {
                    if (t.text[c] != null) tv[c] = t.text[c][r];
                    if (t.numbers[c] != null) nv[c] = t.numbers[c][r];
                }
                b.add(tv, nv, t.epochSecond[r], t.label[r], t.severity[r], t.sourceFile(r), t.line[r]);
            }
        }
        return b.build();
    }

    /** Appends rows; used by the reader and by tests that build tables in code. */
    public static final class Builder {
        private final Profile profile;
        private final int columns;
        private int size;
        private String[][] text;
        private double[][] numbers;
        private long[] epochSecond = new long[1024];
        private byte[] label = new byte[1024];
        private byte[] severity = new byte[1024];
        private int[] fileIndex = new int[1024];
        private long[] line = new long[1024];
        private final java.util.List<String> files = new java.util.ArrayList<>();

        public Builder(Profile profile) {
            this.profile = profile;
            this.columns = profile.columns().size();
            text = new String[columns][];
            numbers = new double[columns][];
            for (int c = 0; c < columns; c++) {
                if (profile.columns().get(c).kind() == ColumnKind.NUMBER) numbers[c] = new double[1024];
                else text[c] = new String[1024];
            }
        }

        public Profile profile() {
            return profile;
        }

        /** Adds a row: {@code text[c]} for text-like columns, {@code numbers[c]} for numeric ones (indexed like the profile). */
        public void add(String[] textValues, double[] numberValues, long epochSecondValue, int labelValue, int severityValue,
                String file, long lineNumber) {
            if (size == epochSecond.length) grow();
            for (int c = 0; c < columns; c++) {
                if (text[c] != null) text[c][size] = textValues[c] == null ? "" : textValues[c];
                else numbers[c][size] = numberValues[c];
            }
            epochSecond[size] = epochSecondValue;
            label[size] = (byte) labelValue;
            severity[size] = (byte) severityValue;
            int fi = files.indexOf(file);
            if (fi < 0) {
                files.add(file);
                fi = files.size() - 1;
            }
            fileIndex[size] = fi;
            line[size] = lineNumber;
            size++;
        }

        private void grow() {
            int n = epochSecond.length * 2;
            for (int c = 0; c < columns; c++) {
                if (text[c] != null) text[c] = Arrays.copyOf(text[c], n);
                else numbers[c] = Arrays.copyOf(numbers[c], n);
            }
            epochSecond = Arrays.copyOf(epochSecond, n);
            label = Arrays.copyOf(label, n);
            severity = Arrays.copyOf(severity, n);
            fileIndex = Arrays.copyOf(fileIndex, n);
            line = Arrays.copyOf(line, n);
        }

        public int size() {
            return size;
        }

        public Table build() {
            String[][] t = new String[columns][];
            double[][] nm = new double[columns][];
            for (int c = 0; c < columns; c++) {
                if (text[c] != null) t[c] = Arrays.copyOf(text[c], size);
                else nm[c] = Arrays.copyOf(numbers[c], size);
            }
            return new Table(profile, size, t, nm, Arrays.copyOf(epochSecond, size), Arrays.copyOf(label, size),
                    Arrays.copyOf(severity, size), files.toArray(String[]::new), Arrays.copyOf(fileIndex, size),
                    Arrays.copyOf(line, size));
        }
    }
}
