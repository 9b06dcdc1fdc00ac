package org.ferret.screening.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 comma-separated records: quoted fields may hold commas, doubled quotes and line breaks. */
public final class Csv {
    private Csv() {}

    /** Thrown for a record that is not well-formed CSV (an unclosed quote, text after a closing quote). */
    public static final class MalformedRecord extends Exception {
        public MalformedRecord(String message) {
            super(message);
        }
    }

    /** Splits one complete record (its line breaks included) into fields. */
    public static List<String> split(String record) throws MalformedRecord {
        List<String> out = new ArrayList<>();
        int n = record.length();
        int i = 0;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i < n && record.charAt(i) == '"') {
                sb.setLength(0);
                i++;
                while (true) {
                    if (i >= n) throw new MalformedRecord("unclosed quote in field " + (out.size() + 1));
                    char c = record.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && record.charAt(i + 1) == '"') {
                            sb.append('"');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        sb.append(c);
                        i++;
                    }
                }
                out.add(sb.toString());
                if (i == n) return out;
                if (record.charAt(i) != ',') throw new MalformedRecord("text after closing quote in field " + out.size());
                i++;
            } else {
                int comma = record.indexOf(',', i);
                if (comma < 0) {
                    String f = record.substring(i);
                    if (f.indexOf('"') >= 0) throw new MalformedRecord("quote inside unquoted field " + (out.size() + 1));
                    out.add(f);
                    return out;
                }
                String f = record.substring(i, comma);
                if (f.indexOf('"') >= 0) throw new MalformedRecord("quote inside unquoted field " + (out.size() + 1));
                out.add(f);
                i = comma + 1;
            }
        }
    }

    /** Quotes a field only when it has to be quoted. */
    public static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) return field;
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    public static String join(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(quote(fields.get(i)));
        }
        return sb.toString();
    }

    /** Reads records one by one, keeping the physical line number on which each record starts. */
    public static final class RecordReader {
        private final BufferedReader in;
        private long nextLine = 1;
        private long recordLine;

        public RecordReader(BufferedReader in) {
            this.in = in;
        }

        /** The next record's text without its final line break, or null at the end. */
        public String next() throws IOException {
            String line = in.readLine();
            if (line == null) return null;
            recordLine = nextLine++;
            if (line.indexOf('"') < 0) return line;
            StringBuilder sb = new StringBuilder(line);
            while (unbalanced(sb)) {
                String more = in.readLine();
                if (more == null) break; // split() reports the unclosed quote
                nextLine++;
                sb.append('\n').append(more);
            }
            return sb.toString();
        }

        /** Line number (1-based) where the record last returned by {@link #next()} starts. */
        public long line() {
            return recordLine;
        }

        private static boolean unbalanced(CharSequence s) {
            int quotes = 0;
            for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '"') quotes++;
            return (quotes & 1) == 1;
        }
    }
}
