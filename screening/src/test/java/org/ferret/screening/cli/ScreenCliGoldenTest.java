package org.ferret.screening.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferret.screening.data.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the CLI on the committed fixtures and compares with committed golden output. If a deliberate change
 * alters the output, regenerate the golden files with the commands in src/test/resources/golden/README.md.
 */
class ScreenCliGoldenTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new ScreenCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Path resource(String name) throws Exception {
        return Path.of(ScreenCliGoldenTest.class.getResource(name).toURI());
    }

    @Test
    void evaluate_on_the_fixture_writes_the_golden_scores_and_metrics() throws Exception {
        Path out = dir.resolve("scores.csv");
        Run r = run("evaluate", "--quiet", "--profile", "postal", "--train", resource("/fixtures/postal-train.csv").toString(),
                "--test", resource("/fixtures/postal-test.csv").toString(), "--out", out.toString(), "--rounds", "60");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> got = Files.readAllLines(out, StandardCharsets.UTF_8);
        List<String> golden = Files.readAllLines(resource("/golden/evaluate-postal-scores.csv"), StandardCharsets.UTF_8);
        assertThat(got.get(0)).isEqualTo("item_id,score,reasons,critical_score");
        assertThat(got).hasSameSizeAs(golden);
        for (int i = 1; i < got.size(); i++) {
            List<String> g = Csv.split(got.get(i)), e = Csv.split(golden.get(i));
            assertThat(g.get(0)).isEqualTo(e.get(0));
            assertThat(Double.parseDouble(g.get(1))).as("score of %s", g.get(0)).isCloseTo(Double.parseDouble(e.get(1)), org.assertj.core.data.Offset.offset(1e-5));
            assertThat(g.get(2)).as("reasons of %s", g.get(0)).isEqualTo(e.get(2));
        }
        String metrics = r.out().substring(r.out().indexOf("ranked by fraud risk:"));
        assertThat(metrics).isEqualTo(Files.readString(resource("/golden/evaluate-postal-metrics.txt")));
        assertThat(Files.readString(dir.resolve("scores.csv.provenance"))).startsWith("scored by model postal-").contains("rule pack postal-firearms 2026.11.28+w");
    }

    @Test
    void train_then_score_gives_the_same_scores_as_evaluate() throws Exception {
        Path model = dir.resolve("m.model"), a = dir.resolve("a.csv"), b = dir.resolve("b.csv");
        String train = resource("/fixtures/postal-train.csv").toString(), test = resource("/fixtures/postal-test.csv").toString();
        assertThat(run("train", "--quiet", "--profile", "postal", "--data", train, "--model", model.toString(), "--rounds", "30").exit()).isZero();
        Run s = run("score", "--quiet", "--model", model.toString(), "--data", test, "--out", a.toString());
        assertThat(s.exit()).as(s.err()).isZero();
        assertThat(run("evaluate", "--quiet", "--profile", "postal", "--train", train, "--test", test, "--out", b.toString(), "--rounds", "30").exit()).isZero();
        assertThat(Files.readAllLines(a)).isEqualTo(Files.readAllLines(b));
    }

    @Test
    void generate_is_deterministic_and_matches_the_golden_file() throws Exception {
        Path out = dir.resolve("g.csv");
        assertThat(run("generate", "--profile", "postal", "--rows", "12", "--seed", "1", "--out", out.toString()).exit()).isZero();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(resource("/fixtures/generate-12-seed1.csv")));
    }

    @Test
    void a_bad_number_stops_the_run_with_exit_1_naming_file_line_and_field() throws Exception {
        Path bad = dir.resolve("bad.csv");
        List<String> lines = Files.readAllLines(resource("/fixtures/postal-test.csv")).subList(0, 4);
        List<String> f = new java.util.ArrayList<>(Csv.split(lines.get(2)));
        f.set(12, "heavy");
        Files.write(bad, List.of(lines.get(0), lines.get(1), Csv.join(f), lines.get(3)));
        Path model = dir.resolve("m.model");
        run("train", "--quiet", "--profile", "postal", "--data", resource("/fixtures/postal-train.csv").toString(), "--model", model.toString(), "--rounds", "5");
        Run r = run("score", "--model", model.toString(), "--data", bad.toString(), "--out", dir.resolve("s.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: " + bad + ":3: field 'net_weight_kg': expected a number, got 'heavy'");
        Run skip = run("score", "--on-error", "skip-and-report", "--model", model.toString(), "--data", bad.toString(), "--out", dir.resolve("s.csv").toString());
        assertThat(skip.exit()).isZero();
        assertThat(skip.err()).contains("skipped: " + bad + ":3: field 'net_weight_kg'").contains("skipped 1 bad row(s); read 2 good row(s)");
        assertThat(Files.readAllLines(dir.resolve("s.csv"))).hasSize(3);
    }

    @Test
    void usage_errors_exit_2() {
        assertThat(run("train", "--profile", "airmail", "--data", "x.csv", "--model", "m").exit()).isEqualTo(2);
        assertThat(run("score", "--model", "m").exit()).isEqualTo(2);
        assertThat(run("evaluate", "--profile", "postal", "--train", "a", "--test", "b", "--out", "c", "--on-error", "ignore").exit()).isEqualTo(2);
    }

    @Test
    void an_unknown_column_is_bad_input_on_line_1() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "item_id,timestamp,colour\nx,2026-01-01,red\n");
        Run r = run("train", "--quiet", "--profile", "postal", "--data", bad.toString(), "--model", dir.resolve("m").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: " + bad + ":1: field 'colour': unknown column for profile postal");
    }
}
