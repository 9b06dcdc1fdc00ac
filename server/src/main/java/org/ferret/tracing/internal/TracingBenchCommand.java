package org.ferret.tracing.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.ferret.shared.EmbeddedDatabase;
import org.ferret.shared.BenchSubcommand;
import org.ferret.tracing.matching.Confusion;
import org.ferret.tracing.matching.MarkingIndex;
import org.ferret.tracing.matching.MarkingPattern;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferret bench tracing}: loads generated items into a bench table of the configured database (H2 file by
 * default; FERRET_DB_URL for PostgreSQL), builds the marking index from it the way the server does at start-up,
 * and times a fixed query set as the server runs it (fits with one edit included where the reading allows): two
 * unknown characters plus one confusion, one character dropped, inserted or substituted outside its class together
 * with two unknown or confused ones, exact readings, and runs. On PostgreSQL it runs the two-unknowns-one-confusion
 * readings as a {@code pg_trgm} similarity query, as a regular expression with the confusion classes and as a
 * {@code LIKE} query, all on the same trigram index, for comparison.
 */
@Command(name = "tracing", mixinStandardHelpOptions = true,
        description = "Marking search at scale: index build, query latency (median, p99) and recall; SQL peers on PostgreSQL.")
public class TracingBenchCommand implements BenchSubcommand {

    static final String TABLE = "tracing_bench_serial";

    @Option(names = "--items", defaultValue = "1000000", description = "generated items (default ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--queries", defaultValue = "2000", description = "timed queries per class (default ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--sql-queries", defaultValue = "200", description = "timed pg_trgm / regex / LIKE queries (default ${DEFAULT-VALUE})")
    int sqlQueries;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--reuse", description = "keep the bench table if it already holds --items rows")
    boolean reuse;

    @Option(names = "--no-sql", description = "skip the SQL comparison")
    boolean noSql;

