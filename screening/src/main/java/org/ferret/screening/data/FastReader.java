package org.ferret.screening.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ferret.screening.profile.Column;
import org.ferret.screening.profile.ColumnKind;
import org.ferret.screening.profile.Profile;

/**
 * The fast path of {@link TableReader#read(List)}: files are read in large byte windows; one sequential, quote-aware
 * scan cuts each window into records (with the physical line where each starts, as {@link Csv.RecordReader} counts
 * them); the complete records of a window are then parsed on two threads straight from the bytes. A record with a
 * quote, a line break inside or a non-ASCII byte is decoded and parsed by the line-by-line code, so it behaves
 * exactly as before; plain ASCII records take a byte path with the same results and messages.
 */
final class FastReader {
    static final int DEFAULT_WINDOW = 32 << 20;

    private static final int QUOTE = 1, NON_ASCII = 2, MULTI_LINE = 4;
    private static final byte[] CLASS = new byte[256];

    static {
        CLASS['"'] = 1;
        CLASS['\n'] = 1;
        CLASS['\r'] = 1;
        for (int b = 128; b < 256; b++) CLASS[b] = 1;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L, HIGH = 0x8080808080808080L;

    /** Whether any of 8 bytes is a quote, a line break or not ASCII. */
    private static boolean special(long x) {
        long q = x ^ (ONES * '"'), lf = x ^ (ONES * '\n'), cr = x ^ (ONES * '\r');
        return ((((q - ONES) & ~q) | ((lf - ONES) & ~lf) | ((cr - ONES) & ~cr) | x) & HIGH) != 0;
    }

    private final TableReader reader;
    private final Profile profile;
    private final OnError onError;
    private final List<Column> cols;
    private final ColumnKind[] kinds;
    private final int width;
    private final int window;
    private final Map<String, String>[] interned;

    FastReader(TableReader reader, Profile profile, OnError onError, int window) {
        this.reader = reader;
        this.profile = profile;
        this.onError = onError;
        this.cols = profile.columns();
        this.width = cols.size();
        this.kinds = new ColumnKind[width];
        for (int c = 0; c < width; c++) kinds[c] = cols.get(c).kind();
        this.window = window;
        this.interned = TableReader.internMaps(cols);
        this.mainState = new ThreadState();
        this.poolState = new ThreadState();
    }

    /** Parsed rows of one window, in file order; {@code problems[r]} non-null for a bad row. */
    private static final class Chunk {
        int size;
        String[][] text;
        double[][] numbers;
        long[] time;
        byte[] label;
        byte[] severity;
        long[] line;
        int fileIndex;
    }

    private final List<Chunk> chunks = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private final Map<String, Integer> fileIndex = new HashMap<>();
    private ExecutorService pool;

    TableReader.Result read(List<Path> paths) throws IOException, BadInputException {
        try {
            for (Path f : paths) {
                FileChannel ch;
                try {
                    ch = FileChannel.open(f, StandardOpenOption.READ);
                } catch (NoSuchFileException e) {
                    throw new BadInputException(new RowProblem(f.toString(), 0, null, "no such file"));
                }
                try (ch) {
                    readFile(f.toString(), ch);
                }
            }
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        return new TableReader.Result(build(), problems);
    }

    private Table build() {
        int size = 0;
        for (Chunk k : chunks) size += k.size;
        String[][] text = new String[width][];
        double[][] numbers = new double[width][];
        for (int c = 0; c < width; c++) {
            if (kinds[c] == ColumnKind.NUMBER) numbers[c] = new double[size];
            else text[c] = new String[size];
        }
        long[] time = new long[size];
        byte[] label = new byte[size];
        byte[] severity = new byte[size];
        int[] fi = new int[size];
        long[] line = new long[size];
        int at = 0;
        for (Chunk k : chunks) {
            for (int c = 0; c < width; c++) {
                if (text[c] != null) System.arraycopy(k.text[c], 0, text[c], at, k.size);
                else System.arraycopy(k.numbers[c], 0, numbers[c], at, k.size);
            }
            System.arraycopy(k.time, 0, time, at, k.size);
            System.arraycopy(k.label, 0, label, at, k.size);
            System.arraycopy(k.severity, 0, severity, at, k.size);
            System.arraycopy(k.line, 0, line, at, k.size);
            Arrays.fill(fi, at, at + k.size, k.fileIndex);
            at += k.size;
        }
        return new Table(profile, size, text, numbers, time, label, severity, files.toArray(String[]::new), fi, line);
    }

    // ---- the records of the current window
    private int records;
    private int[] recStart = new int[1 << 16];
    private int[] recEnd = new int[1 << 16];
    private long[] recLine = new long[1 << 16];
    private byte[] recFlags = new byte[1 << 16];

    private void addRecord(int start, int end, long line, int flags) {
        if (records == recStart.length) {
            int n = records * 2;
            recStart = Arrays.copyOf(recStart, n);
            recEnd = Arrays.copyOf(recEnd, n);
            recLine = Arrays.copyOf(recLine, n);
            recFlags = Arrays.copyOf(recFlags, n);
        }
        recStart[records] = start;
        recEnd[records] = end;
        recLine[records] = line;
        recFlags[records] = (byte) flags;
        records++;
    }

    private void readFile(String file, FileChannel ch) throws IOException, BadInputException {
        byte[] buf = new byte[(int) Math.min(window, Math.max(1024, ch.size() + 1))];
        int len = 0;
        boolean eof = false;
        long line = 1;
        boolean header = true;
        int[] target = null;
        while (true) {
            // fill the window after the bytes carried over
            while (len < buf.length && !eof) {
                int r = ch.read(ByteBuffer.wrap(buf, len, buf.length - len));
                if (r < 0) eof = true;
                else len += r;
            }
            // cut it into records; the last incomplete one is carried over to the next window
            records = 0;
            int p = 0;
            int carry = len;
            while (true) {
                int s = p;
                long startLine = line;
                int flags = 0;
                int q = 0;
                int end = -1;
                boolean incomplete = false;
                while (true) {
                    while (p + 8 <= len && !special((long) LONGS.get(buf, p))) p += 8;
                    while (p < len && CLASS[buf[p] & 0xff] == 0) p++;
                    if (p >= len) break;
                    byte b = buf[p];
                    if (b == '"') {
                        q ^= 1;
                        flags |= QUOTE;
                        p++;
                    } else if (b == '\n' || b == '\r') {
                        int t = p;
                        if (b == '\r') {
                            if (p + 1 < len) p += buf[p + 1] == '\n' ? 2 : 1;
                            else if (eof) p++;
                            else {
                                incomplete = true;
                                break;
                            }
                        } else {
                            p++;
                        }
                        line++;
                        if (q == 0) {
                            end = t;
                            break;
                        }
                        flags |= MULTI_LINE;
                    } else {
                        flags |= NON_ASCII;
                        p++;
                    }
                }
                if (end < 0 && (incomplete || !eof)) {
                    line = startLine;
                    carry = s;
                    break;
                }
                if (end < 0) {
                    // the end of the file ends the record (an unclosed quote keeps the rest of the file in it)
                    if (s >= len) {
                        carry = len;
                        break;
                    }
                    end = len;
                    if (q != 0) flags |= MULTI_LINE; // decoded and cut by Csv.RecordReader, trailing line breaks and all
                }
                if (header) {
                    header = false;
                    target = reader.header(file, recordText(buf, s, end, flags));
                } else if (end > s || flags != 0) {
                    addRecord(s, end, startLine, flags);
                }
                if (p >= len) {
                    carry = len;
                    break;
                }
            }
            if (header && eof) {
                reader.header(file, null); // throws: empty file
            }
            if (records > 0) parseWindow(file, buf, target);
            if (eof && carry >= len) return;
            // carry the incomplete record over; grow the window when one record fills it
            int rest = len - carry;
            if (rest == buf.length) {
                if (buf.length >= Integer.MAX_VALUE - 16) throw new IOException(file + ": a record longer than 2 GB");
                buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 16, 2L * buf.length));
            } else {
                System.arraycopy(buf, carry, buf, 0, rest);
            }
            len = rest;
        }
    }

