package org.ferret.tracing.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;

/**
 * An in-memory index over every recorded serial that answers partial-marking searches at national scale.
 * <p>
 * Why it works: confusions disappear when characters are replaced by their class representative, so a pattern
 * with up to two unreadable characters still has, by the pigeonhole principle, one of three equal segments fully
 * readable. Each serial is indexed under a key per segment (its length, the segment number and the segment's
 * class-representative characters) and under its first and last three characters (for patterns with runs). A
 * search looks up the rarest fully readable segment and checks only the serials filed under it with the
 * {@link MarkingMatcher}; recall is complete because every serial that fits has that same segment key. Patterns
 * with more unknowns fall back to scanning the serials of that length.
 * <p>
 * Keys are 38-bit hashes packed with a 26-bit entry number into one sorted {@code long[]}, with a directory of the
 * first index per bucket of top bits (about eight keys a bucket), so a lookup reads a cache line or two instead of
 * binary-searching the whole array; hash collisions only cost a verification. New entries go to a small delta,
 * kept sorted once the index is sealed, that is merged when it grows.
 */
public final class MarkingIndex {

    static final int ID_BITS = 26;
    static final long ID_MASK = (1L << ID_BITS) - 1;
    public static final int MAX_ENTRIES = (int) ID_MASK;
    static final int SEGMENTS = 3;
    static final int DELTA_LIMIT = 1 << 16;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    // entries
    private long[] msb = new long[1024];
    private long[] lsb = new long[1024];
    /** each serial's class-representative characters packed 6 bits each (length in the top 4 bits); UNPACKED if longer than 10 or not ASCII */
    private long[] sig = new long[1024];
    private int[] facts = new int[1024];
    private int[] offset = new int[1025];
    private char[] chars = new char[16 * 1024];
    private int size;

    /** entries withdrawn after they were added (e.g. a marking retracted by a correction); never returned */
    private final java.util.BitSet removed = new java.util.BitSet();

    private final Keys standard = new Keys(false);
    private final Keys ncic = new Keys(true);

