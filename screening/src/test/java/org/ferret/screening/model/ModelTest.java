package org.ferret.screening.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.ferret.screening.data.OnError;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.features.FeatureBuilder;
import org.ferret.screening.profile.Profiles;
import org.ferret.screening.rules.Condition;
import org.ferret.screening.rules.Rule;
import org.ferret.screening.rules.RulePack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTest {
    static Table train, test;

    @BeforeAll
    static void read() throws Exception {
        train = new TableReader(Profiles.POSTAL, OnError.STOP).read(List.of(Path.of(ModelTest.class.getResource("/fixtures/postal-train.csv").toURI()))).table();
        test = new TableReader(Profiles.POSTAL, OnError.STOP).read(List.of(Path.of(ModelTest.class.getResource("/fixtures/postal-test.csv").toURI()))).table();
    }

    static RulePack pack() {
        return new RulePack("t", "1", "postal", List.of(
                new Rule("solvent", List.of(new Condition.ContainsAny("description", List.of("solvent trap", "fuel filter"))), 1.0, "suppressor words", ""),
                new Rule("books", List.of(new Condition.ContainsAny("description", List.of("books"))), 1.0, "books", "")));
    }

    /** The test rows' features, and the same with a quarter of the values missing (so both missing directions are taken). */
    static float[][] featureRows(ScreeningModel m, FeatureBuilder.Matrix x, long seed) {
        float[] noisy = x.x().clone();
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < noisy.length; i++) if (r.nextInt(4) == 0) noisy[i] = Float.NaN;
        return new float[][] {x.x(), noisy};
    }

    /** XGBoost's own prediction of the model's fraud booster: {@code option} 0 probability, 1 margin, 12 approximate (Saabas) contributions. */
    static float[][] boosterPredict(ScreeningModel m, float[] x, int rows, int cols, int option) throws Exception {
        Booster b = ml.dmlc.xgboost4j.java.XGBoost.loadModel(m.fraudBooster());
        DMatrix d = new DMatrix(x, rows, cols, Float.NaN);
        try {
            if (option == 0) return b.predict(d);
            if (option == 1) return b.predict(d, true);
            // XGBoost4J offers exact (SHAP) contributions only; the C API's option bits 4 (contributions) and 8
            // (approximate) give the Saabas attribution that reasons use
            java.lang.reflect.Field handle = Booster.class.getDeclaredField("handle");
            handle.setAccessible(true);
            float[][] out = new float[1][];
            int rc = ml.dmlc.xgboost4j.java.XGBoostJNI.XGBoosterPredict((long) handle.get(b), d.getHandle(), option, 0, out);
            assertThat(rc).as("XGBoosterPredict").isZero();
            float[][] rowsOut = new float[rows][];
            for (int r = 0; r < rows; r++) rowsOut[r] = java.util.Arrays.copyOfRange(out[0], r * (cols + 1), (r + 1) * (cols + 1));
            return rowsOut;
        } finally {
            d.dispose();
            b.dispose();
        }
    }

    @Test
    void the_plain_java_trees_predict_what_the_booster_predicts_also_with_missing_values() throws Exception {
        ScreeningModel m = Trainer.train(train, pack(), TrainOptions.defaults().withRounds(40), Trainer.Progress.NONE);
        FeatureBuilder.Matrix x = FeatureBuilder.build(m.spec(), test, m.history(), false);
        for (float[] data : featureRows(m, x, 5)) {
            float[][] probability = boosterPredict(m, data, x.rows(), x.cols(), 0);
            float[][] margin = boosterPredict(m, data, x.rows(), x.cols(), 1);
            double[] margins = new double[x.rows()];
            m.fraudTrees().margins(data, 0, x.rows(), margins);
            double[] batch = new double[x.rows()];
            m.fraudTrees().predict(data, 0, x.rows(), batch);
            for (int r = 0; r < x.rows(); r++) {
                // XGBoost adds the leaves in float, the plain-Java trees in double
                assertThat(margins[r]).as("margin of row %d", r).isCloseTo(margin[r][0], org.assertj.core.data.Offset.offset(1e-5));
                assertThat(batch[r]).as("probability of row %d", r).isCloseTo(probability[r][0], org.assertj.core.data.Offset.offset(1e-6));
            }
            // a range that starts and ends inside blocks and interleaved groups gives the same margins
            double[] part = new double[x.rows()];
            m.fraudTrees().margins(data, 3, x.rows() - 5, part);
            for (int r = 3; r < x.rows() - 5; r++) assertThat(part[r]).isEqualTo(margins[r]);
        }
    }

    @Test
    void grouped_leaf_contributions_are_xgboosts_approximate_contributions_summed_by_group_also_with_missing_values() throws Exception {
        ScreeningModel m = Trainer.train(train, pack(), TrainOptions.defaults().withRounds(40), Trainer.Progress.NONE);
        FeatureBuilder.Matrix x = FeatureBuilder.build(m.spec(), test, m.history(), false);
        int f = x.cols(), groups = m.spec().groupCount(), stride = m.leafGroups().stride();
        TreeEnsemble.LeafGroups lg = m.leafGroups();
        assertThat(lg.groups()).isEqualTo(groups);
        for (float[] data : featureRows(m, x, 7)) {
            float[][] contributions = boosterPredict(m, data, x.rows(), f, 4 | 8);
            int from = 1, to = x.rows() - 2; // starts and ends inside a block
            float[] acc = new float[(to - from) * stride];
            java.util.Arrays.fill(acc, 42); // explain clears what it uses
            double[] margins = new double[to - from];
            m.fraudTrees().explain(data, from, to, lg, acc, margins);
            double[] reference = new double[x.rows()]; // margins() writes row r at [r]
            m.fraudTrees().margins(data, from, to, reference);
            boolean anyNonZero = false;
            for (int row = from; row < to; row++) {
                assertThat(margins[row - from]).isEqualTo(reference[row]);
                double[] byGroup = new double[groups];
                for (int i = 0; i < f; i++) byGroup[m.spec().features().get(i).group()] += contributions[row][i];
                // the last column is the bias: the margin of an average row
                assertThat((double) contributions[row][f]).isCloseTo(m.fraudTrees().expectedMargin(), org.assertj.core.data.Offset.offset(1e-4));
                double sum = contributions[row][f];
                for (int g = 0; g < groups; g++) {
                    assertThat((double) acc[(row - from) * stride + g]).as("row %d group %d", row, g).isCloseTo(byGroup[g], org.assertj.core.data.Offset.offset(1e-4));
                    anyNonZero |= byGroup[g] != 0;
                    sum += acc[(row - from) * stride + g];
                }
                assertThat(sum).as("contributions of row %d add up to its margin", row).isCloseTo(margins[row - from], org.assertj.core.data.Offset.offset(1e-4));
            }
            assertThat(anyNonZero).isTrue();
        }
    }

    @Test
    void a_tree_that_is_a_single_leaf_adds_its_value_in_every_path() {
        String split = "0:[f0<0.5] yes=1,no=2,missing=2,gain=1,cover=10\n\t1:leaf=0.25,cover=4\n\t2:leaf=-0.5,cover=6";
        String leaf = "0:leaf=0.125,cover=10";
        TreeEnsemble trees = TreeEnsemble.fromDump(new String[] {leaf, split, leaf}, 0.5, 2);
        float[] x = new float[40];
        for (int r = 0; r < 20; r++) x[2 * r] = r % 3 == 0 ? Float.NaN : r % 2; // rows: f0 in {NaN, 0, 1}
        double[] batch = new double[20];
        trees.margins(x, 0, 20, batch);
        TreeEnsemble.LeafGroups lg = trees.leafGroups(new int[] {0, 1}, 2);
        float[] acc = new float[20 * lg.stride()];
        double[] margins = new double[20];
        trees.explain(x, 0, 20, lg, acc, margins);
        for (int r = 0; r < 20; r++) {
            float f0 = x[2 * r];
            double expected = 0.5 + 0.125 + (f0 < 0.5f ? 0.25 : -0.5) + 0.125; // missing goes "no"
            assertThat(batch[r]).isEqualTo(expected);
            assertThat(margins[r]).isEqualTo(expected);
            double mean = (0.25 * 4 - 0.5 * 6) / 10; // the split tree's cover-weighted mean
            assertThat((double) acc[r * lg.stride()]).isCloseTo((f0 < 0.5f ? 0.25 : -0.5) - mean, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void the_reason_groups_are_the_strongest_describable_ones_ties_to_the_lower_group() throws Exception {
        ScreeningModel m = Trainer.train(train, pack(), TrainOptions.defaults().withRounds(5), Trainer.Progress.NONE);
        org.ferret.screening.features.FeatureSpec spec = m.spec();
        int[] firstOf = m.groupFirstFeature();
        int groups = spec.groupCount();
        int rule = -1, term = -1, termSet = -1, plain1 = -1, plain2 = -1, plain3 = -1;
        for (int g = 0; g < groups; g++) {
            var kind = spec.features().get(firstOf[g]).kind();
            if (kind == org.ferret.screening.features.FeatureSpec.Kind.RULE && rule < 0) rule = g;
            else if (kind == org.ferret.screening.features.FeatureSpec.Kind.TERM && term < 0) term = g;
            else if (kind == org.ferret.screening.features.FeatureSpec.Kind.TERM && termSet < 0) termSet = g;
            else if (kind == org.ferret.screening.features.FeatureSpec.Kind.NUMBER && plain1 < 0) plain1 = g;
            else if (kind == org.ferret.screening.features.FeatureSpec.Kind.NUMBER && plain2 < 0) plain2 = g;
            else if (kind == org.ferret.screening.features.FeatureSpec.Kind.NUMBER && plain3 < 0) plain3 = g;
        }
        assertThat(new int[] {rule, term, termSet, plain1, plain2, plain3}).doesNotContain(-1);
        float[] acc = new float[m.leafGroups().stride()];
        float[] x = new float[spec.size()];
        acc[rule] = 9f; // an indicator is listed as a hit, never as a group
        acc[term] = 8f; // a term the description does not have
        acc[termSet] = 0.5f;
        x[firstOf[termSet]] = 1f;
        acc[plain1] = 0.5f; // ties with termSet: the lower group first
        acc[plain2] = 0.7f;
        acc[plain3] = 0.04f; // under the 0.05 floor
        int[] top = new int[Scorer.MAX_REASONS + 1];
        top[Scorer.MAX_REASONS] = 42;
        Scorer.topGroups(m, acc, 0, x, 0, top, 0);
        int first = Math.min(plain1, termSet), second = Math.max(plain1, termSet);
        assertThat(top).containsExactly(plain2, first, second, 42);
        acc[plain2] = 0f;
        acc[plain1] = 0f;
        Scorer.topGroups(m, acc, 0, x, 0, top, 0);
        assertThat(top).containsExactly(termSet, -1, -1, 42);
    }

    @Test
    void row_weights_of_one_train_the_same_model_and_heavier_rows_another() throws Exception {
        TrainOptions o = TrainOptions.defaults().withRounds(10);
        ScreeningModel plain = Trainer.train(train, pack(), o, Trainer.Progress.NONE);
        double[] ones = new double[train.size()];
        java.util.Arrays.fill(ones, 1.0);
        assertThat(Trainer.train(train, pack(), o, Trainer.Progress.NONE, ones).version()).isEqualTo(plain.version());
        double[] heavier = ones.clone();
        for (int r = 0; r < train.size(); r++) if (train.label(r) == 1) heavier[r] = 10;
        ScreeningModel weighted = Trainer.train(train, pack(), o, Trainer.Progress.NONE, heavier);
        assertThat(weighted.version()).isNotEqualTo(plain.version());
        assertThat(weighted.meta()).containsEntry("weighted", "true");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Trainer.train(train, pack(), o, Trainer.Progress.NONE, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one weight per row");
    }

    @Test
    void a_saved_model_loads_with_the_same_version_and_scores(@TempDir Path dir) throws Exception {
        ScreeningModel m = Trainer.train(train, pack(), TrainOptions.defaults().withRounds(20), Trainer.Progress.NONE);
        m.save(dir.resolve("m.model"));
        ScreeningModel back = ScreeningModel.load(dir.resolve("m.model"));
        assertThat(back.version()).isEqualTo(m.version()).startsWith("postal-");
        assertThat(back.rulePack()).isEqualTo(m.rulePack());
        Scorer.Scores a = Scorer.score(m, test, Scorer.Options.of(m).withReasons()), b = Scorer.score(back, test, Scorer.Options.of(back).withReasons().onThreads(2));
        assertThat(b.risk()).containsExactly(a.risk());
        assertThat(b.reasons()).containsExactly(a.reasons());
        assertThat(a.provenance()).contains(m.version()).contains("t 1+w");
    }

    @Test
    void retraining_raises_the_weight_of_an_indicator_that_hits_frauds_and_lowers_one_that_hits_clean_items() throws Exception {
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String day = java.time.LocalDate.of(2026, 1, 5).plusDays(i / 10).toString();
            boolean solvent = i % 10 == 0, books = i % 10 == 1, otherFraud = i % 10 == 2 && i % 20 == 2;
            boolean fraud = solvent || otherFraud;
            rows.add(org.ferret.screening.TestTables.postalRow("i" + i, day, "sender", "s" + (i % 37),
                    "description", solvent ? "solvent trap" : books ? "books" : "phone case",
                    "seized", fraud ? "1" : "0", "severity", fraud ? "2" : "0"));
        }
        Table t = org.ferret.screening.TestTables.postal(rows.toArray(String[]::new));
        ScreeningModel m = Trainer.train(t, pack(), TrainOptions.defaults().withRounds(5), Trainer.Progress.NONE);
        IndicatorReport.Line solvent = m.report().lines().get(0), books = m.report().lines().get(1);
        assertThat(solvent.hits()).isEqualTo(30);
        assertThat(solvent.precision()).isEqualTo(1.0);
        assertThat(solvent.newWeight()).isGreaterThan(1.0);
        assertThat(books.hits()).isEqualTo(30);
        assertThat(books.frauds()).isZero();
        assertThat(books.newWeight()).isLessThan(0);
        assertThat(m.rulePack().rules().get(0).weight()).isEqualTo(solvent.newWeight());
    }

    @Test
    void reasons_name_the_indicators_hit() throws Exception {
        ScreeningModel m = Trainer.train(train, pack(), TrainOptions.defaults().withRounds(20), Trainer.Progress.NONE);
        Scorer.Scores s = Scorer.score(m, test, Scorer.Options.of(m).withReasons());
        int desc = test.require("description");
        for (int r = 0; r < test.size(); r++) {
            if (test.text(desc, r).toLowerCase().contains("solvent trap")) assertThat(s.reasons()[r]).startsWith("indicator solvent: suppressor words");
        }
    }
}
