package org.ferret.printfiles.fingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A versioned library of known parts: fingerprint, part type, source and the content hashes of the files it
 * was computed from (the files themselves need not be kept). Text form, one part a line, for exchange:
 * {@code ferret-prints-library <fingerprint version> <library version>} then
 * {@code part<TAB>id<TAB>type<TAB>source<TAB>sha256[,sha256…]|-<TAB>fingerprint}.
 */
public final class Library {
    /** One known part. */
    public record Entry(String id, String partType, String source, Set<String> sha256, Fingerprint fingerprint) {
        public Entry {
            for (String s : List.of(id, partType, source))
                if (s.isBlank() || s.contains("\t") || s.contains("\n")) throw new IllegalArgumentException("library fields must be one line without tabs");
            sha256 = Set.copyOf(sha256);
        }
    }

    /** A library part near a fingerprint. */
    public record Near(Entry entry, double distance) {}

    private final long version;
    private final List<Entry> entries;

    public Library(long version, List<Entry> entries) {
        this.version = version;
        this.entries = List.copyOf(entries);
    }

    public static Library empty() {
        return new Library(0, List.of());
    }

    public long version() { return version; }
    public List<Entry> entries() { return entries; }

    /** A new version with the part added. */
    public Library with(Entry e) {
        List<Entry> l = new ArrayList<>(entries);
        l.add(e);
        return new Library(version + 1, l);
    }

    public List<Entry> byHash(String sha256) {
        return entries.stream().filter(e -> e.sha256().contains(sha256)).toList();
    }

    public List<Near> nearest(Fingerprint f, int k) {
        return entries.stream().map(e -> new Near(e, e.fingerprint().distance(f))).sorted(Comparator.comparingDouble(Near::distance)).limit(k).toList();
    }

    public String encode() {
        StringBuilder sb = new StringBuilder("ferret-prints-library ").append(Fingerprint.VERSION).append(' ').append(version).append('\n');
        for (Entry e : entries)
            sb.append("part\t").append(e.id()).append('\t').append(e.partType()).append('\t').append(e.source()).append('\t')
                    .append(e.sha256().isEmpty() ? "-" : String.join(",", new java.util.TreeSet<>(e.sha256()))).append('\t').append(e.fingerprint().encode()).append('\n');
        return sb.toString();
    }

    public static Library decode(String text) {
        String[] lines = text.split("\r?\n");
        String[] head = lines.length == 0 ? new String[0] : lines[0].trim().split(" ");
        if (head.length != 3 || !head[0].equals("ferret-prints-library"))
            throw new IllegalArgumentException("line 1: not a ferret-prints-library header");
        if (!head[1].equals(String.valueOf(Fingerprint.VERSION)))
            throw new IllegalArgumentException("line 1: fingerprint version " + head[1] + ", this engine reads " + Fingerprint.VERSION);
        long version = Long.parseLong(head[2]);
        List<Entry> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] f = lines[i].split("\t");
            if (f.length != 6 || !f[0].equals("part")) throw new IllegalArgumentException("line " + (i + 1) + ": expected 6 tab-separated fields beginning 'part'");
            try {
                out.add(new Entry(f[1], f[2], f[3], f[4].equals("-") ? Set.of() : Set.of(f[4].split(",")), Fingerprint.decode(f[5])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Library(version, out);
    }

    public static Library load(Path p) throws IOException {
        return decode(Files.readString(p, StandardCharsets.UTF_8));
    }

    public void save(Path p) throws IOException {
        Files.writeString(p, encode(), StandardCharsets.UTF_8);
    }
}
