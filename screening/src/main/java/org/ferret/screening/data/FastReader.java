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
        this.states = new ThreadState[] {new ThreadState(), new ThreadState()};
    }

    /** Parsed rows of one window, in file order; {@code problems[r]} non-null for a bad row. */
    private static final class Chunk {
        int base;
        int size;
        String[][] text;
        double[][] numbers;
        long[] time;
        byte[] label;
        byte[] severity;
        long[] line;
    }

    private final List<String> files = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private final Map<String, Integer> fileIndex = new HashMap<>();
    private ExecutorService pool;

    private TableReader.WindowSink sink; // streaming: each window's rows go here, then the arrays are reused
    private long bytesRead;

    List<RowProblem> stream(List<Path> paths, TableReader.WindowSink sink) throws IOException, BadInputException {
        this.sink = sink;
        readAll(paths);
        return problems;
    }

    TableReader.Result read(List<Path> paths) throws IOException, BadInputException {
        readAll(paths);
        return new TableReader.Result(build(), problems);
    }

    private void readAll(List<Path> paths) throws IOException, BadInputException {
        for (Path f : paths) {
            try {
                bytesLeft += java.nio.file.Files.size(f);
            } catch (IOException | RuntimeException e) {
                // a missing file is reported when its turn comes
            }
        }
        try {
            for (Path f : paths) {
                FileChannel ch;
                try {
                    ch = FileChannel.open(f, StandardOpenOption.READ);
                } catch (NoSuchFileException e) {
                    throw new BadInputException(new RowProblem(f.toString(), 0, null, "no such file"));
                }
                try (ch) {
                    long bytes = ch.size();
                    readFile(f.toString(), ch);
                    bytesLeft = Math.max(0, bytesLeft - bytes);
                }
            }
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    // the rows read so far, column by column; the arrays have room for more (capacity)
    private int size, capacity;
    private String[][] text;
    private double[][] numbers;
    private long[] time, line;
    private byte[] label, severity;
    private int[] fileOf;
    private long bytesLeft; // of all files not yet read, for a first guess of the row count

    /** Makes room for {@code n} more rows, first guessing the whole count from the bytes per record. */
    private void ensure(int n, long bytesPerRecordTimes1000) {
        if (size + n <= capacity) return;
        long guess = capacity == 0 && sink == null && bytesPerRecordTimes1000 > 0 ? bytesLeft * 1000 / bytesPerRecordTimes1000 * 21 / 20 + 1024 : 0;
        long want = Math.max(Math.max((long) size + n, guess), capacity + (capacity >> 1));
        int cap = (int) Math.min(Integer.MAX_VALUE - 16, want);
        if (cap < size + n) throw new IllegalStateException("more than " + cap + " rows");
        if (text == null) {
            text = new String[width][];
            numbers = new double[width][];
            for (int c = 0; c < width; c++) {
                if (kinds[c] == ColumnKind.NUMBER) numbers[c] = new double[cap];
                else text[c] = new String[cap];
            }
            time = new long[cap];
            line = new long[cap];
            label = new byte[cap];
            severity = new byte[cap];
            fileOf = new int[cap];
        } else {
            for (int c = 0; c < width; c++) {
                if (text[c] != null) text[c] = Arrays.copyOf(text[c], cap);
                else numbers[c] = Arrays.copyOf(numbers[c], cap);
            }
            time = Arrays.copyOf(time, cap);
            line = Arrays.copyOf(line, cap);
            label = Arrays.copyOf(label, cap);
            severity = Arrays.copyOf(severity, cap);
            fileOf = Arrays.copyOf(fileOf, cap);
        }
        capacity = cap;
    }

    private Table build() {
        if (capacity == 0 || capacity - size > (size >> 4)) {
            capacity = -1; // trim: hold no more than a sixteenth more than the rows
            int n = size;
            size = 0;
            int keep = n;
            String[][] t = text;
            double[][] nm = numbers;
            long[] ti = time, li = line;
            byte[] la = label, se = severity;
            int[] fo = fileOf;
            text = new String[width][];
            numbers = new double[width][];
            for (int c = 0; c < width; c++) {
                if (kinds[c] == ColumnKind.NUMBER) numbers[c] = nm == null ? new double[0] : Arrays.copyOf(nm[c], keep);
                else text[c] = t == null ? new String[0] : Arrays.copyOf(t[c], keep);
            }
            time = ti == null ? new long[0] : Arrays.copyOf(ti, keep);
            line = li == null ? new long[0] : Arrays.copyOf(li, keep);
            label = la == null ? new byte[0] : Arrays.copyOf(la, keep);
            severity = se == null ? new byte[0] : Arrays.copyOf(se, keep);
            fileOf = fo == null ? new int[0] : Arrays.copyOf(fo, keep);
            size = n;
        }
        // the arrays may be longer than size (by at most a sixteenth); Table reads only the first size entries
        return new Table(profile, size, text, numbers, time, label, severity, files.toArray(String[]::new), fileOf, line);
    }

    /** A byte window and the complete records cut from it; two of them take turns (one read while the other is parsed). */
    private static final class Window {
        byte[] buf;
        int records;
        int[] recStart = new int[1 << 12];
        int[] recEnd = new int[1 << 12];
        long[] recLine = new long[1 << 12];
        byte[] recFlags = new byte[1 << 12];
        // the parse in flight
        String file;
        int[] target;
        Chunk chunk;
        RowProblem[] bad;
        Future<?> first, second;

        Window(int size) {
            buf = new byte[size];
        }

        void addRecord(int start, int end, long line, int flags) {
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
    }

    private void readFile(String file, FileChannel ch) throws IOException, BadInputException {
        int size = (int) Math.min(window, Math.max(1024, ch.size() + 1));
        Window w = new Window(size), spare = null, pending = null;
        int len = 0;
        boolean eof = false;
        long line = 1;
        boolean header = true;
        int[] target = null;
        try {
            while (true) {
                byte[] buf = w.buf;
                int carry = len;
                try {
                    // fill the window after the bytes carried over
                    while (len < buf.length && !eof) {
                        int r = ch.read(ByteBuffer.wrap(buf, len, buf.length - len));
                        if (r < 0) eof = true;
                        else {
                            len += r;
                            bytesRead += r;
                        }
                    }
                    // cut it into records; the last incomplete one is carried over to the next window
                    w.records = 0;
                    int p = 0;
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
                            w.addRecord(s, end, startLine, flags);
                        }
                        if (p >= len) {
                            carry = len;
                            break;
                        }
                    }
                    if (header && eof) {
                        reader.header(file, null); // throws: empty file
                    }
                } catch (IOException | BadInputException | RuntimeException | Error e) {
                    // a bad row before this point comes first
                    if (pending != null) finish(pending);
                    throw e;
                }
                if (pending != null) {
                    finish(pending);
                    spare = pending;
                    pending = null;
                }
                if (w.records > 0) {
                    start(w, file, target);
                    pending = w;
                }
                if (eof && carry >= len) break;
                // carry the incomplete record over into the other window; grow it when one record fills a window
                int rest = len - carry;
                Window next = pending == null ? w : spare != null ? spare : new Window(buf.length);
                spare = null;
                if (next.buf.length < buf.length) next.buf = new byte[buf.length];
                if (rest == buf.length) {
                    if (buf.length >= Integer.MAX_VALUE - 16) throw new IOException(file + ": a record longer than 2 GB");
                    next.buf = Arrays.copyOf(next.buf, (int) Math.min(Integer.MAX_VALUE - 16, 2L * buf.length));
                }
                System.arraycopy(buf, carry, next.buf, 0, rest);
                len = rest;
                w = next;
            }
            if (pending != null) {
                Window last = pending;
                pending = null;
                finish(last);
            }
        } finally {
            if (pending != null) {
                // an exception left a parse in flight: let it end before its window is dropped
                try {
                    pending.first.get();
                    pending.second.get();
                } catch (InterruptedException | ExecutionException ignored) {
                    if (Thread.interrupted()) Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** A record's text as Csv.RecordReader gives it (line breaks inside it read as \n). */
    private static String recordText(byte[] buf, int s, int end, int flags) throws IOException {
        String text = new String(buf, s, end - s, StandardCharsets.UTF_8);
        if ((flags & MULTI_LINE) == 0) return text;
        String r = new Csv.RecordReader(new BufferedReader(new StringReader(text))).next();
        return r == null ? "" : r;
    }

    /** Starts parsing the records of a window on the two pool threads. */
    private void start(Window w, String file, int[] target) {
        int n = w.records;
        ensure(n, n == 0 ? 0 : (long) w.recEnd[n - 1] * 1000 / n);
        Chunk k = new Chunk();
        k.base = size;
        k.size = n;
        k.text = text;
        k.numbers = numbers;
        k.time = time;
        k.label = label;
        k.severity = severity;
        k.line = line;
        System.arraycopy(w.recLine, 0, line, size, n);
        w.file = file;
        w.target = target;
        w.chunk = k;
        w.bad = new RowProblem[n];
        if (pool == null) {
            pool = Executors.newFixedThreadPool(2, r -> {
                Thread th = new Thread(r, "csv-parse");
                th.setDaemon(true);
                return th;
            });
        }
        int half = n / 2;
        w.first = pool.submit(() -> {
            parseRange(states[0], w, 0, half);
            return null;
        });
        w.second = pool.submit(() -> {
            parseRange(states[1], w, half, n);
            return null;
        });
    }

    /** Waits for a window's parse and takes its rows and problems in file order. */
    private void finish(Window w) throws IOException, BadInputException {
        try {
            w.first.get();
            w.second.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof RuntimeException re) throw re;
            if (t instanceof Error er) throw er;
            throw new IllegalStateException(t);
        }
        Chunk k = w.chunk;
        RowProblem[] bad = w.bad;
        w.chunk = null;
        w.bad = null;
        int n = k.size;
        int good = 0;
        for (int r = 0; r < n; r++) {
            if (bad[r] == null) {
                good++;
                continue;
            }
            if (onError == OnError.STOP) throw new BadInputException(bad[r]);
            problems.add(bad[r]);
        }
        if (good == 0) return;
        if (good < n) compact(k, bad, good);
        Integer fi = fileIndex.get(w.file);
        if (fi == null) {
            fi = files.size();
            files.add(w.file);
            fileIndex.put(w.file, fi);
        }
        Arrays.fill(fileOf, k.base, k.base + good, fi);
        size = k.base + good;
        if (sink != null) {
            // no parse is in flight here (the next window's starts after this returns): the arrays can be reused
            sink.accept(new Table(profile, size, text, numbers, time, label, severity, files.toArray(String[]::new), fileOf, line), bytesRead);
            size = 0;
        }
    }

    /** Leaves the bad rows of a window out, moving the good ones down in place. */
    private void compact(Chunk k, RowProblem[] bad, int good) {
        int n = k.size, base = k.base;
        for (int r = 0, i = base; r < n; r++) {
            if (bad[r] != null) continue;
            int from = base + r;
            if (from != i) {
                for (int c = 0; c < width; c++) {
                    if (text[c] != null) text[c][i] = text[c][from];
                    else numbers[c][i] = numbers[c][from];
                }
                time[i] = time[from];
                line[i] = line[from];
                label[i] = label[from];
                severity[i] = severity[from];
            }
            i++;
        }
        for (int c = 0; c < width; c++) if (text[c] != null) Arrays.fill(text[c], base + good, base + n, null);
        k.size = good;
    }

    /**
     * A per-thread cache of one column's values keyed by their bytes, so that a value seen before costs no new String
     * (for CATEGORY, COUNTRY and HS_CODE columns the cached value is the interned one). It gives up on a column when fewer
     * than a quarter of its first 65536 values repeat (on the 1M-row postal file: the addressee, not the sender).
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
                if (hashes[i] == h && (int) e == len && same(arena, o, buf, from, len)) {
                    hits++;
                    return values[i];
                }
            }
        }

        private int lastHash;

        private static boolean same(byte[] x, int o, byte[] y, int from, int len) {
            for (int i = 0; i < len; i++) if (x[o + i] != y[from + i]) return false;
            return true;
        }

        void put(byte[] buf, int from, int to, String value) {
            if (count >= MAX || off || used + (to - from) > 1 << 28) return;
            if (!judged && lookups >= 1 << 16) {
                judged = true;
                if (hits < lookups / 4) {
                    off = true; // too few values repeat: a new String costs less than missing the cache
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

    private void parseRange(ThreadState st, Window w, int from, int to) {
        String file = w.file;
        byte[] buf = w.buf;
        int[] target = w.target;
        Chunk k = w.chunk;
        RowProblem[] bad = w.bad;
        int[] recStart = w.recStart, recEnd = w.recEnd;
        long[] recLine = w.recLine;
        byte[] recFlags = w.recFlags;
        int n = target.length;
        TableReader.Row row = st.row;
        ByteCache[] caches = st.caches;
        int[] cut = st.cut.length > n ? st.cut : (st.cut = new int[n + 1]);
        row.reset(); // a window's records share a header: a good row sets all its columns, the others stay blank
        for (int r = from; r < to; r++) {
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
                if (k.text[c] != null) k.text[c][k.base + r] = row.tv[c];
                else k.numbers[c][k.base + r] = row.nv[c];
            }
            k.time[k.base + r] = row.time;
            k.label[k.base + r] = (byte) row.label;
            k.severity[k.base + r] = (byte) row.severity;
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
                        || (k == ColumnKind.PARTY)) caches[c] = new ByteCache();
            }
        }
    }

    private final ThreadState[] states;

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
                        if (cache == null) {
                            TableReader.applyField(kind, c, ascii(buf, a, b), interned, row);
                            break;
                        }
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