    /** Adds one serial of an item; {@code factsId} is the caller's handle for the item's attributes. */
    public int add(UUID item, String serial, int factsId) {
        String s = Confusion.normaliseSerial(serial);
        if (s.isEmpty()) {
            return -1;
        }
        lock.writeLock().lock();
        try {
            if (size >= MAX_ENTRIES) {
                throw new IllegalStateException("the marking index holds at most " + MAX_ENTRIES + " serials");
            }
            int id = size;
            ensureCapacity(s.length());
            msb[id] = item.getMostSignificantBits();
            lsb[id] = item.getLeastSignificantBits();
            sig[id] = pack(s);
            facts[id] = factsId;
            int off = offset[id];
            s.getChars(0, s.length(), chars, off);
            offset[id + 1] = off + s.length();
            size++;
            standard.add(id, s);
            ncic.add(id, Confusion.ncicForm(s));
            return id;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Sorts everything added so far into the main key arrays (call once after a bulk load). */
    public void seal() {
        lock.writeLock().lock();
        try {
            standard.merge();
            ncic.merge();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** True when this item already has this serial in the index. */
    public boolean contains(UUID item, String serial) {
        String s = Confusion.normaliseSerial(serial);
        if (s.length() < MarkingPattern.MIN_KNOWN) {
            lock.readLock().lock();
            try {
                for (int id = 0; id < size; id++) {
                    if (!removed.get(id) && is(id, item) && serialOf(id).equals(s)) {
                        return true;
                    }
                }
                return false;
            } finally {
                lock.readLock().unlock();
            }
        }
        Result r = search(MarkingPattern.parse(s, false), f -> true, Integer.MAX_VALUE);
        return r.hits().stream().anyMatch(h -> h.item().equals(item) && h.match().serial().equals(s));
    }

    /** Withdraws an item's serial (all its entries); returns how many entries were withdrawn. */
    public int remove(UUID item, String serial) {
        String s = Confusion.normaliseSerial(serial);
        lock.writeLock().lock();
        try {
            int n = 0;
            for (int id = 0; id < size; id++) {
                if (!removed.get(id) && is(id, item) && serialOf(id).equals(s)) {
                    removed.set(id);
                    n++;
                }
            }
            return n;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** One serial that fits: the item, its attribute handle and how it matched. */
    public record Hit(UUID item, int factsId, Match match) {
    }

    /**
     * The hits, best first, cut to the limit; {@code total} counts all that fit, {@code examined} the serials checked;
     * {@code edits} tells whether fits with one edit were looked for.
     */
    public record Result(List<Hit> hits, int total, int examined, boolean scanned, boolean edits) {
    }

    /** Fits without edits: confusions, {@code ?} and {@code *} only. */
    public Result search(MarkingPattern p, IntPredicate factsFilter, int limit) {
        return search(p, factsFilter, limit, false);
    }

    /**
     * Fits of the pattern; with {@code allowEdit}, and when the pattern is {@link MarkingMatcher#editable}, also
     * those that need one edit (a character substituted, dropped or inserted), ranked by the weighted edit distance.
     */
    public Result search(MarkingPattern p, IntPredicate factsFilter, int limit, boolean allowEdit) {
        lock.readLock().lock();
        try {
            Keys keys = p.ncic() ? ncic : standard;
            Collector c = new Collector(p, factsFilter);
            boolean edits = allowEdit && MarkingMatcher.editable(p);
            boolean scanned = false;
            if (edits) {
                IntList ids = new IntList();
                standard.editCandidates(p.symbols(), ids);
                c.offerAllWithEdit(ids);
            } else {
                scanned = keys.candidates(p, c);
            }
            List<Hit> hits = c.hits;
            hits.sort(Comparator.comparingDouble((Hit h) -> -h.match().score())
                    .thenComparing(h -> h.match().serial()).thenComparing(Hit::item));
            int total = hits.size();
            return new Result(List.copyOf(hits.subList(0, Math.min(limit, total))), total, c.examined, scanned, edits);
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---- internals --------------------------------------------------------------------------------

    static final long UNPACKED = -1L;
    static final int PACKED_MAX = 10;

    /** 1..36 for the class representative of an ASCII letter or digit, 0 for anything else. */
    private static int code(char c) {
        char k = Confusion.canonical(c);
        if (k >= '0' && k <= '9') {
            return 1 + (k - '0');
        }
        if (k >= 'A' && k <= 'Z') {
            return 11 + (k - 'A');
        }
        return 0;
    }

    /** Packs a normalised serial of at most ten ASCII letters and digits into one long (one memory read per check). */
    static long pack(String s) {
        if (s.length() > PACKED_MAX) {
            return UNPACKED;
        }
        long v = (long) s.length() << 60;
        for (int i = 0; i < s.length(); i++) {
            int c = code(s.charAt(i));
            if (c == 0) {
                return UNPACKED;
            }
            v |= (long) c << (6 * i);
        }
        return v;
    }

    /** {value, mask} of a fixed-length pattern of at most ten positions, or null; unknown positions are masked out. */
    static long[] packPattern(String symbols) {
        if (symbols.length() > PACKED_MAX) {
            return null;
        }
        long v = (long) symbols.length() << 60;
        long mask = 0xFL << 60;
        for (int i = 0; i < symbols.length(); i++) {
            char q = symbols.charAt(i);
            if (q == MarkingPattern.ONE) {
                continue;
            }
            int c = code(q);
            if (c == 0) {
                return null;
            }
            v |= (long) c << (6 * i);
            mask |= 0x3FL << (6 * i);
        }
        return new long[] {v, mask};
    }

    /** The code bits of a packed serial or pattern (the top four bits hold the length). */
    static final long CODES = (1L << 60) - 1;
    /** Bit 0 of each of the ten 6-bit groups. */
    private static final long GROUP_LOW_BITS = 0x041041041041041L;

    /**
     * Whether a packed serial fits a packed pattern ({@code codes}, with {@code mask} covering its readable
     * positions, {@code m} long) with at most one edit: exactly the serials {@link MarkingMatcher#alignWithEdit}
     * accepts, decided on two longs. Same length: at most one readable position in another class. One longer
     * (a character missing from the reading) or one shorter (an extra character read): the positions that differ
     * with the serial unshifted all lie after those that differ with it shifted by one, so a split exists.
     */
    static boolean mayFitWithEdit(long serial, long codes, long mask, int m) {
        int n = (int) (serial >>> 60);
        long s = serial & CODES;
        if (n == m) {
            return Integer.bitCount(differing(s, codes, mask)) <= 1;
        }
        int straight = differing(s, codes, mask);
        if (n == m + 1) {
            // pattern position i reads serial i before the missing character, serial i + 1 after it
            int shifted = differing(s >>> 6, codes, mask);
            int firstStraight = straight == 0 ? m : Integer.numberOfTrailingZeros(straight);
            int lastShifted = shifted == 0 ? -1 : 31 - Integer.numberOfLeadingZeros(shifted);
            return lastShifted < firstStraight;
        }
        if (n == m - 1) {
            // pattern position i reads serial i before the extra character k, serial i - 1 after it
            int shifted = differing((s << 6) & CODES, codes, mask) & ~1;
            int firstStraight = straight == 0 ? m - 1 : Integer.numberOfTrailingZeros(straight);
            int lastShifted = shifted == 0 ? 0 : 31 - Integer.numberOfLeadingZeros(shifted);
            return lastShifted <= firstStraight;
        }
        return false;
    }

    /** Bit i set when readable position i of the pattern is in another class than the serial's code there. */
    private static int differing(long serialCodes, long codes, long mask) {
        long x = (serialCodes ^ codes) & mask;
        x |= x >>> 1 | x >>> 2 | x >>> 3 | x >>> 4 | x >>> 5;
        return (int) Long.compress(x, GROUP_LOW_BITS);
    }

    private boolean is(int id, UUID item) {
        return msb[id] == item.getMostSignificantBits() && lsb[id] == item.getLeastSignificantBits();
    }

    private String serialOf(int id) {
        return new String(chars, offset[id], offset[id + 1] - offset[id]);
    }

    private void ensureCapacity(int serialLength) {
        if (size + 1 >= msb.length) {
            int n = grow(msb.length);
            msb = Arrays.copyOf(msb, n);
            lsb = Arrays.copyOf(lsb, n);
            sig = Arrays.copyOf(sig, n);
            facts = Arrays.copyOf(facts, n);
            offset = Arrays.copyOf(offset, n + 1);
        }
        if (offset[size] + serialLength > chars.length) {
            chars = Arrays.copyOf(chars, grow(Math.max(chars.length, offset[size] + serialLength)));
        }
    }

    private static int grow(int n) {
        return (int) Math.min(Integer.MAX_VALUE - 16, n + (long) (n >> 1) + 16);
    }

    /** Checks each candidate once with the matcher and keeps those that fit. */
    private final class Collector {
        final MarkingPattern p;
        final IntPredicate filter;
        final List<Hit> hits = new ArrayList<>();
        int examined;
        int last = -1;

        final long[] packed;

        Collector(MarkingPattern p, IntPredicate filter) {
            this.p = p;
            this.filter = filter;
            this.packed = p.hasRun() || p.ncic() ? null : packPattern(p.symbols());
        }

        /**
         * Verifies each distinct candidate once with the one-edit alignment. Short serials are first tried on their
         * packed signature ({@link #mayFitWithEdit}), one read instead of three, so that only fits reach the alignment.
         */
        void offerAllWithEdit(IntList ids) {
            int[] a = Arrays.copyOf(ids.a, ids.n);
            Arrays.sort(a);
            int distinct = 0;
            for (int k = 0; k < a.length; k++) {
                if (k == 0 || a[k - 1] != a[k]) {
                    a[distinct++] = a[k];
                }
            }
            examined += distinct;
            // gather the signatures first: independent loads the processor overlaps (most candidates miss the
            // cache), then decide on them; the branchy check after each load would leave few in flight
            long[] sigs = new long[distinct];
            for (int k = 0; k < distinct; k++) {
                sigs[k] = sig[a[k]];
            }
            String symbols = p.symbols();
            long[] pp = packPattern(symbols);
            MarkingMatcher.Scratch scratch = new MarkingMatcher.Scratch();
            for (int k = 0; k < distinct; k++) {
                int id = a[k];
                long v = sigs[k];
                if (pp != null && v != UNPACKED && !mayFitWithEdit(v, pp[0] & CODES, pp[1] & CODES, symbols.length())) {
                    continue;
                }
                if (removed.get(id)) {
                    continue;
                }
                int off = offset[id];
                int len = offset[id + 1] - off;
                if (Math.abs(len - symbols.length()) > MarkingMatcher.MAX_EDITS || !filter.test(facts[id])) {
                    continue;
                }
                Match m = MarkingMatcher.alignWithEdit(symbols, chars, off, len, scratch);
                if (m != null) {
                    hits.add(new Hit(new UUID(msb[id], lsb[id]), facts[id], m));
                }
            }
        }

        void offer(int id) {
            if (id == last) {
                return;
            }
            last = id;
            examined++;
            boolean fixed = !p.hasRun() && !p.ncic();
            if (fixed && packed != null) {
                long v = sig[id];
                // one read decides for short serials; longer or non-ASCII ones take the character check below
                if (v != UNPACKED && ((v ^ packed[0]) & packed[1]) != 0) {
                    return;
                }
            }
            if (removed.get(id)) {
                return;
            }
            int off = offset[id];
            int len = offset[id + 1] - off;
            if (fixed && !MarkingMatcher.fitsFixed(p.symbols(), chars, off, len)) {
                return;
            }
            if (!filter.test(facts[id])) {
                return;
            }
            Match m = MarkingMatcher.match(p, new String(chars, off, len));
            if (m != null) {
                hits.add(new Hit(new UUID(msb[id], lsb[id]), facts[id], m));
            }
        }
    }

    /** The keys of one matching mode (standard, or NCIC with embedded letters dropped). */
    private static final class Keys {
        final boolean ncicMode;
        long[] sorted = new long[0];
        /** first index of {@link #sorted} per bucket of the keys' top bits, so a lookup reads a handful of keys */
        int[] directory = new int[3];
        int directoryBits = 1;
        long[] delta = new long[1024];
        int deltaCount;
        /** once sealed, the delta is kept sorted (entries added one at a time); during a bulk load it is appended to */
        boolean deltaSorted;
        /** entry numbers by length of the indexed form, for patterns that cannot use a key */
        final IntList[] byLength = new IntList[MarkingPattern.MAX_LENGTH + 2];

        Keys(boolean ncicMode) {
            this.ncicMode = ncicMode;
            for (int i = 0; i < byLength.length; i++) {
                byLength[i] = new IntList();
            }
        }

        void add(int id, String form) {
            int len = Math.min(form.length(), MarkingPattern.MAX_LENGTH + 1);
            byLength[len].add(id);
            if (form.length() < MarkingPattern.MIN_KNOWN) {
                return;
            }
            int n = form.length();
            for (int j = 0; j < SEGMENTS; j++) {
                put(segmentHash(n, j, form, n * j / SEGMENTS, n * (j + 1) / SEGMENTS), id);
            }
            if (!ncicMode) {
                put(endHash('P', form, 0, 3), id);
                put(endHash('S', form, n - 3, n), id);
                for (int e = 0; e < SEGMENTS; e++) {
                    int j1 = e == 0 ? 1 : 0;
                    int j2 = e == 2 ? 1 : 2;
                    long h = pairSeed(n, e);
                    h = feed(h, form, n * j1 / SEGMENTS, n * (j1 + 1) / SEGMENTS);
                    h = feed(h, form, n * j2 / SEGMENTS, n * (j2 + 1) / SEGMENTS);
                    put(mix(h), id);
                }
            }
            if (deltaCount >= DELTA_LIMIT && sorted.length > 0) {
                merge();
            }
        }

        private void put(long hash, int id) {
            if (deltaCount == delta.length) {
                delta = Arrays.copyOf(delta, grow(delta.length));
            }
            long key = (hash << ID_BITS) | id;
            if (!deltaSorted) {
                delta[deltaCount++] = key;
                return;
            }
            int at = lowerBound(delta, 0, deltaCount, key);
            System.arraycopy(delta, at, delta, at + 1, deltaCount - at);
            delta[at] = key;
            deltaCount++;
        }

        /** Bucket of a key: its top bits, in the keys' signed sort order. */
        private static int bucket(long key, int bits) {
            return (int) ((key ^ Long.MIN_VALUE) >>> (64 - bits));
        }

        private void buildDirectory() {
            int bits = 1;
            while ((1L << bits) < sorted.length / 8 && bits < 28) {
                bits++;
            }
            int[] dir = new int[(1 << bits) + 1];
            int b = 0;
            for (int i = 0; i < sorted.length; i++) {
                int kb = bucket(sorted[i], bits);
                while (b <= kb) {
                    dir[b++] = i;
                }
            }
            while (b < dir.length) {
                dir[b++] = sorted.length;
            }
            directory = dir;
            directoryBits = bits;
        }

        /** First index of {@link #sorted} whose key is not less than {@code key} (within the key's bucket). */
        private int sortedLowerBound(long key) {
            int b = bucket(key, directoryBits);
            return lowerBound(sorted, directory[b], directory[b + 1], key);
        }

        /** Calls the sink with the entry number of every key of the hash, in the sorted keys and the delta. */
        private void scan(long hash, java.util.function.IntConsumer sink) {
            long lo = hash << ID_BITS;
            long hi = lo | ID_MASK;
            for (int i = sortedLowerBound(lo); i < sorted.length && sorted[i] <= hi; i++) {
                sink.accept((int) (sorted[i] & ID_MASK));
            }
            if (deltaSorted) {
                for (int i = lowerBound(delta, 0, deltaCount, lo); i < deltaCount && delta[i] <= hi; i++) {
                    sink.accept((int) (delta[i] & ID_MASK));
                }
            } else {
                for (int i = 0; i < deltaCount; i++) {
                    if (delta[i] >= lo && delta[i] <= hi) {
                        sink.accept((int) (delta[i] & ID_MASK));
                    }
                }
            }
        }

        void merge() {
            if (deltaCount == 0) {
                return;
            }
            long[] d = Arrays.copyOf(delta, deltaCount);
            if (!deltaSorted) {
                Arrays.parallelSort(d);
            }
            long[] out = new long[sorted.length + d.length];
            int i = 0;
            int j = 0;
            int k = 0;
            while (i < sorted.length && j < d.length) {
                out[k++] = sorted[i] <= d[j] ? sorted[i++] : d[j++];
            }
            while (i < sorted.length) {
                out[k++] = sorted[i++];
            }
            while (j < d.length) {
                out[k++] = d[j++];
            }
            sorted = out;
            delta = new long[1024];
            deltaCount = 0;
            deltaSorted = true;
            buildDirectory();
        }

        /** Feeds the collector every entry that may fit; returns true when it had to scan a whole length. */
        boolean candidates(MarkingPattern p, Collector c) {
            String s = p.symbols();
            if (!p.hasRun()) {
                int n = s.length();
                if (n >= MarkingPattern.MIN_KNOWN) {
                    long best = 0;
                    int bestCount = Integer.MAX_VALUE;
                    for (int j = 0; j < SEGMENTS; j++) {
                        int from = n * j / SEGMENTS;
                        int to = n * (j + 1) / SEGMENTS;
                        if (readable(s, from, to)) {
                            long h = segmentHash(n, j, s, from, to);
                            int count = count(h);
                            if (count < bestCount) {
                                best = h;
                                bestCount = count;
                            }
                        }
                    }
                    if (bestCount != Integer.MAX_VALUE) {
                        feed(best, c);
                        return false;
                    }
                }
                byLength[Math.min(n, MarkingPattern.MAX_LENGTH + 1)].forEach(c::offer);
                return true;
            }
            if (!ncicMode) {
                int prefix = 0;
                while (prefix < s.length() && s.charAt(prefix) != MarkingPattern.RUN && s.charAt(prefix) != MarkingPattern.ONE) {
                    prefix++;
                }
                int suffix = 0;
                while (suffix < s.length() && s.charAt(s.length() - 1 - suffix) != MarkingPattern.RUN
                        && s.charAt(s.length() - 1 - suffix) != MarkingPattern.ONE) {
                    suffix++;
                }
                long hp = prefix >= 3 ? endHash('P', s, 0, 3) : 0;
                long hs = suffix >= 3 ? endHash('S', s, s.length() - 3, s.length()) : 0;
                int cp = prefix >= 3 ? count(hp) : Integer.MAX_VALUE;
                int cs = suffix >= 3 ? count(hs) : Integer.MAX_VALUE;
                if (cp != Integer.MAX_VALUE || cs != Integer.MAX_VALUE) {
                    feed(cp <= cs ? hp : hs, c);
                    return false;
                }
            }
            for (int len = p.fixedLength(); len < byLength.length; len++) {
                byLength[len].forEach(c::offer);
            }
            return true;
        }

        /**
         * Every serial that may fit a run-free pattern with at most one edit and at most two {@code ?}. For each
         * length the serial may have (one shorter, the same, one longer) and each of its three segments that the edit
         * may fall in, the other two segments are intact: the ones before the edit at the pattern's own positions,
         * the ones after it shifted by the difference in length. Their pair key is looked up (each {@code ?}
         * in them enumerated over the class representatives), or, when that is dearer, the key of one of the two
         * segments alone. Recall is complete because the true serial has that pair key, for some case.
         */
        void editCandidates(String s, IntList out) {
            int m = s.length();
            for (int n = Math.max(MarkingPattern.MIN_KNOWN, m - MarkingMatcher.MAX_EDITS); n <= m + MarkingMatcher.MAX_EDITS; n++) {
                int d = m - n;
                for (int e = 0; e < SEGMENTS; e++) {
                    int j1 = e == 0 ? 1 : 0;
                    int j2 = e == 2 ? 1 : 2;
                    int from1 = n * j1 / SEGMENTS + (j1 < e ? 0 : d);
                    int to1 = n * (j1 + 1) / SEGMENTS + (j1 < e ? 0 : d);
                    int from2 = n * j2 / SEGMENTS + (j2 < e ? 0 : d);
                    int to2 = n * (j2 + 1) / SEGMENTS + (j2 < e ? 0 : d);
                    lookupPair(s, n, e, j1, from1, to1, j2, from2, to2, out);
                }
            }
        }

        /** Class representatives a {@code ?} is enumerated over (27: ten digits and the letters outside every class). */
        static final char[] REPRESENTATIVES = representatives();

        private static char[] representatives() {
            StringBuilder sb = new StringBuilder();
            for (char c = '0'; c <= 'Z'; c++) {
                if (Character.isLetterOrDigit(c) && Confusion.canonical(c) == c) {
                    sb.append(c);
                }
            }
            return sb.toString().toCharArray();
        }

        // relative costs, measured: one key lookup (through the directory) costs about one candidate verified
        private static final int SEARCH_COST = 1;

        private void lookupPair(String s, int n, int e, int j1, int from1, int to1, int j2, int from2, int to2, IntList out) {
            int q1 = unknowns(s, from1, to1);
            int q2 = unknowns(s, from2, to2);
            long pairCost = (long) pow(REPRESENTATIVES.length, q1 + q2) * SEARCH_COST;
            long best1 = q1 == 0 ? SEARCH_COST + (long) count(segmentHash(n, j1, s, from1, to1)) : Long.MAX_VALUE;
            long best2 = q2 == 0 ? SEARCH_COST + (long) count(segmentHash(n, j2, s, from2, to2)) : Long.MAX_VALUE;
            if (q1 == 1 && q2 > 0) {
                best1 = enumeratedSegmentCost(s, n, j1, from1, to1);
            }
            if (q2 == 1 && q1 > 0) {
                best2 = enumeratedSegmentCost(s, n, j2, from2, to2);
            }
            if (pairCost <= best1 && pairCost <= best2) {
                char[] buf = new char[(to1 - from1) + (to2 - from2)];
                s.getChars(from1, to1, buf, 0);
                s.getChars(from2, to2, buf, to1 - from1);
                enumerate(buf, 0, pairSeed(n, e), out);
            } else if (best1 <= best2) {
                enumerateSegment(s, n, j1, from1, to1, out);
            } else {
                enumerateSegment(s, n, j2, from2, to2, out);
            }
        }

        private long enumeratedSegmentCost(String s, int n, int j, int from, int to) {
            char[] buf = s.substring(from, to).toCharArray();
            int at = new String(buf).indexOf(MarkingPattern.ONE);
            long cost = 0;
            for (char c : REPRESENTATIVES) {
                buf[at] = c;
                cost += SEARCH_COST + count(segmentHash(n, j, new String(buf), 0, buf.length));
            }
            return cost;
        }

        private void enumerateSegment(String s, int n, int j, int from, int to, IntList out) {
            char[] buf = s.substring(from, to).toCharArray();
            int at = new String(buf).indexOf(MarkingPattern.ONE);
            if (at < 0) {
                feed(segmentHash(n, j, s, from, to), out);
                return;
            }
            for (char c : REPRESENTATIVES) {
                buf[at] = c;
                feed(segmentHash(n, j, new String(buf), 0, buf.length), out);
            }
        }

        /** Looks up the pair key of every filling of the {@code ?} in {@code buf} from position {@code at} on. */
        private void enumerate(char[] buf, int at, long seed, IntList out) {
            for (int i = at; i < buf.length; i++) {
                if (buf[i] == MarkingPattern.ONE) {
                    for (char c : REPRESENTATIVES) {
                        buf[i] = c;
                        enumerate(buf, i + 1, seed, out);
                    }
                    buf[i] = MarkingPattern.ONE;
                    return;
                }
            }
            long h = seed;
            for (char c : buf) {
                h = (h ^ Confusion.canonical(c)) * 0x100000001B3L;
            }
            feed(mix(h), out);
        }

        private static int unknowns(String s, int from, int to) {
            int q = 0;
            for (int i = from; i < to; i++) {
                if (s.charAt(i) == MarkingPattern.ONE) {
                    q++;
                }
            }
            return q;
        }

        private static int pow(int b, int e) {
            int r = 1;
            for (int i = 0; i < e; i++) {
                r *= b;
            }
            return r;
        }

        private static long pairSeed(int length, int spoiled) {
            return 0xD6E8FEB86659FD93L ^ ((long) length << 8) ^ spoiled;
        }

        private static long feed(long h, CharSequence s, int from, int to) {
            for (int i = from; i < to; i++) {
                h = (h ^ Confusion.canonical(s.charAt(i))) * 0x100000001B3L;
            }
            return h;
        }

        private void feed(long hash, IntList out) {
            scan(hash, out::add);
        }

        private static boolean readable(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                if (s.charAt(i) == MarkingPattern.ONE) {
                    return false;
                }
            }
            return to > from;
        }

        private int count(long hash) {
            int[] n = {0};
            scan(hash, id -> n[0]++);
            return n[0];
        }

        private void feed(long hash, Collector c) {
            scan(hash, c::offer);
        }

        /** First index in {@code a[from, to)} whose key is not less than {@code key} ({@code to} if none). */
        private static int lowerBound(long[] a, int from, int to, long key) {
            int lo = from;
            int hi = to;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] < key) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private long segmentHash(int length, int segment, CharSequence s, int from, int to) {
            long h = 0x9E3779B97F4A7C15L ^ ((ncicMode ? 1L : 0L) << 60) ^ ((long) length << 8) ^ segment;
            for (int i = from; i < to; i++) {
                h = (h ^ Confusion.canonical(s.charAt(i))) * 0x100000001B3L;
            }
            return mix(h);
        }

        private static long endHash(char which, CharSequence s, int from, int to) {
            long h = 0xC2B2AE3D27D4EB4FL ^ which;
            for (int i = from; i < to; i++) {
                h = (h ^ Confusion.canonical(s.charAt(i))) * 0x100000001B3L;
            }
            return mix(h);
        }

        private static long mix(long h) {
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            h ^= h >>> 33;
            return h >>> ID_BITS;
        }
    }

    /** A growable list of ints without boxing. */
    static final class IntList {
        int[] a = new int[16];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, grow(a.length));
            }
            a[n++] = v;
        }

        void forEach(java.util.function.IntConsumer f) {
            for (int i = 0; i < n; i++) {
                f.accept(a[i]);
            }
        }
    }
}
