package org.ferret.screening.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ferret.screening.data.Table;
import org.ferret.screening.features.FeatureBuilder;
import org.ferret.screening.features.FeatureMask;
import org.ferret.screening.features.FeatureSpec;
import org.ferret.screening.features.History;
import org.ferret.screening.rules.Rule;
import org.ferret.screening.rules.RulePack;

/**
 * Trains a screening model from labelled declarations: fits the feature spec, builds leakage-safe features,
 * re-estimates each indicator's weight from its hits, and boosts trees for fraud (and, when the profile has a
 * severity column, separately for the critical class).
 */
public final class Trainer {
    /** Smoothing (pseudo-count) of re-estimated indicator weights towards zero. */
    static final double WEIGHT_SMOOTHING = 10;

    private Trainer() {}

    /** Signals training progress (rounds done of total) for a progress bar. */
    public interface Progress {
        void step(String what, int done, int total);

        Progress NONE = (w, d, t) -> {};
    }

    public static ScreeningModel train(Table train, RulePack pack, TrainOptions o, Progress progress) throws XGBoostError {
        return train(train, pack, o, progress, null);
    }

    /**
     * As {@link #train(Table, RulePack, TrainOptions, Progress)}, with a weight per row of {@code train} (null: all 1):
     * the boosters weigh each labelled row's gradient by it, e.g. an inverse-propensity weight that lets the unbiased
     * sample (items picked at random for inspection) count for the part of the population it stands for.
     */
    public static ScreeningModel train(Table train, RulePack pack, TrainOptions o, Progress progress, double[] rowWeights) throws XGBoostError {
        if (rowWeights != null && rowWeights.length != train.size()) {
            throw new IllegalArgumentException("one weight per row: " + rowWeights.length + " weights for " + train.size() + " rows");
        }
        if (pack != null && !pack.profile().equals(train.profile().name())) {
            throw new IllegalArgumentException("rule pack " + pack.label() + " is for profile " + pack.profile());
        }
        RulePack usedPack = o.useRules() ? pack : null;
        FeatureSpec spec0 = FeatureSpec.fit(train, usedPack, o.maxTerms());
        History history = new History(train.profile());
        FeatureBuilder.Matrix m = FeatureBuilder.build(spec0, train, history, true);
        progress.step("features", 1, 1);

        int[] labelled = labelledRows(train);
        if (labelled.length == 0) throw new IllegalArgumentException("no labelled declarations to train on");
        int positives = 0;
        for (int r : labelled) positives += train.label(r) == 1 ? 1 : 0;
        if (positives == 0 || positives == labelled.length) throw new IllegalArgumentException("training needs both frauds and clean declarations");

        IndicatorReport report = null;
        FeatureSpec spec = spec0;
        if (usedPack != null) {
            report = indicatorReport(train, m, spec0, labelled, o.recentDays());
            List<Rule> tuned = new ArrayList<>();
            for (int i = 0; i < usedPack.rules().size(); i++) tuned.add(usedPack.rules().get(i).withWeight(report.lines().get(i).newWeight()));
            String lastDay = LocalDate.ofEpochDay(lastDay(train)).toString().replace("-", "");
            RulePack tunedPack = new RulePack(usedPack.name(), usedPack.version() + "+w" + lastDay, usedPack.profile(), tuned);
            spec = spec0.withPack(tunedPack);
            rescoreIndicators(m, spec);
        }
        FeatureMask.of(spec, o.useHistory(), o.dropFeatures()).apply(m);

        int f = spec.size();
        float[] x = new float[labelled.length * f];
        float[] y = new float[labelled.length];
        float[] yc = new float[labelled.length];
        int crit = 0;
        for (int i = 0; i < labelled.length; i++) {
            System.arraycopy(m.x(), labelled[i] * f, x, i * f, f);
            y[i] = train.label(labelled[i]);
            yc[i] = train.severity(labelled[i]) == 2 ? 1 : 0;
            crit += (int) yc[i];
        }
        DMatrix d = new DMatrix(x, labelled.length, f, Float.NaN);
        try {
            d.setLabel(y);
            if (rowWeights != null) {
                float[] w = new float[labelled.length];
                for (int i = 0; i < labelled.length; i++) w[i] = (float) rowWeights[labelled[i]];
                d.setWeight(w);
            }
            Booster fraud = boost(d, o, o.rounds(), "fraud", progress);
            String[] fraudTrees = fraud.getModelDump((String) null, true, "text");
            byte[] fraudBytes = fraud.toByteArray("ubj");
            fraud.dispose();
            String[] critTrees = null;
            byte[] critBytes = null;
            if (o.criticalModel() && train.profile().severityColumn() != null && crit >= 10) {
                d.setLabel(yc);
                Booster cb = boost(d, o, o.criticalRounds(), "critical", progress);
                critTrees = cb.getModelDump((String) null, true, "text");
                critBytes = cb.toByteArray("ubj");
                cb.dispose();
            }
            Map<String, String> meta = new HashMap<>();
            meta.put("profile", train.profile().name());
            meta.put("trainedAt", Instant.now().toString());
            meta.put("rows", Integer.toString(train.size()));
            meta.put("labelled", Integer.toString(labelled.length));
            meta.put("from", LocalDate.ofEpochDay(firstDay(train)).toString());
            meta.put("to", LocalDate.ofEpochDay(lastDay(train)).toString());
            meta.put("options", o.toString());
            meta.put("dropFeatures", o.dropFeatures());
            meta.put("rulePack", usedPack == null ? "" : usedPack.label());
            meta.put("rulePackTuned", spec.pack() == null ? "" : spec.pack().label());
            if (rowWeights != null) meta.put("weighted", "true");
            return ScreeningModel.create(train.profile(), spec, history, fraudTrees, fraudBytes, critTrees, critBytes, report, meta);
        } finally {
            d.dispose();
        }
    }

