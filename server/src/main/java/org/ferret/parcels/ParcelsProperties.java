package org.ferret.parcels;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of parcel screening ({@code ferret.parcels.*}); docs/parcels.md lists them. */
@ConfigurationProperties("ferret.parcels")
public class ParcelsProperties {
    /** Most items one batch may hold; a larger batch is answered 413. */
    private int maxBatch = 1000;
    /** Screening sites and their daily inspection capacity (holds per day). */
    private Map<String, Integer> sites = new LinkedHashMap<>();
    /** Arrivals a site expects per day before it has seen a day (then the last day's count is used). */
    private int expectedPerDay = 1000;
    /** Share of the capacity drawn at random from what the score would release (Kim et al. 2022). */
    private double explorationShare = 0.10;
    /** Share of the capacity reserved for the highest critical-class risk (firearms, components, ammunition). */
    private double criticalShare = 0.10;
    /** A detector verdict of a weapon class at this confidence or more holds the item whatever the capacity. */
    private double detectionHoldConfidence = 0.90;
    /** Courier waybill prefixes accepted as item ids, per operator code. */
    private Map<String, String> waybillPrefixes = new LinkedHashMap<>();
    /** HMAC key (base64 or text) of the keyed hashes of senders and addressees; from FERRET_PARCELS_HASH_KEY. */
    private String hashKey;
    /** Without a key, make one and keep it in the data directory (demo and test only). */
    private boolean generateHashKey;
    /** Model file per profile (written by ./ferret screen train). */
    private Map<String, String> models = new LinkedHashMap<>();
    /**
     * Per profile, the last day (ISO date) of stored declarations the configured model was trained on, i.e. whose rows
     * its history already holds (a model trained with {@code ./ferret screen train} on this service's own declarations
     * and outcomes, exported): the arrival scorer and the champion/challenger do not add those days' stored rows to its
     * history again. None (the default): the model's history is apart from the stored rows, all of which are added.
     */
    private Map<String, String> modelHistoryThrough = new LinkedHashMap<>();
    /** Without a model file for postal, train one from the generator's synthetic data (demo and test only). */
    private boolean demoModel;
    /** Days after the decision (or the last queue change) that an item that was never inspected is kept. */
    private int retentionDays = 90;
    /** Declaration versions one purge transaction deletes at most (the purge loops until none is left). */
    private int retentionChunk = 2000;
    /** A kcs CSV (header as the KCS benchmark's) the demo kcs model is trained from when none is given (demo, test). */
    private String demoKcsData;
    /** Rows of {@link #demoKcsData} the demo kcs model is trained on (the first ones, in file order). */
    private int demoKcsRows = 8000;
    /** Where a generated hash key and a trained demo model are kept. */
    private String dataDir = "./data";

    /** The learning loop ({@code ferret.parcels.learning.*}). */
    private final Learning learning = new Learning();

    public Learning getLearning() { return learning; }

    /**
     * Retraining, the champion/challenger comparison and drift alerts. The schedule itself is
     * {@code ferret.parcels.learning.retrain-cron} (a Spring cron; "-", the default, is off).
     */
    public static class Learning {
        /** Profiles the scheduled retraining trains. */
        private java.util.List<String> profiles = new java.util.ArrayList<>(java.util.List.of("postal"));
        /** A challenger is promoted only if no figure of its report is worse than the active model's by more than this. */
        private double tolerance = 0.02;
        /** The most recent days (before today) a challenger is not trained on and is evaluated on. */
        private int evaluationDays = 14;
        /** The largest inverse-propensity weight an exploration pick gets in training (1: no weighting). */
        private double explorationWeightCap = 10;
        /** Population stability index past which a week's distribution raises a drift alert. */
        private double driftThreshold = 0.25;
        /** Weeks the supervisor's page compares. */
        private int driftWeeks = 8;
        /** How long a retraining run holds its claim (an instance that dies mid-run frees it then). */
        private int claimMinutes = 60;
        /**
         * XGBoost threads of a retraining. 1 by default: its OpenMP threads spin while they wait for each other, and on
         * a machine whose cores are busy with other work (scoring, the database, other processes) two threads cost
         * six to nine times the CPU of one for the same model (docs/benchmarks.md, "Learning loop on kcs").
         */
        private int threads = 1;

