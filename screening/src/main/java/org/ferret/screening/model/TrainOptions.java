package org.ferret.screening.model;

/** Knobs of training; the defaults are the ones chosen on the kcs validation split (docs/screening.md). */
public record TrainOptions(int rounds, int maxDepth, double eta, double subsample, double colsample, double minChildWeight,
        int threads, long seed, int maxTerms, boolean criticalModel, int recentDays, boolean useHistory, boolean useRules, String dropFeatures) {

    public static TrainOptions defaults() {
        return new TrainOptions(150, 6, 0.1, 0.8, 0.8, 1.0, 2, 42, 40, true, 90, true, true, "");
    }

    public TrainOptions withRounds(int r) {
        return new TrainOptions(r, maxDepth, eta, subsample, colsample, minChildWeight, threads, seed, maxTerms, criticalModel, recentDays, useHistory, useRules, dropFeatures);
    }

    public TrainOptions withDepth(int d) {
        return new TrainOptions(rounds, d, eta, subsample, colsample, minChildWeight, threads, seed, maxTerms, criticalModel, recentDays, useHistory, useRules, dropFeatures);
    }

    public TrainOptions withEta(double e) {
        return new TrainOptions(rounds, maxDepth, e, subsample, colsample, minChildWeight, threads, seed, maxTerms, criticalModel, recentDays, useHistory, useRules, dropFeatures);
    }

    public TrainOptions withCriticalModel(boolean c) {
        return new TrainOptions(rounds, maxDepth, eta, subsample, colsample, minChildWeight, threads, seed, maxTerms, c, recentDays, useHistory, useRules, dropFeatures);
    }

    /** For ablation: features whose name matches this regular expression are hidden (as if unknown) in training and scoring. */
    public TrainOptions withDropFeatures(String regex) {
        return new TrainOptions(rounds, maxDepth, eta, subsample, colsample, minChildWeight, threads, seed, maxTerms, criticalModel, recentDays, useHistory, useRules, regex == null ? "" : regex);
    }

    public TrainOptions withHistory(boolean h) {
        return new TrainOptions(rounds, maxDepth, eta, subsample, colsample, minChildWeight, threads, seed, maxTerms, criticalModel, recentDays, h, useRules, dropFeatures);
    }
}
