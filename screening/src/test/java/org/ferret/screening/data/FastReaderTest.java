package org.ferret.screening.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.screening.TestTables.POSTAL_HEADER;
import static org.ferret.screening.TestTables.postalRow;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.profile.Profiles;
import org.ferret.screening.synth.PostalGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte-window reader against the line-by-line one: same tables, same problems, same first error. */
class FastReaderTest {
    @TempDir
    Path dir;

    private static final int[] WINDOWS = {1, 2, 3, 5, 8, 13, 64, 100, 257, 1000, 4096, FastReader.DEFAULT_WINDOW};

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    /** Reads with both paths, in both error modes and with many window sizes, and asserts the same outcome. */
    static void same(Profile p, List<Path> files, int... windows) throws Exception {
        for (OnError mode : OnError.values()) {
            TableReader reader = new TableReader(p, mode);
            Object expected = outcome(() -> reader.readByLines(files));
            for (int w : windows) {
                Object got = outcome(() -> reader.read(files, w));
                if (expected instanceof String s) {
                    assertThat(got).as("mode %s window %d", mode, w).isEqualTo(s);
                } else {
                    assertThat(got).as("mode %s window %d: %s", mode, w, got).isInstanceOf(TableReader.Result.class);
                    TableReader.Result e = (TableReader.Result) expected, g = (TableReader.Result) got;
                    assertThat(g.problems()).as("mode %s window %d", mode, w).isEqualTo(e.problems());
                    assertSameTable(g.table(), e.table());
                }
            }
        }
    }

    interface Read {
        TableReader.Result run() throws Exception;
    }

    private static Object outcome(Read r) throws Exception {
        try {
            return r.run();
        } catch (BadInputException e) {
            return "BadInput " + e.problems();
        }
    }

    static void assertSameTable(Table got, Table expected) {
        assertThat(got.size()).isEqualTo(expected.size());
        int columns = expected.profile().columns().size();
        for (int r = 0; r < expected.size(); r++) {
            for (int c = 0; c < columns; c++) {
                assertThat(got.isNumeric(c)).isEqualTo(expected.isNumeric(c));
                if (expected.isNumeric(c)) {
                    assertThat(Double.doubleToRawLongBits(got.number(c, r))).as("row %d column %d: %s vs %s", r, c, got.number(c, r), expected.number(c, r))
                            .isEqualTo(Double.doubleToRawLongBits(expected.number(c, r)));
                } else {
                    assertThat(got.text(c, r)).as("row %d column %d", r, c).isEqualTo(expected.text(c, r));
                }
            }
            assertThat(got.epochSecond(r)).isEqualTo(expected.epochSecond(r));
            assertThat(got.label(r)).isEqualTo(expected.label(r));
            assertThat(got.severity(r)).isEqualTo(expected.severity(r));
            assertThat(got.sourceFile(r)).isEqualTo(expected.sourceFile(r));
            assertThat(got.sourceLine(r)).isEqualTo(expected.sourceLine(r));
        }
    }

    @Test
    void generated_postal_rows_and_a_kcs_file_read_as_before() throws Exception {
        StringWriter w = new StringWriter();
        new PostalGenerator(7, 3000).write(w);
        Path postal = file("postal.csv", w.toString());
        Path postal2 = file("postal2.csv", w.toString().replace("\n", "\r\n"));
        same(Profiles.POSTAL, List.of(postal, postal2), 1000, 4096, 65536, FastReader.DEFAULT_WINDOW);
        Path kcs = Path.of("/work/shared/data/customs-kcs/valid.csv");
        if (Files.exists(kcs)) same(Profiles.KCS, List.of(kcs), 4096, 100_000, FastReader.DEFAULT_WINDOW);
        TableReader.Result r = new TableReader(Profiles.POSTAL, OnError.STOP).read(List.of(postal));
        assertThat(r.table().size()).isEqualTo(3000);
    }