    @Override
    public Integer call() throws Exception {
        String url = env("FERRET_DB_URL",
                EmbeddedDatabase.file(env("FERRET_DATA_DIR", "./data") + "/ferret-tracing-bench"));
        DriverManagerDataSource ds = new DriverManagerDataSource(url, env("FERRET_DB_USER", url.startsWith("jdbc:h2") ? "sa" : "postgres"),
                env("FERRET_DB_PASSWORD", ""));
        boolean pg = url.startsWith("jdbc:postgresql");
        System.out.printf("database: %s%nitems: %,d  queries per class: %,d  seed: %d  heap max: %,d MiB  cores: %d%n",
                url.replaceAll("password=[^;&]*", "password=…"), items, queries, seed,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        Generator gen = new Generator(seed);

        long t0 = System.nanoTime();
        boolean loaded = load(ds, gen, pg);
        if (loaded) {
            System.out.printf("load: %,d rows in %.1f s%n", items, secs(t0));
        }

        System.gc();
        long heap0 = usedHeap();
        t0 = System.nanoTime();
        MarkingIndex index = new MarkingIndex();
        ItemFacts facts = new ItemFacts();
        long n = IndexLoader.load(ds, "select item_id, kind, manufacturer, model, calibre, country, serial from " + TABLE,
                index, facts, c -> System.out.printf("  index: %,d serials …%n", c));
        double build = secs(t0);
        System.gc();
        System.out.printf("index build from the database: %,d serials in %.1f s, heap +%,d MiB%n", n, build,
                (usedHeap() - heap0) >> 20);

        List<Query> twoUnknownsOneConfusion = new ArrayList<>();
        List<Query> exact = new ArrayList<>();
        List<Query> runs = new ArrayList<>();
        Random r = new Random(seed ^ 0x5EED);
        while (twoUnknownsOneConfusion.size() < queries) {
            int row = r.nextInt(items);
            String serial = gen.serial(row);
            Query q = damage(row, serial, r);
            if (q != null) {
                twoUnknownsOneConfusion.add(q);
            }
        }
        List<List<Query>> edited = new ArrayList<>();
        for (Edit e : Edit.values()) {
            List<Query> qs = new ArrayList<>();
            Random er = new Random(seed ^ (0xED17L + e.ordinal()));
            for (int i = 0; i < queries; i++) {
                int row = er.nextInt(items);
                qs.add(edit(row, gen.serial(row), e, er));
            }
            edited.add(qs);
        }
        for (int i = 0; i < queries; i++) {
            int row = r.nextInt(items);
            String s = gen.serial(row);
            exact.add(new Query(row, s, s.toLowerCase().substring(0, 3) + "-" + s.substring(3)));
            runs.add(new Query(row, s, s.substring(0, 3) + "*" + s.substring(s.length() - 3)));
        }
        // warm up the JIT on queries outside the timed set
        for (int i = 0; i < Math.min(2000, queries); i++) {
            Query q = damage(r.nextInt(items), null, r);
            if (q != null) {
                index.search(MarkingPattern.parse(q.read(), false), f -> true, 20, true);
            }
            int row = r.nextInt(items);
            Query e = edit(row, gen.serial(row), Edit.values()[i % 3], r);
            index.search(MarkingPattern.parse(e.read(), false), f -> true, 20, true);
        }
        System.out.println();
        System.out.println("| query class | queries | median ms | p99 ms | max ms | recall (true record returned) | in top 20 | mean candidates |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        timeIndex("Ferret index: 2 unknown + 1 confused", twoUnknownsOneConfusion, index, gen);
        for (Edit e : Edit.values()) {
            timeIndex("Ferret index: " + e.label + " + 2 unknown or confused", edited.get(e.ordinal()), index, gen);
        }
        timeIndex("Ferret index: exact, other case/separators", exact, index, gen);
        timeIndex("Ferret index: first 3 * last 3", runs, index, gen);
        if (pg && !noSql) {
            sqlComparison(ds, twoUnknownsOneConfusion.subList(0, Math.min(sqlQueries, twoUnknownsOneConfusion.size())), gen);
        }
        return 0;
    }

    /** The true record (row) and what was read: two positions blanked, one confused. */
    record Query(int row, String serial, String read) {
    }

    private Query damage(int row, String serial, Random r) {
        if (serial == null) {
            serial = new Generator(seed).serial(row);
        }
        char[] c = serial.toCharArray();
        List<Integer> confusable = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            if (!Confusion.othersOf(c[i]).isEmpty()) {
                confusable.add(i);
            }
        }
        if (confusable.isEmpty() || c.length < 6) {
            return null;
        }
        int conf = confusable.get(r.nextInt(confusable.size()));
        String others = Confusion.othersOf(c[conf]);
        c[conf] = others.charAt(r.nextInt(others.length()));
        int a;
        int b;
        do {
            a = r.nextInt(c.length);
            b = r.nextInt(c.length);
        } while (a == b || a == conf || b == conf);
        c[a] = '?';
        c[b] = '?';
        return new Query(row, serial, new String(c));
    }

    /** The edit a reading suffers beside its two unreadable or confused characters. */
    enum Edit {
        DELETION("1 dropped"), INSERTION("1 inserted"), SUBSTITUTION("1 substituted outside its class");

        final String label;

        Edit(String label) {
            this.label = label;
        }
    }

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** One edit of the given kind, then two other positions each blanked with '?' or confused (when it can be). */
    static Query edit(int row, String serial, Edit edit, Random r) {
        StringBuilder sb = new StringBuilder(serial);
        java.util.Set<Integer> touched = new java.util.HashSet<>();
        switch (edit) {
            case DELETION -> sb.deleteCharAt(r.nextInt(sb.length()));
            case INSERTION -> {
                int at = r.nextInt(sb.length() + 1);
                sb.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                touched.add(at);
            }
            default -> {
                int at = r.nextInt(sb.length());
                char c;
                do {
                    c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
                } while (Confusion.canonical(c) == Confusion.canonical(sb.charAt(at)));
                sb.setCharAt(at, c);
                touched.add(at);
            }
        }
        for (int k = 0; k < 2; k++) {
            int at;
            do {
                at = r.nextInt(sb.length());
            } while (!touched.add(at));
            String others = Confusion.othersOf(sb.charAt(at));
            sb.setCharAt(at, !others.isEmpty() && r.nextBoolean() ? others.charAt(r.nextInt(others.length())) : '?');
        }
        return new Query(row, serial, sb.toString());
    }

    private void timeIndex(String label, List<Query> qs, MarkingIndex index, Generator gen) {
        long[] nanos = new long[qs.size()];
        int found = 0;
        int top = 0;
        long cands = 0;
        for (int i = 0; i < qs.size(); i++) {
            Query q = qs.get(i);
            UUID want = gen.item(q.row());
            long s = System.nanoTime();
            MarkingIndex.Result res = index.search(MarkingPattern.parse(q.read(), false), f -> true, Integer.MAX_VALUE, true);
            nanos[i] = System.nanoTime() - s;
            cands += res.total();
            int rank = -1;
            for (int k = 0; k < res.hits().size(); k++) {
                if (res.hits().get(k).item().equals(want)) {
                    rank = k;
                    break;
                }
            }
            if (rank >= 0) {
                found++;
                if (rank < 20) {
                    top++;
                }
            }
        }
        row(label, nanos, found, top, (double) cands / qs.size());
    }

    private void sqlComparison(DataSource ds, List<Query> qs, Generator gen) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("create extension if not exists pg_trgm");
            boolean hasIndex;
            try (ResultSet rs = st.executeQuery("select count(*) from pg_indexes where indexname = '" + TABLE + "_trgm'")) {
                rs.next();
                hasIndex = rs.getLong(1) > 0;
            }
            if (!hasIndex) {
                long t0 = System.nanoTime();
                st.execute("create index " + TABLE + "_trgm on " + TABLE + " using gin (serial gin_trgm_ops)");
                st.execute("analyze " + TABLE);
                System.out.printf("%n(pg_trgm GIN index built in %.1f s)%n", secs(t0));
            }
        }
        String trgm = "select item_id from " + TABLE + " where serial % ? order by similarity(serial, ?) desc limit 20";
        String like = "select item_id from " + TABLE + " where serial like ? limit 20";
        String regex = "select item_id from " + TABLE + " where serial ~ ? limit 200";
        // measured alternately, a pair of queries at a time, so that load on the shared machine falls on all alike
        List<Query> first = new ArrayList<>();
        List<Query> second = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            (i % 2 == 0 ? first : second).add(qs.get(i));
        }
        for (List<Query> half : List.of(first, second)) {
            System.out.println("| (half " + (half == first ? 1 : 2) + " of the readings) | | | | | | | |");
            timeSql(ds, "pg_trgm similarity (reading without '?', default threshold 0.3), top 20", trgm, half, gen, Sql.TRGM);
            timeSql(ds, "SQL regex with the confusion classes, '.' for '?' (trigram index), up to 200", regex, half, gen, Sql.REGEX);
            timeSql(ds, "SQL LIKE with '_' for '?' (trigram index)", like, half, gen, Sql.LIKE);
        }
    }

    enum Sql { TRGM, REGEX, LIKE }

    /** The reading as an anchored regular expression: each character by its confusion class, '?' as any one. */
    static String regex(String read) {
        String s = read.toUpperCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder("^");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '?') {
                sb.append('.');
            } else if (Character.isLetterOrDigit(c)) {
                String cls = Confusion.othersOf(c);
                sb.append(cls.isEmpty() ? String.valueOf(c) : "[" + c + cls + "]");
            }
        }
        return sb.append('$').toString();
    }

    private void timeSql(DataSource ds, String label, String sql, List<Query> qs, Generator gen, Sql kind)
            throws SQLException {
        boolean trgm = kind == Sql.TRGM;
        long[] nanos = new long[qs.size()];
        int found = 0;
        long cands = 0;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < qs.size(); i++) {
                Query q = qs.get(i);
                String read = Confusion.normaliseSerial(q.read().replace("?", trgm ? "" : "_")) ;
                if (kind == Sql.LIKE) {
                    read = q.read().replace('?', '_');
                } else if (kind == Sql.REGEX) {
                    read = regex(q.read());
                }
                ps.setString(1, read);
                if (trgm) {
                    ps.setString(2, read);
                }
                UUID want = gen.item(q.row());
                long s = System.nanoTime();
                boolean hit = false;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cands++;
                        hit |= want.equals(rs.getObject(1, UUID.class));
                    }
                }
                nanos[i] = System.nanoTime() - s;
                if (hit) {
                    found++;
                }
            }
        }
        row(label, nanos, found, found, (double) cands / qs.size());
    }

    private static void row(String label, long[] nanos, int found, int top, double cands) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2] / 1e6;
        double p99 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
        double max = sorted[sorted.length - 1] / 1e6;
        System.out.printf("| %s | %d | %.3f | %.3f | %.3f | %.1f %% | %.1f %% | %.1f |%n", label, nanos.length, median, p99,
                max, 100.0 * found / nanos.length, 100.0 * top / nanos.length, cands);
    }

    private boolean load(DataSource ds, Generator gen, boolean pg) throws SQLException, java.io.IOException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = c.getMetaData().getTables(null, null, TABLE, null)) {
                exists = rs.next();
            }
            if (exists && reuse) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + TABLE)) {
                    rs.next();
                    if (rs.getLong(1) == items) {
                        System.out.println("load: reusing the bench table (" + items + " rows)");
                        return false;
                    }
                }
            }
            st.execute("drop table if exists " + TABLE);
            st.execute("create table " + TABLE + " (row_no integer primary key, item_id uuid not null, kind varchar(30),"
                    + " manufacturer varchar(200), model varchar(200), calibre varchar(40), country varchar(2),"
                    + " serial varchar(40) not null)");
            c.setAutoCommit(false);
            if (pg) {
                copy(c, gen);
            } else {
                // H2 reads a CSV file far faster than row-by-row inserts
                java.nio.file.Path csv = java.nio.file.Files.createTempFile("ferret-tracing-bench-", ".csv");
                try {
                    try (var w = java.nio.file.Files.newBufferedWriter(csv)) {
                        for (int i = 0; i < items; i++) {
                            String[] a = gen.attributes(i);
                            w.write(i + "," + gen.item(i) + "," + a[0] + ",\"" + a[1] + "\"," + a[2] + ",\"" + a[3] + "\","
                                    + a[4] + "," + gen.serial(i) + "\n");
                        }
                    }
                    st.execute("insert into " + TABLE + " select * from csvread('" + csv.toAbsolutePath()
                            + "', 'row_no,item_id,kind,manufacturer,model,calibre,country,serial', 'charset=UTF-8')");
                } finally {
                    java.nio.file.Files.deleteIfExists(csv);
                }
            }
            c.commit();
            c.setAutoCommit(true);
            return true;
        }
    }

    private void copy(Connection c, Generator gen) throws SQLException {
        try {
            var copy = new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class));
            var in = copy.copyIn("copy " + TABLE + " from stdin with (format csv)");
            StringBuilder sb = new StringBuilder(1 << 20);
            for (int i = 0; i < items; i++) {
                String[] a = gen.attributes(i);
                sb.append(i).append(',').append(gen.item(i)).append(',').append(a[0]).append(',').append(a[1]).append(',')
                        .append(a[2]).append(',').append(a[3]).append(',').append(a[4]).append(',').append(gen.serial(i))
                        .append('\n');
                if (sb.length() > (1 << 20) - 200) {
                    byte[] b = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    in.writeToCopy(b, 0, b.length);
                    sb.setLength(0);
                }
                if (i % 1_000_000 == 999_999) {
                    System.out.printf("  loaded %,d …%n", i + 1);
                }
            }
            byte[] b = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            in.writeToCopy(b, 0, b.length);
            in.endCopy();
        } catch (SQLException e) {
            throw e;
        }
    }

    /**
     * Deterministic synthetic registry: serial formats seen on firearms (three letters and five digits; digits only;
     * two letters, six digits and a letter; four letters and four digits), row by row from the seed.
     */
    static final class Generator {
        static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        static final String[][] MAKES = {{"PISTOL", "Glock", "17", "9x19mm", "AT"}, {"PISTOL", "Sig Sauer", "P226", "9x19mm", "DE"},
                {"REVOLVER", "Smith & Wesson", "686", ".357 Magnum", "US"}, {"RIFLE", "Sako", "85", ".308 Win", "FI"},
                {"SHOTGUN", "Beretta", "686", "12 gauge", "IT"}, {"RIFLE", "Kalashnikov", "AKM", "7.62x39mm", "RU"},
                {"FRAME", "Glock", "19", "9x19mm", "AT"}, {"SLIDE", "CZ", "75", "9x19mm", "CZ"},
                {"BARREL", "Tikka", "T3x", ".308 Win", "FI"}, {"RECEIVER", "Colt", "AR-15", "5.56x45mm", "US"}};
        final long seed;

        Generator(long seed) {
            this.seed = seed;
        }

        private Random rnd(int row) {
            return new Random(seed * 0x9E3779B97F4A7C15L + row * 0xBF58476D1CE4E5B9L);
        }

        UUID item(int row) {
            Random r = rnd(row);
            return new UUID(r.nextLong() ^ 0x5555L, row);
        }

        String[] attributes(int row) {
            return MAKES[Math.floorMod(Long.hashCode(seed) + row * 7, MAKES.length)];
        }

        String serial(int row) {
            Random r = rnd(row);
            r.nextLong();
            StringBuilder sb = new StringBuilder(12);
            int format = r.nextInt(10);
            if (format < 4) {
                letters(sb, r, 3);
                digits(sb, r, 5);
            } else if (format < 7) {
                digits(sb, r, 6 + r.nextInt(4));
            } else if (format < 9) {
                letters(sb, r, 2);
                digits(sb, r, 6);
                letters(sb, r, 1);
            } else {
                letters(sb, r, 4);
                digits(sb, r, 4);
            }
            return sb.toString();
        }

        private static void letters(StringBuilder sb, Random r, int n) {
            for (int i = 0; i < n; i++) {
                sb.append(LETTERS.charAt(r.nextInt(26)));
            }
        }

        private static void digits(StringBuilder sb, Random r, int n) {
            for (int i = 0; i < n; i++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
        }
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
