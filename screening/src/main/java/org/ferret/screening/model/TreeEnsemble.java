package org.ferret.screening.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trained XGBoost booster compiled into flat arrays and evaluated in plain Java: no native call, no copy
 * into a DMatrix, so scoring runs at memory speed. Built from the booster's text dump (with statistics), which
 * also gives each node's cover for per-feature contributions (reasons).
 */
public final class TreeEnsemble {
    private final int[] roots;
    private final int[] feature; // -1 for a leaf
    private final float[] threshold; // split value, or leaf value for a leaf
    private final int[] yes;
    private final int[] no;
    private final int[] missing;
    private final double[] mean; // cover-weighted mean leaf value under the node
    private final double baseMargin;
    private final int features;

    private TreeEnsemble(int[] roots, int[] feature, float[] threshold, int[] yes, int[] no, int[] missing, double[] mean,
            double baseMargin, int features) {
        this.roots = roots;
        this.feature = feature;
        this.threshold = threshold;
        this.yes = yes;
        this.no = no;
        this.missing = missing;
        this.mean = mean;
        this.baseMargin = baseMargin;
        this.features = features;
    }

    private static final Pattern SPLIT = Pattern.compile(
            "^\\s*(\\d+):\\[f(\\d+)<([^\\]]+)\\] yes=(\\d+),no=(\\d+),missing=(\\d+),gain=[^,]+,cover=([^,\\s]+)");
    private static final Pattern LEAF = Pattern.compile("^\\s*(\\d+):leaf=([^,]+),cover=([^,\\s]+)");

    /** Compiles trees dumped by {@code Booster.getModelDump(null, true, "text")} around the given base margin. */
    public static TreeEnsemble fromDump(String[] trees, double baseMargin, int features) {
        List<int[]> dummy = new ArrayList<>();
        int total = 0;
        List<String[]> lines = new ArrayList<>();
        for (String t : trees) {
            String[] ls = t.split("\n");
            lines.add(ls);
            total += ls.length;
        }
        int[] roots = new int[trees.length];
        int[] feature = new int[total];
        float[] threshold = new float[total];
        int[] yes = new int[total], no = new int[total], missing = new int[total];
        double[] cover = new double[total];
        int base = 0;
        for (int ti = 0; ti < lines.size(); ti++) {
            String[] ls = lines.get(ti);
            int count = 0;
            for (String l : ls) if (!l.isBlank()) count++;
            roots[ti] = base;
            for (String l : ls) {
                if (l.isBlank()) continue;
                Matcher m = SPLIT.matcher(l);
                if (m.find()) {
                    int id = Integer.parseInt(m.group(1));
                    check(id, count, l);
                    int n = base + id;
                    feature[n] = Integer.parseInt(m.group(2));
                    if (feature[n] >= features) throw new IllegalArgumentException("tree uses feature " + feature[n] + " of " + features);
                    threshold[n] = Float.parseFloat(m.group(3));
                    yes[n] = base + Integer.parseInt(m.group(4));
                    no[n] = base + Integer.parseInt(m.group(5));
                    missing[n] = base + Integer.parseInt(m.group(6));
                    cover[n] = Double.parseDouble(m.group(7));
                    continue;
                }
                m = LEAF.matcher(l);
                if (m.find()) {
                    int id = Integer.parseInt(m.group(1));
                    check(id, count, l);
                    int n = base + id;
                    feature[n] = -1;
                    threshold[n] = Float.parseFloat(m.group(2));
                    cover[n] = Double.parseDouble(m.group(3));
                    continue;
                }
                throw new IllegalArgumentException("unreadable tree dump line: " + l);
            }
            base += count;
        }
        feature = Arrays.copyOf(feature, base);
        threshold = Arrays.copyOf(threshold, base);
        yes = Arrays.copyOf(yes, base);
        no = Arrays.copyOf(no, base);
        missing = Arrays.copyOf(missing, base);
        cover = Arrays.copyOf(cover, base);
        double[] mean = new double[base];
        for (int root : roots) meanOf(root, feature, threshold, yes, no, cover, mean);
        dummy.clear();
        return new TreeEnsemble(roots, feature, threshold, yes, no, missing, mean, baseMargin, features);
    }

    private static void check(int id, int count, String line) {
        if (id < 0 || id >= count) throw new IllegalArgumentException("node id out of range in: " + line);
    }

    private static double meanOf(int n, int[] feature, float[] threshold, int[] yes, int[] no, double[] cover, double[] mean) {
        if (feature[n] < 0) return mean[n] = threshold[n];
        double a = meanOf(yes[n], feature, threshold, yes, no, cover, mean);
        double b = meanOf(no[n], feature, threshold, yes, no, cover, mean);
        double ca = cover[yes[n]], cb = cover[no[n]];
        return mean[n] = (ca + cb) > 0 ? (a * ca + b * cb) / (ca + cb) : (a + b) / 2;
    }

    public int trees() {
        return roots.length;
    }

    public int nodes() {
        return feature.length;
    }

    public int features() {
        return features;
    }

    public double baseMargin() {
        return baseMargin;
    }

    /** Raw margin (log-odds) of the row starting at {@code x[offset]}. */
    public double margin(float[] x, int offset) {
        final int[] feature = this.feature;
        final float[] threshold = this.threshold;
        double sum = baseMargin;
        for (int root : roots) {
            int n = root;
            int f;
            while ((f = feature[n]) >= 0) {
                float v = x[offset + f];
                float th = threshold[n];
                n = v < th ? yes[n] : v >= th ? no[n] : missing[n];
            }
            sum += threshold[n];
        }
        return sum;
    }

    /** Probability of the positive class (logistic objective). */
    public double predict(float[] x, int offset) {
        return 1.0 / (1.0 + Math.exp(-margin(x, offset)));
    }

    /** Probabilities of rows {@code from..to-1} of a row-major matrix with {@link #features()} columns. */
    public void predict(float[] x, int from, int to, double[] out) {
        for (int r = from; r < to; r++) out[r] = predict(x, r * features);
    }

    /**
     * Adds each feature's contribution to the row's margin to {@code contrib} (Saabas attribution: along each
     * tree's path, the change of the cover-weighted mean is credited to the feature split on).
     */
    public void contributions(float[] x, int offset, double[] contrib) {
        for (int root : roots) {
            int n = root;
            int f;
            while ((f = feature[n]) >= 0) {
                float v = x[offset + f];
                float th = threshold[n];
                int next = v < th ? yes[n] : v >= th ? no[n] : missing[n];
                contrib[f] += mean[next] - mean[n];
                n = next;
            }
        }
    }
}