    private static Booster boost(DMatrix d, TrainOptions o, int rounds, String what, Progress progress) throws XGBoostError {
        Map<String, Object> p = new HashMap<>();
        p.put("objective", "binary:logistic");
        p.put("eta", o.eta());
        p.put("max_depth", o.maxDepth());
        p.put("subsample", o.subsample());
        p.put("colsample_bytree", o.colsample());
        p.put("min_child_weight", o.minChildWeight());
        p.put("tree_method", "hist");
        p.put("nthread", o.threads());
        p.put("seed", o.seed());
        // a fixed base score keeps the plain-Java evaluator's margin exactly the sum of the leaves
        p.put("base_score", 0.5);
        p.put("verbosity", 0);
        Booster b = XGBoost.train(d, p, 0, new HashMap<>(), null, null);
        for (int i = 0; i < rounds; i++) {
            b.update(d, i);
            if (i % 10 == 9 || i == rounds - 1) progress.step(what, i + 1, rounds);
        }
        return b;
    }

    static int[] labelledRows(Table t) {
        int n = 0;
        for (int r = 0; r < t.size(); r++) if (t.label(r) >= 0) n++;
        int[] out = new int[n];
        n = 0;
        for (int r = 0; r < t.size(); r++) if (t.label(r) >= 0) out[n++] = r;
        return out;
    }

    static int firstDay(Table t) {
        int d = Integer.MAX_VALUE;
        for (int r = 0; r < t.size(); r++) d = Math.min(d, t.epochDay(r));
        return d;
    }

    static int lastDay(Table t) {
        int d = Integer.MIN_VALUE;
        for (int r = 0; r < t.size(); r++) d = Math.max(d, t.epochDay(r));
        return d;
    }

    /** Hit counts per indicator on labelled rows, overall and in the last {@code recentDays}, and the re-estimated weights. */
    static IndicatorReport indicatorReport(Table t, FeatureBuilder.Matrix m, FeatureSpec spec, int[] labelled, int recentDays) {
        int rules = spec.pack().rules().size();
        int[] hits = new int[rules], frauds = new int[rules], rh = new int[rules], rf = new int[rules];
        int since = lastDay(t) - recentDays + 1;
        int positives = 0, recent = 0;
        for (int r : labelled) {
            boolean isRecent = t.epochDay(r) >= since;
            positives += t.label(r);
            if (isRecent) recent++;
            for (int i = 0; i < rules; i++) {
                if (m.get(r, spec.ruleBase() + i) == 1f) {
                    hits[i]++;
                    frauds[i] += t.label(r);
                    if (isRecent) {
                        rh[i]++;
                        rf[i] += t.label(r);
                    }
                }
            }
        }
        double p0 = (positives + 1.0) / (labelled.length + 2.0);
        List<IndicatorReport.Line> lines = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            double precision = (frauds[i] + WEIGHT_SMOOTHING * p0) / (hits[i] + WEIGHT_SMOOTHING);
            double w = Math.log(precision / p0);
            lines.add(new IndicatorReport.Line(spec.pack().rules().get(i).id(), hits[i], frauds[i], rh[i], rf[i],
                    spec.pack().rules().get(i).weight(), Math.round(w * 1000) / 1000.0));
        }
        return new IndicatorReport(labelled.length, recent, recentDays, lines);
    }

    /** Recomputes the indicator-score feature from the rule-hit features with the spec's (re-estimated) weights. */
    static void rescoreIndicators(FeatureBuilder.Matrix m, FeatureSpec spec) {
        int rules = spec.pack().rules().size();
        int f = spec.size();
        for (int r = 0; r < m.rows(); r++) {
            double s = 0;
            for (int i = 0; i < rules; i++) if (m.x()[r * f + spec.ruleBase() + i] == 1f) s += spec.pack().rules().get(i).weight();
            m.x()[r * f + spec.ruleBase() + rules] = (float) s;
        }
    }
}
