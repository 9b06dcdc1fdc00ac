package org.ferret.screening.model;

/** Knobs of training; the defaults are the ones chosen on the kcs validation split (docs/screening.md). */
public record TrainOptions(int rounds, int criticalRounds, int maxDepth, double eta, double subsample, double colsample, double minChildWeight,
        int threads, long seed, int maxTerms, boolean criticalModel, int recentDays, boolean useHistory, boolean useRules, String dropFeatures) {

    /** Boosting rounds: 60 trees of depth 6 rank kcs valid as well as 150 did, at 40 % of the scoring cost (docs/screening.md). */
    public static final int DEFAULT_ROUNDS = 60;
    /**
     * Rounds of the critical-class model, which only the selector's critical reserve uses (not the risk score):
     * with 60 it found 61 of the 78 critical rows of kcs valid in its top 10 %, with 150 it found 65.
     */
    public static final int DEFAULT_CRITICAL_ROUNDS = 150;

    public static TrainOptions defaults() {
        return new TrainOptions(DEFAULT_ROUNDS, DEFAULT_CRITICAL_ROUNDS, 6, 0.1, 0.8, 0.8, 1.0, 2, 42, 40, true, 90, true, true, "");
    }

    public TrainOptions withRounds(int r) {
        return new TrainOptions(r, criticalRounds, maxDepth, eta, subsample, colsample, minChildWeight, threads, seed, maxTerms, criticalModel, recentDays, useHistory, useRules, dropFeatures);
    }

    public TrainOptions withCriticalRounds(int r) {
        return new TrainOptions(rounds, r, maxDepth, eta, subsample, colsample, minChildWeight, threads, seed, maxTerms, criticalModel, recentDays, useHistory, useRules, dropFeatures);
    }

    public TrainOptions withDepth(int d) {
        return new TrainOptions(rounds, criticalRounds, d, eta, subsample, colsample, minChildWeight, threads, seed, maxTerms, criticalModel, recentDays, useHistory, useRules, dropFeatures);
    }

    public TrainOptions withEta(double e) {
        return new TrainOptions(rounds, criticalRounds, maxDepth, e, subsample, colsample, minChildWeight, threads, seed, maxTerms, criticalModel, recentDays, useHistory, useRules, dropFeatures);
    }

    public TrainOptions withCriticalModel(boolean c) {
        return new TrainOptions(rounds, criticalRounds, maxDepth, eta, subsample, colsample, minChildWeight, threads, seed, maxTerms, c, recentDays, useHistory, useRules, dropFeatures);
    }

    /** For ablation: features whose name matches this regular expression are hidden (as if unknown) in training and scoring. */
    public TrainOptions withDropFeatures(String regex) {
        return new TrainOptions(rounds, criticalRounds, maxDepth, eta, subsample, colsample, minChildWeight, threads, seed, maxTerms, criticalModel, recentDays, useHistory, useRules, regex == null ? "" : regex);
    }

    /** XGBoost threads (the defaults' 2 suit a machine with idle cores; on a busy one 1 costs far less CPU). */
    public TrainOptions withThreads(int t) {
        return new TrainOptions(rounds, criticalRounds, maxDepth, eta, subsample, colsample, minChildWeight, t, seed, maxTerms, criticalModel, recentDays, useHistory, useRules, dropFeatures);
    }

    public TrainOptions withHistory(boolean h) {
        return new TrainOptions(rounds, criticalRounds, maxDepth, eta, subsample, colsample, minChildWeight, threads, seed, maxTerms, criticalModel, recentDays, h, useRules, dropFeatures);
    }
}