        public java.util.List<String> getProfiles() { return profiles; }
        public void setProfiles(java.util.List<String> profiles) { this.profiles = profiles; }
        public double getTolerance() { return tolerance; }
        public void setTolerance(double tolerance) { this.tolerance = tolerance; }
        public int getEvaluationDays() { return evaluationDays; }
        public void setEvaluationDays(int evaluationDays) { this.evaluationDays = Math.max(1, evaluationDays); }
        public double getExplorationWeightCap() { return explorationWeightCap; }
        public void setExplorationWeightCap(double v) { this.explorationWeightCap = Math.max(1, v); }
        public double getDriftThreshold() { return driftThreshold; }
        public void setDriftThreshold(double driftThreshold) { this.driftThreshold = driftThreshold; }
        public int getDriftWeeks() { return driftWeeks; }
        public void setDriftWeeks(int driftWeeks) { this.driftWeeks = Math.max(2, driftWeeks); }
        public int getThreads() { return threads; }
        public void setThreads(int threads) { this.threads = Math.max(1, threads); }
        public int getClaimMinutes() { return claimMinutes; }
        public void setClaimMinutes(int claimMinutes) { this.claimMinutes = Math.max(1, claimMinutes); }
    }

    public int getMaxBatch() { return maxBatch; }
    public void setMaxBatch(int maxBatch) { this.maxBatch = maxBatch; }
    public Map<String, Integer> getSites() { return sites; }
    public void setSites(Map<String, Integer> sites) { this.sites = sites; }
    public int getExpectedPerDay() { return expectedPerDay; }
    public void setExpectedPerDay(int expectedPerDay) { this.expectedPerDay = expectedPerDay; }
    public double getExplorationShare() { return explorationShare; }
    public void setExplorationShare(double explorationShare) { this.explorationShare = explorationShare; }
    public double getCriticalShare() { return criticalShare; }
    public void setCriticalShare(double criticalShare) { this.criticalShare = criticalShare; }
    public double getDetectionHoldConfidence() { return detectionHoldConfidence; }
    public void setDetectionHoldConfidence(double v) { this.detectionHoldConfidence = v; }
    public Map<String, String> getWaybillPrefixes() { return waybillPrefixes; }
    public void setWaybillPrefixes(Map<String, String> waybillPrefixes) { this.waybillPrefixes = waybillPrefixes; }
    public String getHashKey() { return hashKey; }
    public void setHashKey(String hashKey) { this.hashKey = hashKey; }
    public boolean isGenerateHashKey() { return generateHashKey; }
    public void setGenerateHashKey(boolean generateHashKey) { this.generateHashKey = generateHashKey; }
    public Map<String, String> getModels() { return models; }
    public void setModels(Map<String, String> models) { this.models = models; }
    public Map<String, String> getModelHistoryThrough() { return modelHistoryThrough; }
    public void setModelHistoryThrough(Map<String, String> m) { this.modelHistoryThrough = m; }
    public boolean isDemoModel() { return demoModel; }
    public void setDemoModel(boolean demoModel) { this.demoModel = demoModel; }
    public int getRetentionDays() { return retentionDays; }
    public void setRetentionDays(int retentionDays) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("ferret.parcels.retention-days must be at least 1, was " + retentionDays);
        }
        this.retentionDays = retentionDays;
    }
    public int getRetentionChunk() { return retentionChunk; }
    public void setRetentionChunk(int retentionChunk) { this.retentionChunk = Math.max(1, retentionChunk); }
    public String getDemoKcsData() { return demoKcsData; }
    public void setDemoKcsData(String demoKcsData) { this.demoKcsData = demoKcsData; }
    public int getDemoKcsRows() { return demoKcsRows; }
    public void setDemoKcsRows(int demoKcsRows) { this.demoKcsRows = demoKcsRows; }
    public String getDataDir() { return dataDir; }
    public void setDataDir(String dataDir) { this.dataDir = dataDir; }
}
