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
    // fast layout: each tree in pre-order with the "yes" child next to its parent, padded so that every path
    // has exactly depth[t] splits (a padding node jumps nowhere), so a row walks a tree without a single branch
    private final int[] fastRoot;
    private final int[] fastDepth;
    private final int[] fastFeature; // feature index, bit 31 set when a missing value goes to the "no" child
    private final float[] fastValue; // split threshold, or leaf value at depth[t]
    private final int[] fastJump; // offset from n+1 to the "no" child (0 for padding)
    private final double[] fastMean; // cover-weighted mean leaf value under the node (for contributions)
    // complete layout for margins: tree t is a complete binary tree of depth fastDepth[t] in breadth-first order
    // (children of node i are 2i+1 and 2i+2, so no jump table), a leaf above the bottom copied into every slot
    // of the subtree it stands for; the splits of all trees in one int/float array, the leaves in another
    private final int[] fullNode; // first split of tree t in fullFeature/fullThreshold
    private final int[] fullLeaf; // first leaf of tree t in fullLeafValue
    private final int[] fullFeature; // 2 × feature index, + 1 when a missing value goes to the "no" child (see margins)
    private final float[] fullThreshold;
    private final float[] fullLeafValue;
    private final int[] fullMeanBase; // first slot of tree t in fullMean (splits then leaves, breadth-first)
    private final double[] fullMean; // cover-weighted mean leaf value under each slot of the complete trees
    private final double[] fullStep; // fullMean of a slot minus fullMean of its parent (0 at a root): a step's contribution

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
        int trees = roots.length;
        fastRoot = new int[trees];
        fastDepth = new int[trees];
        int[] depthOf = new int[trees];
        int total = 0;
        for (int t = 0; t < trees; t++) {
            depthOf[t] = depth(roots[t]);
            total += paddedSize(roots[t], depthOf[t]);
        }
        fastFeature = new int[total];
        fastValue = new float[total];
        fastJump = new int[total];
        fastMean = new double[total];
        int at = 0;
        for (int t = 0; t < trees; t++) {
            fastRoot[t] = at;
            fastDepth[t] = depthOf[t];
            at = lay(roots[t], depthOf[t], at);
        }
        fullNode = new int[trees];
        fullLeaf = new int[trees];
        int splits = 0, leaves = 0;
        for (int t = 0; t < trees; t++) {
            fullNode[t] = splits;
            fullLeaf[t] = leaves;
            splits += (1 << depthOf[t]) - 1;
            leaves += 1 << depthOf[t];
        }
        fullFeature = new int[splits];
        fullThreshold = new float[splits];
        fullLeafValue = new float[leaves];
        fullMeanBase = new int[trees];
        fullMean = new double[splits + leaves];
        for (int t = 0; t < trees; t++) {
            fullMeanBase[t] = fullNode[t] + fullLeaf[t];
            fill(roots[t], 0, depthOf[t], fullNode[t], fullLeaf[t], depthOf[t]);
        }
        fullStep = new double[fullMean.length];
        for (int t = 0; t < trees; t++) {
            int mb = fullMeanBase[t], slots = (2 << depthOf[t]) - 1;
            for (int pos = 1; pos < slots; pos++) fullStep[mb + pos] = fullMean[mb + pos] - fullMean[mb + (pos - 1) / 2];
        }
    }

    /** Writes original node n at breadth-first slot {@code pos} of a complete tree of depth {@code depth}, {@code levels} above the bottom. */
    private void fill(int n, int pos, int levels, int nodeBase, int leafBase, int depth) {
        fullMean[nodeBase + leafBase + pos] = mean[n];
        if (levels == 0) {
            fullLeafValue[leafBase + pos - ((1 << depth) - 1)] = threshold[n];
            return;
        }
        if (feature[n] < 0) { // a leaf above the bottom: a split on feature 0 whose both sides hold the same leaf
            fullFeature[nodeBase + pos] = 0;
            fullThreshold[nodeBase + pos] = 0f;
            fill(n, 2 * pos + 1, levels - 1, nodeBase, leafBase, depth);
            fill(n, 2 * pos + 2, levels - 1, nodeBase, leafBase, depth);
            return;
        }
        fullFeature[nodeBase + pos] = 2 * feature[n] + (missing[n] == no[n] && missing[n] != yes[n] ? 1 : 0);
        fullThreshold[nodeBase + pos] = threshold[n];
        fill(yes[n], 2 * pos + 1, levels - 1, nodeBase, leafBase, depth);
        fill(no[n], 2 * pos + 2, levels - 1, nodeBase, leafBase, depth);
    }

    private int depth(int n) {
        return feature[n] < 0 ? 0 : 1 + Math.max(depth(yes[n]), depth(no[n]));
    }

    private int paddedSize(int n, int levels) {
        if (feature[n] < 0) return levels + 1; // padding chain then the leaf
        return 1 + paddedSize(yes[n], levels - 1) + paddedSize(no[n], levels - 1);
    }

    /** Writes node n (which must end after {@code levels} more splits) at {@code at}; returns the next free slot. */
    private int lay(int n, int levels, int at) {
        if (feature[n] < 0) {
            for (int i = 0; i < levels; i++) {
                fastFeature[at] = 0;
                fastJump[at] = 0;
                fastMean[at] = mean[n];
                at++;
            }
            fastValue[at] = threshold[n];
            fastMean[at] = mean[n];
            return at + 1;
        }
        int self = at;
        fastFeature[self] = feature[n] | (missing[n] == no[n] && missing[n] != yes[n] ? 0x8000_0000 : 0);
        fastValue[self] = threshold[n];
        fastMean[self] = mean[n];
        int afterYes = lay(yes[n], levels - 1, at + 1);
        fastJump[self] = afterYes - (self + 1);
        return lay(no[n], levels - 1, afterYes);
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

    /**
     * {@link #contributions} for four rows at once (rows starting at {@code o0..o3}), each into its own array;
     * the margins go to {@code margins[0..3]}. Interleaving independent walks lets the CPU overlap them.
     */
    public void contributions4(float[] x, int o0, int o1, int o2, int o3, double[] c0, double[] c1, double[] c2, double[] c3, double[] margins) {
        final int[] ff = fastFeature;
        final float[] fv = fastValue;
        final int[] fj = fastJump;
        final double[] fm = fastMean;
        double s0 = baseMargin, s1 = baseMargin, s2 = baseMargin, s3 = baseMargin;
        for (int t = 0; t < fastRoot.length; t++) {
            int root = fastRoot[t];
            int n0 = root, n1 = root, n2 = root, n3 = root;
            for (int d = fastDepth[t]; d > 0; d--) {
                int e0 = ff[n0], e1 = ff[n1], e2 = ff[n2], e3 = ff[n3];
                int f0 = e0 & 0x7fff_ffff, f1 = e1 & 0x7fff_ffff, f2 = e2 & 0x7fff_ffff, f3 = e3 & 0x7fff_ffff;
                float v0 = x[o0 + f0], v1 = x[o1 + f1], v2 = x[o2 + f2], v3 = x[o3 + f3];
                int g0 = (v0 >= fv[n0] ? 1 : 0) | ((v0 != v0 ? 1 : 0) & (e0 >>> 31));
                int g1 = (v1 >= fv[n1] ? 1 : 0) | ((v1 != v1 ? 1 : 0) & (e1 >>> 31));
                int g2 = (v2 >= fv[n2] ? 1 : 0) | ((v2 != v2 ? 1 : 0) & (e2 >>> 31));
                int g3 = (v3 >= fv[n3] ? 1 : 0) | ((v3 != v3 ? 1 : 0) & (e3 >>> 31));
                int m0 = n0 + 1 + (-g0 & fj[n0]), m1 = n1 + 1 + (-g1 & fj[n1]);
                int m2 = n2 + 1 + (-g2 & fj[n2]), m3 = n3 + 1 + (-g3 & fj[n3]);
                c0[f0] += fm[m0] - fm[n0];
                c1[f1] += fm[m1] - fm[n1];
                c2[f2] += fm[m2] - fm[n2];
                c3[f3] += fm[m3] - fm[n3];
                n0 = m0;
                n1 = m1;
                n2 = m2;
                n3 = m3;
            }
            s0 += fv[n0];
            s1 += fv[n1];
            s2 += fv[n2];
            s3 += fv[n3];
        }
        margins[0] = s0;
        margins[1] = s1;
        margins[2] = s2;
        margins[3] = s3;
    }

    /** The margin of an average row: base margin plus each tree's cover-weighted mean (contributions add up from here). */
    public double expectedMargin() {
        double s = baseMargin;
        for (int r : roots) s += mean[r];
        return s;
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

    /** Raw margin (log-odds) of the row starting at {@code x[offset]}, by the branch-free layout. */
    public double margin(float[] x, int offset) {
        final int[] ff = fastFeature;
        final float[] fv = fastValue;
        final int[] fj = fastJump;
        double sum = baseMargin;
        for (int t = 0; t < fastRoot.length; t++) {
            int n = fastRoot[t];
            for (int d = fastDepth[t]; d > 0; d--) {
                int fe = ff[n];
                float v = x[offset + (fe & 0x7fff_ffff)];
                // go to "no" when v >= threshold, or when v is missing and missing values go to "no"
                int goNo = (v >= fv[n] ? 1 : 0) | ((v != v ? 1 : 0) & (fe >>> 31));
                n = n + 1 + (-goNo & fj[n]);
            }
            sum += fv[n];
        }
        return sum;
    }

    /** Rows per block in {@link #margins}: a block's rows stay in the L1/L2 cache while every tree walks them. */
    static final int BLOCK = 64;

    /**
     * Margins of rows {@code from..to-1}. Tree-major over blocks of {@link #BLOCK} rows: each tree walks the whole
     * block, eight rows interleaved, before the next tree, so the model is read once per block instead of once
     * per row. The block is first copied with every feature twice: at 2j a missing value as -∞ (below every
     * threshold: goes "yes"), at 2j+1 as +∞ (goes "no"); a split reads the copy of its missing direction, so a
     * step is one comparison {@code v >= threshold} with no test for missing. Each row still adds its trees in
     * order, so the sums equal {@link #margin} exactly.
     */
    public void margins(float[] x, int from, int to, double[] out) {
        final float[] y = new float[BLOCK * 2 * features];
        // one call per block: a method entered often is compiled whole, a single long call only by on-stack replacement
        for (int b = from; b < to; b += BLOCK) marginsBlock(x, b, Math.min(to, b + BLOCK), out, y);
    }

    private void marginsBlock(float[] x, final int b, final int end, double[] out, float[] y) {
        final int[] ff = fullFeature;
        final float[] ft = fullThreshold;
        final float[] fl = fullLeafValue;
        final int f = features, w = 2 * features;
        final int trees = fullNode.length;
        {
            for (int r = b, o = 0; r < end; r++) {
                for (int j = r * f, last = j + f; j < last; j++, o += 2) {
                    float v = x[j];
                    boolean nan = v != v;
                    y[o] = nan ? Float.NEGATIVE_INFINITY : v;
                    y[o + 1] = nan ? Float.POSITIVE_INFINITY : v;
                }
            }
            java.util.Arrays.fill(out, b, end, baseMargin);
            for (int t = 0; t < trees; t++) {
                final int nb = fullNode[t];
                final int depth = fastDepth[t];
                final int lb = fullLeaf[t] - ((1 << depth) - 1);
                final int k = 1 - nb; // child of absolute node n: 2n + k + g (= nb + 2(n - nb) + 1 + g)
                int r = b;
                for (; r + 8 <= end; r += 8) {
                    int o0 = (r - b) * w, o1 = o0 + w, o2 = o1 + w, o3 = o2 + w, o4 = o3 + w, o5 = o4 + w, o6 = o5 + w, o7 = o6 + w;
                    int n0 = nb, n1 = nb, n2 = nb, n3 = nb, n4 = nb, n5 = nb, n6 = nb, n7 = nb;
                    for (int d = depth; d > 0; d--) {
                        n0 = 2 * n0 + k + (y[o0 + ff[n0]] >= ft[n0] ? 1 : 0);
                        n1 = 2 * n1 + k + (y[o1 + ff[n1]] >= ft[n1] ? 1 : 0);
                        n2 = 2 * n2 + k + (y[o2 + ff[n2]] >= ft[n2] ? 1 : 0);
                        n3 = 2 * n3 + k + (y[o3 + ff[n3]] >= ft[n3] ? 1 : 0);
                        n4 = 2 * n4 + k + (y[o4 + ff[n4]] >= ft[n4] ? 1 : 0);
                        n5 = 2 * n5 + k + (y[o5 + ff[n5]] >= ft[n5] ? 1 : 0);
                        n6 = 2 * n6 + k + (y[o6 + ff[n6]] >= ft[n6] ? 1 : 0);
                        n7 = 2 * n7 + k + (y[o7 + ff[n7]] >= ft[n7] ? 1 : 0);
                    }
                    int l = lb - nb;
                    out[r] += fl[l + n0];
                    out[r + 1] += fl[l + n1];
                    out[r + 2] += fl[l + n2];
                    out[r + 3] += fl[l + n3];
                    out[r + 4] += fl[l + n4];
                    out[r + 5] += fl[l + n5];
                    out[r + 6] += fl[l + n6];
                    out[r + 7] += fl[l + n7];
                }
                for (; r < end; r++) {
                    int o = (r - b) * w, n = 0;
                    for (int d = depth; d > 0; d--) n = 2 * n + 1 + (y[o + ff[nb + n]] >= ft[nb + n] ? 1 : 0);
                    out[r] += fl[lb + n];
                }
            }
        }
    }

    /**
     * {@link #contributions} for rows {@code from..to-1}, tree-major over blocks of {@link #BLOCK} rows as in
     * {@link #margins}: row r's contributions are added to {@code contrib[(r - from) * features() ..]} (which
     * the caller clears) and its margin written to {@code margins[r - from]}. Each row adds its trees and levels
     * in the same order as {@link #contributions}, so the sums are exactly equal.
     */
    public void contributions(float[] x, int from, int to, double[] contrib, double[] margins) {
        final int[] ff = fullFeature;
        final float[] ft = fullThreshold;
        final float[] fl = fullLeafValue;
        final double[] fs = fullStep;
        final int f = features, w = 2 * features;
        final int trees = fullNode.length;
        final float[] y = new float[BLOCK * w];
        for (int b = from; b < to; b += BLOCK) {
            final int end = Math.min(to, b + BLOCK);
            for (int r = b, o = 0; r < end; r++) {
                for (int j = r * f, last = j + f; j < last; j++, o += 2) {
                    float v = x[j];
                    boolean nan = v != v;
                    y[o] = nan ? Float.NEGATIVE_INFINITY : v;
                    y[o + 1] = nan ? Float.POSITIVE_INFINITY : v;
                }
            }
            java.util.Arrays.fill(margins, b - from, end - from, baseMargin);
            for (int t = 0; t < trees; t++) {
                final int nb = fullNode[t];
                final int depth = fastDepth[t];
                final int lb = fullLeaf[t] - ((1 << depth) - 1) - nb;
                final int mb = fullMeanBase[t] - nb; // mean of absolute slot n (split or leaf) at fm[mb + n]
                final int k = 1 - nb;
                int r = b;
                for (; r + 4 <= end; r += 4) {
                    int o0 = (r - b) * w, o1 = o0 + w, o2 = o1 + w, o3 = o2 + w;
                    int c0 = (r - from) * f, c1 = c0 + f, c2 = c1 + f, c3 = c2 + f;
                    int n0 = nb, n1 = nb, n2 = nb, n3 = nb;
                    for (int d = depth; d > 0; d--) {
                        int e0 = ff[n0], e1 = ff[n1], e2 = ff[n2], e3 = ff[n3];
                        int m0 = 2 * n0 + k + (y[o0 + e0] >= ft[n0] ? 1 : 0);
                        int m1 = 2 * n1 + k + (y[o1 + e1] >= ft[n1] ? 1 : 0);
                        int m2 = 2 * n2 + k + (y[o2 + e2] >= ft[n2] ? 1 : 0);
                        int m3 = 2 * n3 + k + (y[o3 + e3] >= ft[n3] ? 1 : 0);
                        contrib[c0 + (e0 >> 1)] += fs[mb + m0];
                        contrib[c1 + (e1 >> 1)] += fs[mb + m1];
                        contrib[c2 + (e2 >> 1)] += fs[mb + m2];
                        contrib[c3 + (e3 >> 1)] += fs[mb + m3];
                        n0 = m0;
                        n1 = m1;
                        n2 = m2;
                        n3 = m3;
                    }
                    margins[r - from] += fl[lb + n0];
                    margins[r + 1 - from] += fl[lb + n1];
                    margins[r + 2 - from] += fl[lb + n2];
                    margins[r + 3 - from] += fl[lb + n3];
                }
                for (; r < end; r++) {
                    int o = (r - b) * w, c = (r - from) * f, n = nb;
                    for (int d = depth; d > 0; d--) {
                        int e = ff[n];
                        int m = 2 * n + k + (y[o + e] >= ft[n] ? 1 : 0);
                        contrib[c + (e >> 1)] += fs[mb + m];
                        n = m;
                    }
                    margins[r - from] += fl[lb + n];
                }
            }
        }
    }

    /** Raw margin by walking the trees node by node as XGBoost lays them out (the reference the fast path is tested against). */
    public double marginReference(float[] x, int offset) {
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
        margins(x, from, to, out);
        for (int r = from; r < to; r++) out[r] = 1.0 / (1.0 + Math.exp(-out[r]));
    }

    /**
     * Adds each feature's contribution to the row's margin to {@code contrib} (Saabas attribution: along each
     * tree's path, the change of the cover-weighted mean is credited to the feature split on) and returns the
     * margin itself, exactly as {@link #margin} computes it.
     */
    public double contributions(float[] x, int offset, double[] contrib) {
        double sum = baseMargin;
        final int[] ff = fastFeature;
        final float[] fv = fastValue;
        final int[] fj = fastJump;
        final double[] fm = fastMean;
        for (int t = 0; t < fastRoot.length; t++) {
            int n = fastRoot[t];
            for (int d = fastDepth[t]; d > 0; d--) {
                int fe = ff[n];
                int f = fe & 0x7fff_ffff;
                float v = x[offset + f];
                int goNo = (v >= fv[n] ? 1 : 0) | ((v != v ? 1 : 0) & (fe >>> 31));
                int next = n + 1 + (-goNo & fj[n]);
                contrib[f] += fm[next] - fm[n]; // zero on padding nodes
                n = next;
            }
            sum += fv[n];
        }
        return sum;
    }

}