    @Test
    void tricky_records_read_as_before_across_window_boundaries() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add(postalRow("RR1", "2026-01-05T10:00:00Z", "description", "\"bag, \"\"red\"\"\nwith a\r\nline break\"", "declared_value", "0.1"));
        rows.add("");
        rows.add(postalRow("RR2", "2026-01-05", "description", "café ünïcödé 日本", "net_weight_kg", "-0", "declared_value", "123456789012345678"));
        rows.add(postalRow("RR3", "2026-01-05", "net_weight_kg", ".5", "gross_weight_kg", "+3", "declared_value", "1e5", "quantity", " 7 "));
        rows.add(postalRow("RR4", "2026-01-05", "declared_value", "1e400"));
        rows.add(postalRow("RR5", "2026-01-05", "declared_value", "0x10", "quantity", "5.", "net_weight_kg", "+NaN"));
        rows.add(postalRow("RR6", "2026-01-05", "declared_value", "9007199254740993", "net_weight_kg", "0.30000000000000004"));
        rows.add(postalRow("RR6b", "2026-01-05", "net_weight_kg", "1.7976931348623157e308", "quantity", "0.5")); // in no column's range
        rows.add(postalRow("RR7", "2026-01-05", "declared_value", "abc"));
        rows.add(postalRow("RR8", "2026-01-05", "declared_value", "-", "quantity", "."));
        rows.add(postalRow("RR9", "2026-02-30"));
        rows.add(postalRow("", "2026-01-05"));
        rows.add(postalRow("RR10", ""));
        rows.add(postalRow("RR11", "2026-01-05", "origin", "usa"));
        rows.add(postalRow("RR12", "2026-01-05", "hs_code", "8708.99", "origin", " CN "));
        rows.add(postalRow("RR13", "2026-01-05", "hs_code", "87x"));
        rows.add(postalRow("RR14", "2026-01-05", "seized", "1", "severity", "0"));
        rows.add(postalRow("RR15", "2026-01-05", "seized", "0", "severity", "2"));
        rows.add(postalRow("RR16", "2026-01-05", "seized", "", "severity", "2.0"));
        rows.add(postalRow("RR17", "2026-01-05", "seized", "yes"));
        rows.add(postalRow("RR18", "2026-01-05") + ",extra");
        rows.add(postalRow("RR19", "2026-01-05", "description", "\"a\"b"));
        rows.add(postalRow("RR20", "2026-01-05", "description", "x\"y"));
        rows.add(postalRow("RR21", "2026-01-05", "description", "\u00a0nbsp\u2003", "sender", "\t s \u001f"));
        rows.add(postalRow("RR22", "2026-01-05", "description", "\"\"", "quantity", "\"4\""));
        rows.add("\r");
        rows.add(postalRow("RR23", "2026-01-05T10:00:00+02:00", "seized", "1.0", "severity", "1"));
        String body = String.join("\n", rows);
        String[] variants = {
            POSTAL_HEADER + "\n" + body + "\n",
            "\uFEFF" + POSTAL_HEADER + "\r\n" + body.replace("\n", "\r\n") + "\r\n",
            POSTAL_HEADER + "\r" + body.replace("\n", "\r"),
            POSTAL_HEADER + "\n" + body + "\n\n" + postalRow("RR99", "2026-01-05", "description", "\"never closed\n\n"),
            POSTAL_HEADER + "\n" + body + "\n" + postalRow("RR98", "2026-01-05", "description", "\"never closed"),
        };
        for (String v : variants) {
            Path f = file("tricky.csv", v);
            TableReader.Result r = new TableReader(Profiles.POSTAL, OnError.SKIP_AND_REPORT).read(List.of(f), 64);
            assertThat(r.table().size()).isGreaterThanOrEqualTo(5);
            assertThat(r.problems().size()).isGreaterThanOrEqualTo(12);
            same(Profiles.POSTAL, List.of(f), WINDOWS);
        }
    }

    @Test
    void header_problems_empty_and_missing_files_as_before() throws Exception {
        String[] texts = {"", "\n", "\r\n", POSTAL_HEADER, POSTAL_HEADER + "\n", POSTAL_HEADER.replace("item_id", "itemid") + "\n",
            POSTAL_HEADER + ",origin\n", POSTAL_HEADER.replace("item_id,", "") + "\n", "\"item_id" + "\n",
            "\uFEFF" + POSTAL_HEADER.replace(",", " , ") + "\n" + postalRow("RR1", "2026-01-05") + "\n"};
        for (String t : texts) same(Profiles.POSTAL, List.of(file("h.csv", t)), WINDOWS);
        Path good = file("good.csv", POSTAL_HEADER + "\n" + postalRow("RR1", "2026-01-05") + "\n");
        Path bad = file("bad.csv", POSTAL_HEADER + "\n" + postalRow("RR2", "2026-01-05", "quantity", "x") + "\n" + postalRow("RR3", "2026-01-05") + "\n");
        same(Profiles.POSTAL, List.of(good, bad, good, dir.resolve("nope.csv")), WINDOWS);
        same(Profiles.POSTAL, List.of(good, bad, good), WINDOWS);
    }

    @Test
    void files_with_different_headers_keep_the_blanks_of_their_missing_columns() throws Exception {
        Path full = file("full.csv", POSTAL_HEADER + "\n" + postalRow("RR1", "2026-01-05", "seized", "1", "severity", "2") + "\n");
        String row = postalRow("RR2", "2026-01-06", "seized", "1", "severity", "2");
        row = row.substring(0, row.lastIndexOf(','));
        row = row.substring(0, row.lastIndexOf(','));
        String header = POSTAL_HEADER.substring(0, POSTAL_HEADER.lastIndexOf(",seized"));
        Path shortOne = file("short.csv", header + "\n" + row + "\n" + row.replace("RR2", "RR3") + "\n");
        same(Profiles.POSTAL, List.of(full, shortOne, full), 64, FastReader.DEFAULT_WINDOW);
        Table t = new TableReader(Profiles.POSTAL, OnError.STOP).read(List.of(full, shortOne)).table();
        assertThat(t.text(t.require("seized"), 1)).isEmpty();
        assertThat(t.label(1)).isEqualTo(-1);
    }

    @Test
    void randomly_damaged_records_read_as_before() throws Exception {
        SplittableRandom rnd = new SplittableRandom(42);
        String alphabet = ",\"\n\r .-+e0123456789aZé\t";
        for (int t = 0; t < 150; t++) {
            StringBuilder sb = new StringBuilder(POSTAL_HEADER).append('\n');
            int rows = 1 + rnd.nextInt(8);
            for (int r = 0; r < rows; r++) {
                StringBuilder row = new StringBuilder(postalRow("RR" + r, "2026-01-05T10:00:0" + r + "Z", "declared_value", "12.5", "description", "a b"));
                int damage = rnd.nextInt(4);
                for (int d = 0; d < damage; d++) {
                    int at = rnd.nextInt(row.length() + 1);
                    if (rnd.nextBoolean() && at < row.length()) row.deleteCharAt(at);
                    else row.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
                sb.append(row).append(rnd.nextInt(5) == 0 ? "\r\n" : "\n");
            }
            Path f = file("r.csv", sb.toString());
            same(Profiles.POSTAL, List.of(f), 1, 7, 64, 4096);
        }
    }

    @Test
    void the_number_fast_path_agrees_with_parse_double() {
        SplittableRandom rnd = new SplittableRandom(1);
        String[] fixed = {"0", "-0", "0.1", ".5", "5.", "+3", "123456789012345678", "9007199254740992", "9007199254740993", "0.000000000000000000001",
            "0.0000000000000000000001", "1.7976931348623157", "4.35", "2.675", "-12.50"};
        List<String> all = new ArrayList<>(List.of(fixed));
        for (int i = 0; i < 20000; i++) {
            StringBuilder s = new StringBuilder();
            if (rnd.nextInt(4) == 0) s.append('-');
            int digits = 1 + rnd.nextInt(18);
            int dot = rnd.nextInt(digits + 1);
            for (int d = 0; d < digits; d++) {
                if (d == dot) s.append('.');
                s.append((char) ('0' + rnd.nextInt(10)));
            }
            all.add(s.toString());
        }
        for (String s : all) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            double fast = FastReader.number(b, 0, b.length);
            if (fast == fast) assertThat(Double.doubleToRawLongBits(fast)).as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
    }
}
