package org.ferret.screening.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.screening.cli.ScreenCliGoldenTest.resource;
import static org.ferret.screening.cli.ScreenCliGoldenTest.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ferret.screening.cli.ScreenCliGoldenTest.Run;
import org.ferret.screening.data.Csv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code screen score} on bad input, bad options and hostile values: a clear error with its exit code, never a stack trace. */
class ScoreCommandBadInputTest {
    @TempDir
    static Path dir;

    static Path model;
    static List<String> test;

    @BeforeAll
    static void train() throws Exception {
        model = dir.resolve("m.model");
        Run r = run("train", "--quiet", "--profile", "postal", "--data", resource("/fixtures/postal-train.csv").toString(), "--model", model.toString(),
                "--rounds", "5");
        assertThat(r.exit()).as(r.err()).isZero();
        test = Files.readAllLines(resource("/fixtures/postal-test.csv"), StandardCharsets.UTF_8).subList(0, 4);
    }

    /** The first three declarations of the test fixture, with field {@code field} of the second one set to {@code value}. */
    static Path withField(String name, String field, String value) throws Exception {
        List<String> header = Csv.split(test.get(0));
        List<String> row = new ArrayList<>(Csv.split(test.get(2)));
        row.set(header.indexOf(field), value);
        Path p = dir.resolve(name);
        Files.write(p, List.of(test.get(0), test.get(1), Csv.join(row), test.get(3)), StandardCharsets.UTF_8);
        return p;
    }

    static Run score(Path data, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("score", "--quiet", "--model", model.toString(), "--data", data.toString(), "--out", out.toString()));
        args.addAll(Arrays.asList(more));
        return run(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "declared_value | 1e308 | number out of range: 1e308 (at most 1e18)",
            "declared_value | -5    | expected a number of at least 0, got -5",
            "net_weight_kg  | -0.2  | expected a number of at least 0, got -0.2",
            "quantity       | -2    | expected a whole number of at least 1, got -2",
            "quantity       | 0     | expected a whole number of at least 1, got 0",
            "quantity       | 2.5   | expected a whole number, got 2.5"})
    void a_number_outside_what_its_column_can_hold_stops_the_run_naming_line_and_field(String field, String value, String expected) throws Exception {
        Path data = withField("bad-" + field + value + ".csv", field, value);
        Path out = dir.resolve("s-" + field + value + ".csv");
        Run r = score(data, out);
        assertThat(r.exit()).isEqualTo(Common.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + data + ":3: field '" + field + "': " + expected);
        assertThat(out).doesNotExist();
    }

    @Test
    void a_truncated_model_file_is_bad_input_naming_the_file() throws Exception {
        byte[] whole = Files.readAllBytes(model);
        for (int length : new int[] {0, 20, whole.length / 3, 2 * whole.length / 3}) {
            Path cut = dir.resolve("cut-" + length + ".model");
            Files.write(cut, Arrays.copyOf(whole, length));
            Run r = run("score", "--quiet", "--model", cut.toString(), "--data", resource("/fixtures/postal-test.csv").toString(),
                    "--out", dir.resolve("cut.csv").toString());
            assertThat(r.exit()).as("model cut to %d bytes: %s", length, r.err()).isEqualTo(Common.BAD_INPUT);
            assertThat(r.err()).startsWith("error: " + cut + ": ").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void an_out_file_that_cannot_be_written_exits_3_before_anything_is_read() throws Exception {
        Path data = resource("/fixtures/postal-test.csv");
        Run noDir = score(data, dir.resolve("no-such-dir").resolve("s.csv"));
        assertThat(noDir.exit()).isEqualTo(Common.CANNOT_WRITE);
        assertThat(noDir.err().strip()).isEqualTo("error: cannot write " + dir.resolve("no-such-dir").resolve("s.csv") + ": no such directory "
                + dir.resolve("no-such-dir"));
        Run isDir = score(data, dir);
        assertThat(isDir.exit()).isEqualTo(Common.CANNOT_WRITE);
        assertThat(isDir.err().strip()).isEqualTo("error: cannot write " + dir + ": it is a directory");
    }

    @Test
    void zero_threads_is_a_usage_error() throws Exception {
        Run r = score(resource("/fixtures/postal-test.csv"), dir.resolve("t.csv"), "--threads", "0");
        assertThat(r.exit()).isEqualTo(Common.USAGE);
        assertThat(r.err()).startsWith("Invalid value for option '--threads': expected at least 1 thread, got 0");
    }

    @Test
    void a_drop_pattern_that_is_not_a_regular_expression_is_a_usage_error() throws Exception {
        String data = resource("/fixtures/postal-test.csv").toString();
        Run r = run("evaluate", "--quiet", "--profile", "postal", "--train", data, "--test", data, "--out", dir.resolve("e.csv").toString(),
                "--drop-features", "rate(");
        assertThat(r.exit()).isEqualTo(Common.USAGE);
        assertThat(r.err()).startsWith("Invalid value for option '--drop-features': not a regular expression: Unclosed group");
    }

    @Test
    void an_item_id_a_spreadsheet_would_run_as_a_formula_is_written_with_a_leading_quote() throws Exception {
        Path data = withField("formula.csv", "item_id", "=cmd|' /C calc'!A0");
        Path out = dir.resolve("formula-scores.csv");
        Run r = score(data, out);
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(2)).startsWith("\"'=cmd|' /C calc'!A0\",");
        assertThat(Csv.split(lines.get(2)).get(0)).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(Csv.split(lines.get(1)).get(0)).isEqualTo(Csv.split(test.get(1)).get(0)); // an ordinary id is as it was
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"=1+1 | `\"'=1+1\"`", "+44 20 | `\"'+44 20\"`", "-2 | `\"'-2\"`", "@SUM(A1) | `\"'@SUM(A1)\"`",
            "`\t1` | `\"'\t1\"`", "`\r1` | `\"'\r1\"`", "a=1 | a=1", "`a,b` | `\"a,b\"`", "`x\"y` | `\"x\"\"y\"`"})
    void cells_starting_with_a_formula_character_are_neutralised_and_others_kept(String cell, String written) {
        StringBuilder sb = new StringBuilder();
        ScoresCsv.appendCell(sb, cell);
        assertThat(sb.toString()).isEqualTo(written);
    }
}