    /** A record's text as Csv.RecordReader gives it (line breaks inside it read as \n). */
    private static String recordText(byte[] buf, int s, int end, int flags) throws IOException {
        String text = new String(buf, s, end - s, StandardCharsets.UTF_8);
        if ((flags & MULTI_LINE) == 0) return text;
        String r = new Csv.RecordReader(new BufferedReader(new StringReader(text))).next();
        return r == null ? "" : r;
    }

    private void parseWindow(String file, byte[] buf, int[] target) throws IOException, BadInputException {
        int n = records;
        Chunk k = new Chunk();
        k.size = n;
        k.text = new String[width][];
        k.numbers = new double[width][];
        for (int c = 0; c < width; c++) {
            if (kinds[c] == ColumnKind.NUMBER) k.numbers[c] = new double[n];
            else k.text[c] = new String[n];
        }
        k.time = new long[n];
        k.label = new byte[n];
        k.severity = new byte[n];
        k.line = Arrays.copyOf(recLine, n);
        RowProblem[] bad = new RowProblem[n];
        int half = n / 2;
        if (half > 0) {
            if (pool == null) {
                pool = Executors.newSingleThreadExecutor(r -> {
                    Thread th = new Thread(r, "csv-parse");
                    th.setDaemon(true);
                    return th;
                });
            }
            Future<?> other = pool.submit(() -> {
                parseRange(file, buf, target, k, bad, half, n);
                return null;
            });
            parseRange(file, buf, target, k, bad, 0, half);
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable t = e.getCause();
                if (t instanceof IOException io) throw io;
                if (t instanceof RuntimeException re) throw re;
                if (t instanceof Error er) throw er;
                throw new IllegalStateException(t);
            }
        } else {
            parseRange(file, buf, target, k, bad, 0, n);
        }
        int good = 0;
        for (int r = 0; r < n; r++) {
            if (bad[r] == null) continue;
            if (onError == OnError.STOP) throw new BadInputException(bad[r]);
            problems.add(bad[r]);
        }
        for (int r = 0; r < n; r++) if (bad[r] == null) good++;
        if (good == 0) return;
        if (good < n) compact(k, bad, good);
        Integer fi = fileIndex.get(file);
        if (fi == null) {
            fi = files.size();
            files.add(file);
            fileIndex.put(file, fi);
        }
        k.fileIndex = fi;
        chunks.add(k);
    }

    /** Leaves the bad rows out of a chunk. */
    private void compact(Chunk k, RowProblem[] bad, int good) {
        int n = k.size;
        int[] keep = new int[good];
        for (int r = 0, i = 0; r < n; r++) if (bad[r] == null) keep[i++] = r;
        for (int c = 0; c < width; c++) {
            if (k.text[c] != null) {
                String[] a = new String[good];
                for (int i = 0; i < good; i++) a[i] = k.text[c][keep[i]];
                k.text[c] = a;
            } else {
                double[] a = new double[good];
                for (int i = 0; i < good; i++) a[i] = k.numbers[c][keep[i]];
                k.numbers[c] = a;
            }
        }
        long[] time = new long[good], line = new long[good];
        byte[] label = new byte[good], severity = new byte[good];
        for (int i = 0; i < good; i++) {
            time[i] = k.time[keep[i]];
            line[i] = k.line[keep[i]];
            label[i] = k.label[keep[i]];
            severity[i] = k.severity[keep[i]];
        }
        k.time = time;
        k.line = line;
        k.label = label;
        k.severity = severity;
        k.size = good;
    }

    /**
     * A per-thread cache of one column's values keyed by their bytes, so that a value seen before costs no new String
     * (for CATEGORY, COUNTRY and HS_CODE columns the cached value is the interned one). It gives up on columns whose
     * values hardly repeat.
     */
    static final class ByteCache {
        private static final int MAX = 1 << 20;
        private byte[] arena = new byte[1 << 12];
        private int used;
        private long[] slots = new long[1 << 10]; // offset << 32 | length, 0 = empty (offsets start at 1)
        private String[] values = new String[1 << 10];
        private int[] hashes = new int[1 << 10];
        private int count;
        private long lookups, hits;
        private boolean judged;
        boolean off;

        ByteCache() {
            used = 1;
        }

        private static int hash(byte[] buf, int from, int to) {
            int h = to - from;
            for (int i = from; i < to; i++) h = 31 * h + buf[i];
            h *= 0x9E3779B1;
            return h ^ (h >>> 15);
        }

        /** The cached value of these bytes or null; afterwards {@link #put} may be called with the same bytes. */
        String get(byte[] buf, int from, int to) {
            lookups++;
            int h = hash(buf, from, to);
            lastHash = h;
            int mask = slots.length - 1;
            int len = to - from;
            for (int i = h & mask;; i = (i + 1) & mask) {
                long e = slots[i];
                if (e == 0) return null;
                int o = (int) (e >>> 32);
                if (hashes[i] == h && (int) e == len && Arrays.equals(arena, o, o + len, buf, from, to)) {
                    hits++;
                    return values[i];
                }
            }
        }

        private int lastHash;

        void put(byte[] buf, int from, int to, String value) {
            if (count >= MAX || off || used + (to - from) > 1 << 28) return;
            if (!judged && lookups >= 1 << 16) {
                judged = true;
                if (hits < lookups / 20) {
                    off = true; // the values hardly repeat: stop caching them
                    slots = null;
                    values = null;
                    hashes = null;
                    arena = null;
                    return;
                }
            }
            int len = to - from;
            if (used + len > arena.length) arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + len));
            System.arraycopy(buf, from, arena, used, len);
            insert(((long) used << 32) | len, lastHash, value);
            used += len;
            if (++count * 2 > slots.length) rehash();
        }

        private void insert(long e, int h, String value) {
            int mask = slots.length - 1;
            int i = h & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = e;
            hashes[i] = h;
            values[i] = value;
        }

        private void rehash() {
            long[] os = slots;
            String[] ov = values;
            int[] oh = hashes;
            slots = new long[os.length * 2];
            values = new String[os.length * 2];
            hashes = new int[os.length * 2];
            for (int i = 0; i < os.length; i++) if (os[i] != 0) insert(os[i], oh[i], ov[i]);
        }
    }

    private static final String[] DIGIT = {"0", "1", "2"};

    private void parseRange(String file, byte[] buf, int[] target, Chunk k, RowProblem[] bad, int from, int to) {
        int n = target.length;
        ThreadState st = from == 0 ? mainState : poolState;
        TableReader.Row row = st.row;
        ByteCache[] caches = st.caches;
        int[] cut = st.cut.length > n ? st.cut : (st.cut = new int[n + 1]);
        for (int r = from; r < to; r++) {
            // the columns of the header are all set by a good row, the others keep their blank
            row.time = 0;
            row.label = -1;
            row.severity = -1;
            long line = recLine[r];
            RowProblem problem;
            if (recFlags[r] != 0) {
                String text;
                try {
                    text = recordText(buf, recStart[r], recEnd[r], recFlags[r]);
                } catch (IOException e) {
                    throw new IllegalStateException(e); // a StringReader does not fail
                }
                problem = reader.parseRecord(file, line, text, n, target, cols, interned, row);
            } else {
                problem = parsePlain(file, line, buf, recStart[r], recEnd[r], n, target, cut, caches, row);
            }
            if (problem != null) {
                bad[r] = problem;
                continue;
            }
            for (int c = 0; c < width; c++) {
                if (k.text[c] != null) k.text[c][r] = row.tv[c];
                else k.numbers[c][r] = row.nv[c];
            }
            k.time[r] = row.time;
            k.label[r] = (byte) row.label;
            k.severity[r] = (byte) row.severity;
        }
    }

    /** What one parsing thread keeps from window to window. */
    private final class ThreadState {
        final TableReader.Row row = new TableReader.Row(width);
        final ByteCache[] caches = new ByteCache[width];
        int[] cut = new int[0];

        ThreadState() {
            row.reset();
            for (int c = 0; c < width; c++) {
                ColumnKind k = kinds[c];
                if (k == ColumnKind.CATEGORY || k == ColumnKind.COUNTRY || k == ColumnKind.HS_CODE || k == ColumnKind.TEXT
                        || k == ColumnKind.PARTY) caches[c] = new ByteCache();
            }
        }
    }

    private final ThreadState mainState, poolState;

    private static boolean space(byte b) {
        return b == ' ' || (b >= 9 && b <= 13) || (b >= 28 && b <= 31);
    }

    /** A record of ASCII bytes without quotes or line breaks. */
    private RowProblem parsePlain(String file, long line, byte[] buf, int s, int e, int n, int[] target, int[] cut, ByteCache[] caches,
            TableReader.Row row) {
        int fields = 1;
        cut[0] = s - 1;
        for (int i = s; i < e; i++) {
            if (buf[i] == ',') {
                if (fields < n) cut[fields] = i;
                fields++;
            }
        }
        if (fields != n) return new RowProblem(file, line, null, "expected " + n + " fields as in the header, found " + fields);
        cut[n] = e;
        for (int i = 0; i < n; i++) {
            int c = target[i];
            int a = cut[i] + 1, b = cut[i + 1];
            while (a < b && space(buf[a])) a++;
            while (b > a && space(buf[b - 1])) b--;
            ColumnKind kind = kinds[c];
            try {
                switch (kind) {
                    case NUMBER -> {
                        double d = a == b ? Double.NaN : number(buf, a, b);
                        row.nv[c] = d == d || a == b ? d : Values.number(ascii(buf, a, b));
                    }
                    case LABEL, SEVERITY -> {
                        String v = b - a == 1 && buf[a] >= '0' && buf[a] <= '2' ? DIGIT[buf[a] - '0'] : ascii(buf, a, b);
                        TableReader.applyField(kind, c, v, interned, row);
                    }
                    case CATEGORY, COUNTRY, HS_CODE, TEXT, PARTY -> {
                        ByteCache cache = caches[c];
                        String v = cache.off ? null : cache.get(buf, a, b);
                        if (v == null) {
                            TableReader.applyField(kind, c, ascii(buf, a, b), interned, row);
                            cache.put(buf, a, b, row.tv[c]);
                        } else {
                            row.tv[c] = v;
                        }
                    }
                    default -> TableReader.applyField(kind, c, ascii(buf, a, b), interned, row);
                }
            } catch (IllegalArgumentException ex) {
                return new RowProblem(file, line, cols.get(c).name(), ex.getMessage());
            }
        }
        return reader.finishRow(file, line, row);
    }

    private static String ascii(byte[] buf, int a, int b) {
        return a == b ? "" : new String(buf, a, b - a, StandardCharsets.ISO_8859_1);
    }

    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    /**
     * A plain decimal [+-]digits[.digits] whose digits form an integer of at most 2^53 and with at most 22 decimals,
     * exactly as Double.parseDouble gives it (both operands are exact, so the one division is correctly rounded);
     * NaN for anything else, which the caller gives to {@link Values#number(String)}.
     */
    static double number(byte[] buf, int a, int b) {
        int i = a;
        boolean neg = false;
        if (buf[i] == '-' || buf[i] == '+') {
            neg = buf[i] == '-';
            i++;
        }
        long m = 0;
        int digits = 0, scale = 0;
        boolean dot = false;
        for (; i < b; i++) {
            int d = buf[i] - '0';
            if (d >= 0 && d <= 9) {
                if (++digits > 18) return Double.NaN;
                m = m * 10 + d;
                if (dot) scale++;
            } else if (buf[i] == '.' && !dot) {
                dot = true;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || m > (1L << 53) || scale >= POW10.length) return Double.NaN;
        double v = scale == 0 ? (double) m : (double) m / POW10[scale];
        return neg ? -v : v;
    }
}
