package org.ferret.screening.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.ferret.screening.data.OnError;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.features.FeatureBuilder;
import org.ferret.screening.model.ScreeningModel;
import org.ferret.screening.model.TreeEnsemble;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring throughput on one core, in declarations per second: the plain-Java tree evaluator against XGBoost4J's
 * own predict on the same feature rows of the same model. Features are built once in setup (what is measured is
 * the model). Run as described in docs/benchmarks.md; parameters: -p model=FILE -p data=CSV. Predicting
 * twice on one DMatrix is not measured: XGBoost caches a DMatrix's predictions, which would time a cache lookup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScoringBenchmark {
    static final int ROWS = 8192;

    @Param("")
    public String model;

    @Param("")
    public String data;

    float[] x;
    int cols;
    double[] out = new double[ROWS];
    TreeEnsemble trees;
    Booster booster;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ScreeningModel m = ScreeningModel.load(Path.of(model));
        Table t = new TableReader(m.profile(), OnError.STOP).read(List.of(Path.of(data))).table();
        FeatureBuilder.Matrix f = FeatureBuilder.build(m.spec(), t, m.history(), false);
        cols = f.cols();
        x = new float[ROWS * cols];
        for (int r = 0; r < ROWS; r++) System.arraycopy(f.x(), (r % f.rows()) * cols, x, r * cols, cols);
        trees = m.fraudTrees();
        booster = XGBoost.loadModel(m.fraudBooster());
        booster.setParams(Map.of("nthread", 1));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        booster.dispose();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public double[] plainJavaTrees() {
        trees.predict(x, 0, ROWS, out);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public float[][] boosterPredictBuildingTheDMatrix() throws Exception {
        DMatrix d = new DMatrix(x, ROWS, cols, Float.NaN);
        try {
            return booster.predict(d);
        } finally {
            d.dispose();
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public float[][] boosterInplacePredict() throws Exception {
        return booster.inplace_predict(x, ROWS, cols, Float.NaN);
    }
}
