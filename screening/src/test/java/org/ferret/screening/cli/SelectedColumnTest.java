package org.ferret.screening.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.screening.cli.ScreenCliGoldenTest.resource;
import static org.ferret.screening.cli.ScreenCliGoldenTest.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ferret.screening.cli.ScreenCliGoldenTest.Run;
import org.ferret.screening.data.Csv;
import org.ferret.screening.data.OnError;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.model.Scorer;
import org.ferret.screening.model.ScreeningModel;
import org.ferret.screening.profile.Profiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The critical_score and selected columns of {@code screen score} and {@code screen evaluate}. */
class SelectedColumnTest {
    @TempDir
    static Path dir;

    static Path model, test;

    @BeforeAll
    static void train() throws Exception {
        model = dir.resolve("m.model");
        Run r = run("train", "--quiet", "--profile", "postal", "--data", resource("/fixtures/postal-train.csv").toString(), "--model", model.toString(),
                "--rounds", "10", "--critical-rounds", "10");
        assertThat(r.exit()).as(r.err()).isZero();
        test = resource("/fixtures/postal-test.csv");
    }

    record Row(int index, String id, double score, double critical, boolean selected) {}

    static List<Row> rows(Path scores) throws Exception {
        List<String> lines = Files.readAllLines(scores, StandardCharsets.UTF_8);
        List<Row> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = Csv.split(lines.get(i));
            out.add(new Row(i - 1, f.get(0), Double.parseDouble(f.get(1)), Double.parseDouble(f.get(3)), f.size() > 4 && f.get(4).equals("1")));
        }
        return out;
    }

    @Test
    void the_critical_score_column_is_the_critical_models_score_of_each_row() throws Exception {
        Path out = dir.resolve("plain.csv");
        Run r = run("score", "--quiet", "--model", model.toString(), "--data", test.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out).get(0)).isEqualTo("item_id,score,reasons,critical_score");
        ScreeningModel m = ScreeningModel.load(model);
        Table t = new TableReader(Profiles.POSTAL, OnError.STOP).read(List.of(test)).table();
        Scorer.Scores s = Scorer.score(m, t, Scorer.Options.of(m));
        assertThat(s.critical()).as("the fixture's model has critical-class trees").isNotNull();
        List<Row> rows = rows(out);
        assertThat(rows).hasSize(t.size());
        for (Row row : rows) {
            assertThat(String.format(Locale.ROOT, "%.6f", row.critical())).as("critical score of %s", row.id())
                    .isEqualTo(String.format(Locale.ROOT, "%.6f", s.critical()[row.index()]));
        }
        assertThat(rows.stream().filter(x -> x.critical() != x.score()).count()).as("not the fraud score again").isGreaterThan(rows.size() / 2);
    }

    @Test
    void the_selection_fills_the_capacity_with_the_critical_reserve_first_then_the_highest_fraud_scores() throws Exception {
        Path out = dir.resolve("selected.csv");
        Run r = run("score", "--quiet", "--model", model.toString(), "--data", test.toString(), "--out", out.toString(),
                "--capacity", "10%", "--critical-share", "30%", "--exploration", "0%");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out).get(0)).isEqualTo("item_id,score,reasons,critical_score,selected");
        List<Row> rows = rows(out);
        int capacity = 50, reserve = 15; // 10 % of 500 rows, 30 % of that
        assertThat(rows.stream().filter(Row::selected).count()).isEqualTo(capacity);
        // the reserve: the rows with the highest critical scores (ties aside), whatever their fraud score
        List<Row> byCritical = rows.stream().sorted(Comparator.comparingDouble(Row::critical).reversed()).toList();
        double reserveFloor = byCritical.get(reserve - 1).critical();
        for (Row x : rows) if (x.critical() > reserveFloor) assertThat(x.selected()).as("%s has one of the %d highest critical scores", x.id(), reserve).isTrue();
        // the rest: the highest fraud scores of the rows the reserve did not take
        List<Row> reserved = byCritical.subList(0, reserve);
        List<Row> rest = rows.stream().filter(x -> !reserved.contains(x)).sorted(Comparator.comparingDouble(Row::score).reversed()).toList();
        double riskFloor = rest.get(capacity - reserve - 1).score();
        for (Row x : rest) {
            if (x.score() > riskFloor) assertThat(x.selected()).as("%s is among the highest fraud scores left", x.id()).isTrue();
            if (x.score() < riskFloor) assertThat(x.selected()).as("%s is below the fraud scores picked", x.id()).isFalse();
        }
    }

    @Test
    void without_a_reserve_and_exploration_the_selection_is_the_top_of_the_fraud_ranking() throws Exception {
        Path out = dir.resolve("top.csv");
        Run r = run("score", "--quiet", "--model", model.toString(), "--data", test.toString(), "--out", out.toString(),
                "--capacity", "25", "--critical-share", "0%", "--exploration", "0%");
        assertThat(r.exit()).as(r.err()).isZero();
        List<Row> rows = rows(out);
        List<Row> byRisk = rows.stream().sorted(Comparator.comparingDouble(Row::score).reversed().thenComparingInt(Row::index)).toList();
        assertThat(rows.stream().filter(Row::selected).map(Row::id).toList())
                .containsExactlyInAnyOrderElementsOf(byRisk.subList(0, 25).stream().map(Row::id).toList());
    }

    @Test
    void exploration_draws_its_share_from_outside_the_top_and_the_seed_repeats_it() throws Exception {
        Path a = dir.resolve("explore-a.csv"), b = dir.resolve("explore-b.csv");
        for (Path out : List.of(a, b)) {
            Run r = run("score", "--quiet", "--model", model.toString(), "--data", test.toString(), "--out", out.toString(),
                    "--capacity", "40", "--critical-share", "0%", "--exploration", "50%", "--seed", "7");
            assertThat(r.exit()).as(r.err()).isZero();
        }
        assertThat(Files.readAllLines(a)).isEqualTo(Files.readAllLines(b));
        List<Row> rows = rows(a);
        List<Row> byRisk = rows.stream().sorted(Comparator.comparingDouble(Row::score).reversed().thenComparingInt(Row::index)).toList();
        assertThat(rows.stream().filter(Row::selected).count()).isEqualTo(40);
        assertThat(byRisk.subList(0, 20)).allMatch(Row::selected);
        assertThat(byRisk.subList(20, byRisk.size()).stream().filter(Row::selected).count()).isEqualTo(20);
    }

    @Test
    void evaluate_writes_the_same_columns_and_prints_the_selections_figures() throws Exception {
        Path out = dir.resolve("evaluate.csv");
        Run r = run("evaluate", "--quiet", "--profile", "postal", "--train", resource("/fixtures/postal-train.csv").toString(), "--test", test.toString(),
                "--out", out.toString(), "--rounds", "10", "--critical-rounds", "10", "--capacity", "10%", "--critical-share", "30%");
        assertThat(r.exit()).as(r.err()).isZero();
        Path scored = dir.resolve("scored.csv");
        assertThat(run("score", "--quiet", "--model", model.toString(), "--data", test.toString(), "--out", scored.toString(),
                "--capacity", "10%", "--critical-share", "30%").exit()).isZero();
        assertThat(Files.readAllLines(out)).as("evaluate trains the same model as train").isEqualTo(Files.readAllLines(scored));
        List<Row> rows = rows(out);
        Table t = new TableReader(Profiles.POSTAL, OnError.STOP).read(List.of(test)).table();
        int frauds = 0, found = 0;
        for (Row x : rows) {
            frauds += t.label(x.index()) == 1 ? 1 : 0;
            found += x.selected() && t.label(x.index()) == 1 ? 1 : 0;
        }
        assertThat(r.out()).contains(String.format(Locale.ROOT, "selected at capacity 10%% (critical reserve 30%%, exploration 0%%): 50; precision %.4f, recall %.4f",
                found / 50.0, (double) found / frauds));
    }

    @Test
    void without_a_critical_model_the_critical_score_is_blank_and_the_reserve_goes_to_fraud_risk() throws Exception {
        Path out = dir.resolve("nocrit.csv");
        Run r = run("evaluate", "--quiet", "--profile", "postal", "--train", resource("/fixtures/postal-train.csv").toString(), "--test", test.toString(),
                "--out", out.toString(), "--rounds", "10", "--no-critical-model", "--capacity", "30", "--critical-share", "50%");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        List<Double> scores = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = Csv.split(line);
            assertThat(f.get(3)).isEmpty();
            scores.add(Double.parseDouble(f.get(1)));
        }
        double floor = scores.stream().sorted(Comparator.reverseOrder()).toList().get(29);
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = Csv.split(line);
            if (Double.parseDouble(f.get(1)) > floor) assertThat(f.get(4)).isEqualTo("1");
            if (Double.parseDouble(f.get(1)) < floor) assertThat(f.get(4)).isEqualTo("0");
        }
        assertThat(r.out()).contains("given to fraud risk: no critical model");
    }

    @Test
    void a_share_that_is_not_a_percentage_is_a_usage_error() {
        assertThat(run("score", "--model", model.toString(), "--data", test.toString(), "--out", dir.resolve("x.csv").toString(),
                "--capacity", "10%", "--critical-share", "0.1").exit()).isEqualTo(2);
        assertThat(run("score", "--model", model.toString(), "--data", test.toString(), "--out", dir.resolve("x.csv").toString(),
                "--capacity", "10%", "--critical-share", "60%", "--exploration", "50%").exit()).isEqualTo(2);
    }
}
