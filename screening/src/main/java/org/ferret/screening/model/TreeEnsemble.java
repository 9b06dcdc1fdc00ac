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
    private final int[] treeDepth; // of tree t: the longest path from its root to a leaf
    // the layout the evaluation walks: tree t is a complete binary tree of depth treeDepth[t] in breadth-first order
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
        treeDepth = new int[trees];
        for (int t = 0; t < trees; t++) treeDepth[t] = depth(roots[t]);
        fullNode = new int[trees];
        fullLeaf = new int[trees];
        int splits = 0, leaves = 0;
        for (int t = 0; t < trees; t++) {
            fullNode[t] = splits;
            fullLeaf[t] = leaves;
            splits += (1 << treeDepth[t]) - 1;
            leaves += 1 << treeDepth[t];
        }
        fullFeature = new int[splits];
        fullThreshold = new float[splits];
        fullLeafValue = new float[leaves];
        fullMeanBase = new int[trees];
        fullMean = new double[splits + leaves];
        for (int t = 0; t < trees; t++) {
            fullMeanBase[t] = fullNode[t] + fullLeaf[t];
            fill(roots[t], 0, treeDepth[t], fullNode[t], fullLeaf[t], treeDepth[t]);
        }
        fullStep = new double[fullMean.length];
        for (int t = 0; t < trees; t++) {
            int mb = fullMeanBase[t], slots = (2 << treeDepth[t]) - 1;
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

    private static final Pattern SPLIT = Pattern.compile(
            "^\\s*(\\d+):\\[f(\\d+)<([^\\]]+)\\] yes=(\\d+),no=(\\d+),missing=(\\d+),gain=[^,]+,cover=([^,\\s]+)");
    private static final Pattern LEAF = Pattern.compile("^\\s*(\\d+):leaf=([^,]+),cover=([^,\\s]+)");

    /** Compiles trees dumped by {@code Booster.getModelDump(null, true, "text")} around the given base margin. */
    public static TreeEnsemble fromDump(String[] trees, double baseMargin, int features) {
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

    /** Rows per block in {@link #margins}: a block's rows stay in the L1/L2 cache while every tree walks them. */
    static final int BLOCK = 64;

    /**
     * Margins of rows {@code from..to-1}. Tree-major over blocks of {@link #BLOCK} rows: each tree walks the whole
     * block, eight rows interleaved, before the next tree, so the model is read once per block instead of once
     * per row. The block is first copied with every feature twice: at 2j a missing value as -∞ (below every
     * threshold: goes "yes"), at 2j+1 as +∞ (goes "no"); a split reads the copy of its missing direction, so a
     * step is one comparison {@code v >= threshold} with no test for missing. Each row still adds its trees in
     * order, so the margins equal those of {@link #explain} exactly.
     */
    public void margins(float[] x, int from, int to, double[] out) {
        final float[] y = new float[BLOCK * 2 * features];
        // one call per block: a method entered often is compiled whole, a single long call only by on-stack replacement
        for (int b = from; b < to; b += BLOCK) marginsBlock(x, b, Math.min(to, b + BLOCK), out, y);
    }

    // The walk of leaves(), with each leaf's value added in place: going through leafOf as explain does costs this,
    // the hot path of scoring, about a seventh of its throughput (CpuTimeBench, six alternated runs).
    private void marginsBlock(float[] x, final int b, final int end, double[] out, float[] y) {
        final int[] ff = fullFeature;
        final float[] ft = fullThreshold;
        final float[] fl = fullLeafValue;
        final int w = 2 * features;
        final int trees = fullNode.length;
        copyBlock(x, b, end, y);
        java.util.Arrays.fill(out, b, end, baseMargin);
        for (int t = 0; t < trees; t++) {
            final int nb = fullNode[t];
            final int depth = treeDepth[t];
            final int lb = fullLeaf[t] - ((1 << depth) - 1);
            final int k = 1 - nb;
            if (depth == 0) { // a tree that is a single leaf
                for (int r = b; r < end; r++) out[r] += fl[fullLeaf[t]];
                continue;
            }
            final int rf = ff[nb]; // the root's split is the same for every row: read once per tree
            final float rt = ft[nb];
            final int c1 = 2 * nb + k; // left child of the root
            int r = b;
            for (; r + 8 <= end; r += 8) {
                int o0 = (r - b) * w, o1 = o0 + w, o2 = o1 + w, o3 = o2 + w, o4 = o3 + w, o5 = o4 + w, o6 = o5 + w, o7 = o6 + w;
                int n0 = c1 + (y[o0 + rf] >= rt ? 1 : 0);
                int n1 = c1 + (y[o1 + rf] >= rt ? 1 : 0);
                int n2 = c1 + (y[o2 + rf] >= rt ? 1 : 0);
                int n3 = c1 + (y[o3 + rf] >= rt ? 1 : 0);
                int n4 = c1 + (y[o4 + rf] >= rt ? 1 : 0);
                int n5 = c1 + (y[o5 + rf] >= rt ? 1 : 0);
                int n6 = c1 + (y[o6 + rf] >= rt ? 1 : 0);
                int n7 = c1 + (y[o7 + rf] >= rt ? 1 : 0);
                for (int d = depth - 1; d > 0; d--) {
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

    /**
     * The leaf (index into the leaf values) that tree {@code t} gives each of the first {@code rows} rows of a
     * block copied by {@link #copyBlock}: eight independent walks interleaved so that the CPU overlaps them; the
     * root's split, the same for every row, is read once.
     */
    private void leaves(float[] y, int rows, int t, int[] leafOf) {
        final int[] ff = fullFeature;
        final float[] ft = fullThreshold;
        final int w = 2 * features;
        final int nb = fullNode[t];
        final int depth = treeDepth[t];
        final int l = fullLeaf[t] - ((1 << depth) - 1) - nb; // leaf of absolute bottom slot n: l + n
        final int k = 1 - nb; // child of absolute slot n: 2n + k + (0 yes, 1 no)
        if (depth == 0) { // a tree that is a single leaf
            Arrays.fill(leafOf, 0, rows, fullLeaf[t]);
            return;
        }
        final int rf = ff[nb];
        final float rt = ft[nb];
        final int c1 = 2 * nb + k; // left child of the root
        int i = 0;
        for (; i + 8 <= rows; i += 8) {
            int o0 = i * w, o1 = o0 + w, o2 = o1 + w, o3 = o2 + w, o4 = o3 + w, o5 = o4 + w, o6 = o5 + w, o7 = o6 + w;
            int n0 = c1 + (y[o0 + rf] >= rt ? 1 : 0);
            int n1 = c1 + (y[o1 + rf] >= rt ? 1 : 0);
            int n2 = c1 + (y[o2 + rf] >= rt ? 1 : 0);
            int n3 = c1 + (y[o3 + rf] >= rt ? 1 : 0);
            int n4 = c1 + (y[o4 + rf] >= rt ? 1 : 0);
            int n5 = c1 + (y[o5 + rf] >= rt ? 1 : 0);
            int n6 = c1 + (y[o6 + rf] >= rt ? 1 : 0);
            int n7 = c1 + (y[o7 + rf] >= rt ? 1 : 0);
            for (int d = depth - 1; d > 0; d--) {
                n0 = 2 * n0 + k + (y[o0 + ff[n0]] >= ft[n0] ? 1 : 0);
                n1 = 2 * n1 + k + (y[o1 + ff[n1]] >= ft[n1] ? 1 : 0);
                n2 = 2 * n2 + k + (y[o2 + ff[n2]] >= ft[n2] ? 1 : 0);
                n3 = 2 * n3 + k + (y[o3 + ff[n3]] >= ft[n3] ? 1 : 0);
                n4 = 2 * n4 + k + (y[o4 + ff[n4]] >= ft[n4] ? 1 : 0);
                n5 = 2 * n5 + k + (y[o5 + ff[n5]] >= ft[n5] ? 1 : 0);
                n6 = 2 * n6 + k + (y[o6 + ff[n6]] >= ft[n6] ? 1 : 0);
                n7 = 2 * n7 + k + (y[o7 + ff[n7]] >= ft[n7] ? 1 : 0);
            }
            leafOf[i] = l + n0;
            leafOf[i + 1] = l + n1;
            leafOf[i + 2] = l + n2;
            leafOf[i + 3] = l + n3;
            leafOf[i + 4] = l + n4;
            leafOf[i + 5] = l + n5;
            leafOf[i + 6] = l + n6;
            leafOf[i + 7] = l + n7;
        }
        for (; i < rows; i++) {
            int o = i * w, n = nb;
            for (int d = depth; d > 0; d--) n = 2 * n + k + (y[o + ff[n]] >= ft[n] ? 1 : 0);
            leafOf[i] = l + n;
        }
    }

    /**
     * Each leaf's contributions grouped: the path from a tree's root to a leaf fixes the leaf's Saabas
     * contributions (the change of the cover-weighted mean at each step, credited to the feature split on), so
     * they are summed once per leaf and group instead of once per row. Leaf {@code L} (numbered as in the
     * complete layout) has {@code width} entries (the deepest tree's depth, at least 6) from {@code L * width}: a
     * group and the sum of its steps on the
     * path; unused entry e points at spare slot {@code groups + e} with 0 (distinct spare slots, so that adding
     * the zeros never makes one addition wait for the previous one).
     */
    public record LeafGroups(int groups, int width, short[] group, float[] delta) {
        /** Slots per row in {@link #explain}'s accumulator: the groups, then one scratch slot per entry. */
        public int stride() {
            return groups + width;
        }
    }

    /** Rows per block in {@link #explain}: small enough that the block's features and sums stay in the L1 cache. */
    static final int EXPLAIN_BLOCK = 16;

    /**
     * The per-leaf Saabas contributions (XGBoost's approximate contributions), summed by {@code groupOf[feature]}
     * (groups 0..groups-1).
     */
    public LeafGroups leafGroups(int[] groupOf, int groups) {
        int width = 1;
        for (int d : treeDepth) width = Math.max(width, d);
        width = Math.max(width, 6); // at least six entries per leaf (spares for shorter paths): the usual depth 6 unrolls
        int leaves = fullLeafValue.length;
        if (groups + width > Short.MAX_VALUE) throw new IllegalArgumentException("too many feature groups: " + groups);
        short[] group = new short[leaves * width];
        double[] sum = new double[leaves * width];
        for (int i = 0; i < group.length; i++) group[i] = (short) (groups + i % width);
        for (int t = 0; t < fullNode.length; t++) {
            int depth = treeDepth[t], nb = fullNode[t], mb = fullMeanBase[t];
            for (int leaf = 0; leaf < 1 << depth; leaf++) {
                int base = (fullLeaf[t] + leaf) * width, used = 0;
                int pos = 0;
                for (int d = depth - 1; d >= 0; d--) {
                    int child = 2 * pos + 1 + ((leaf >>> d) & 1);
                    double step = fullStep[mb + child];
                    if (step != 0) { // padding below a leaf above the bottom does not move the mean
                        int g = groupOf[fullFeature[nb + pos] >> 1];
                        int e = 0;
                        while (e < used && group[base + e] != g) e++;
                        if (e == used) {
                            group[base + e] = (short) g;
                            used++;
                        }
                        sum[base + e] += step;
                    }
                    pos = child;
                }
            }
        }
        float[] delta = new float[sum.length]; // compact, so that a block's leaves stay in cache
        for (int i = 0; i < sum.length; i++) delta[i] = (float) sum[i];
        return new LeafGroups(groups, width, group, delta);
    }

    /**
     * Margins and grouped contributions of rows {@code from..to-1}: the walk of {@link #margins} (so the margins
     * are exactly equal), then each row adds its leaf's {@link LeafGroups} entries tree by tree. Row r's group
     * sums go to {@code acc[(r - from) * stride ..]} with {@code stride = groups + width} (cleared here; the slots
     * after the groups are scratch) and its margin to {@code margins[r - from]}.
     */
    public void explain(float[] x, int from, int to, LeafGroups lg, float[] acc, double[] margins) {
        final float[] y = new float[EXPLAIN_BLOCK * 2 * features];
        final int[] leafOf = new int[EXPLAIN_BLOCK];
        final int stride = lg.stride();
        Arrays.fill(acc, 0, (to - from) * stride, 0);
        for (int b = from; b < to; b += EXPLAIN_BLOCK) {
            int end = Math.min(to, b + EXPLAIN_BLOCK);
            explainBlock(x, b, end, y, leafOf, lg, acc, (b - from) * stride, margins, b - from);
        }
    }

    private void explainBlock(float[] x, final int b, final int end, float[] y, int[] leafOf, LeafGroups lg, float[] acc, int accBase,
            double[] out, int outBase) {
        copyBlock(x, b, end, y);
        final float[] fl = fullLeafValue;
        final short[] lgGroup = lg.group();
        final float[] lgDelta = lg.delta();
        final int width = lg.width(), stride = lg.stride();
        final int rows = end - b;
        Arrays.fill(out, outBase, outBase + rows, baseMargin);
        for (int t = 0; t < fullNode.length; t++) {
            leaves(y, rows, t, leafOf);
            for (int i = 0; i < rows; i++) {
                int leaf = leafOf[i];
                out[outBase + i] += fl[leaf];
                int a = accBase + i * stride;
                int e = leaf * width;
                if (width == 6) {
                    acc[a + lgGroup[e]] += lgDelta[e];
                    acc[a + lgGroup[e + 1]] += lgDelta[e + 1];
                    acc[a + lgGroup[e + 2]] += lgDelta[e + 2];
                    acc[a + lgGroup[e + 3]] += lgDelta[e + 3];
                    acc[a + lgGroup[e + 4]] += lgDelta[e + 4];
                    acc[a + lgGroup[e + 5]] += lgDelta[e + 5];
                } else {
                    for (int last = e + width; e < last; e++) acc[a + lgGroup[e]] += lgDelta[e];
                }
            }
        }
    }

    /** Copies rows b..end-1 into y with every feature twice: a missing value as -∞ at 2j, as +∞ at 2j+1 (see margins). */
    private void copyBlock(float[] x, int b, int end, float[] y) {
        final int f = features;
        for (int r = b, o = 0; r < end; r++) {
            for (int j = r * f, last = j + f; j < last; j++, o += 2) {
                float v = x[j];
                boolean nan = v != v;
                y[o] = nan ? Float.NEGATIVE_INFINITY : v;
                y[o + 1] = nan ? Float.POSITIVE_INFINITY : v;
            }
        }
    }

    /** Probabilities of rows {@code from..to-1} of a row-major matrix with {@link #features()} columns. */
    public void predict(float[] x, int from, int to, double[] out) {
        margins(x, from, to, out);
        for (int r = from; r < to; r++) out[r] = 1.0 / (1.0 + Math.exp(-out[r]));
    }
}
