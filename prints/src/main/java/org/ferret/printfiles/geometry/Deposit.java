package org.ferret.printfiles.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.ferret.printfiles.read.Deadline;
import org.ferret.printfiles.read.Toolpath;
import org.ferret.printfiles.read.UnreadableFileException;

/**
 * A G-code deposit sorted into print layers, and in each layer into <b>closed loops</b> (perimeters, walls: a
 * chain of extruding moves without travel that returns to its start) and <b>open</b> extrusion (infill, skin,
 * support, gap fill). The classification is geometric only: feature comments ({@code ;TYPE:}) are not needed and
 * not trusted (a file could lie in them).
 *
 * <p>What the loops give: a layer's cross-section is what its loops enclose, whatever the infill density (see
 * {@link Voxels#of(Deposit, int, Deadline)}); a loop that encloses no other extrusion is a hole, and circular hole
 * loops stacked over many layers are a vertical channel ({@link #holes}).
 */
public final class Deposit {
    /** A closed extrusion loop: its corners {@code xy[2i], xy[2i+1]} (the bead's centre line), mean bead width. */
    public record Loop(float[] xy, double area, double width, double minX, double minY, double maxX, double maxY) {
        public int corners() { return xy.length / 2; }

        /** Length of the centre line round the loop. */
        public double perimeter() {
            double p = 0;
            int n = corners();
            for (int a = 0, b = n - 1; a < n; b = a++) p += Math.hypot(xy[2 * a] - xy[2 * b], xy[2 * a + 1] - xy[2 * b + 1]);
            return p;
        }

        /** Even-odd point-in-polygon on the centre line. */
        public boolean contains(double x, double y) {
            if (x < minX || x > maxX || y < minY || y > maxY) return false;
            boolean in = false;
            int n = corners();
            for (int a = 0, b = n - 1; a < n; b = a++) {
                double ya = xy[2 * a + 1], yb = xy[2 * b + 1];
                if ((ya > y) != (yb > y)) {
                    double xa = xy[2 * a], xb = xy[2 * b];
                    if (x < xa + (y - ya) / (yb - ya) * (xb - xa)) in = !in;
                }
            }
            return in;
        }
    }

    /** One print layer: top height {@code z}, layer height {@code h}, its segments (indices into the toolpath), loops and open segments. */
    public static final class Layer {
        public final double z;
        public double h;
        final IntBuf all = new IntBuf(), open = new IntBuf();
        public final List<Loop> loops = new ArrayList<>();
        /** Per loop: the innermost loop around it (−1 for none) and its wall group's nesting depth (see {@link Deposit#nest}). */
        int[] parent = new int[0], depth = new int[0];

        Layer(double z, double h) { this.z = z; this.h = h; }

        /**
         * Whether the inside of loop {@code i} (up to the loops inside it) is the part's material by the nesting of
         * wall groups: an even depth (an outline, an island in a hole) encloses material, an odd one (a hole) encloses
         * none. True for a part's outline even when nothing is deposited inside it (0 % infill, a shell of walls).
         */
        public boolean materialInside(int i) { return depth[i] % 2 == 0; }

        /** The innermost loop whose centre line encloses (x, y), or −1. */
        public int innermostAt(double x, double y) {
            int best = -1;
            for (int i = 0; i < loops.size(); i++)
                if (loops.get(i).contains(x, y) && (best < 0 || loops.get(i).area() < loops.get(best).area())) best = i;
            return best;
        }

        /** Whether (x, y) lies in the part by the loops' nesting (inside no loop: not). */
        public boolean materialAt(double x, double y) {
            int i = innermostAt(x, y);
            return i >= 0 && materialInside(i);
        }

        public int[] segments() { return all.toArray(); }
        public int[] openSegments() { return open.toArray(); }
    }

    public final Toolpath toolpath;
    /** Layers by rising z. */
    public final List<Layer> layers;

    private Deposit(Toolpath t, List<Layer> layers) {
        this.toolpath = t;
        this.layers = layers;
    }

    /** Loops found over all layers. */
    public int loopCount() {
        int n = 0;
        for (Layer l : layers) n += l.loops.size();
        return n;
    }

    /** The layer whose height range {@code (z − h, z]} holds {@code z}, or null. */
    public Layer layerAt(double z) {
        Layer best = null;
        for (Layer l : layers) // few hundred layers; called once per voxel slice
            if (z > l.z - l.h - 1e-9 && z <= l.z + 1e-9 && (best == null || l.z < best.z)) best = l;
        return best;
    }

    public static Deposit of(Toolpath t, Deadline deadline) throws UnreadableFileException {
        TreeMap<Long, Layer> byZ = new TreeMap<>();
        float[] s = t.seg();
        IntBuf chain = new IntBuf();
        Layer chainLayer = null;
        for (int q = 0; q < t.segments(); q++) {
            if ((q & 0x3fff) == 0) deadline.check();
            int o = q * 8;
            double z = Math.max(s[o + 2], s[o + 5]);
            Layer l = byZ.computeIfAbsent(Math.round(z * 1000), k -> new Layer(z, s[o + 7]));
            l.all.add(q);
            boolean continues = chainLayer == l && chain.n > 0 && joins(s, chain.a[chain.n - 1], q);
            if (!continues) {
                if (chainLayer != null) split(s, chain, chainLayer);
                chain.n = 0;
                chainLayer = l;
            }
            chain.add(q);
        }
        if (chainLayer != null) split(s, chain, chainLayer);
        for (Layer l : byZ.values()) {
            deadline.check();
            nest(l, deadline);
        }
        return new Deposit(t, new ArrayList<>(byZ.values()));
    }

    /**
     * Nesting of a layer's loops by containment (not by the direction they were printed in, which a file may set as
     * it likes): each loop's parent is the smallest larger loop around it. Loops are grouped into <b>walls of one
     * contour</b>: a loop that is its parent shrunk by about one bead all round (the area between them over their mean
     * perimeter, the mean inset, is 0.25 to 2 bead widths, and no side of its bounding box is inset by more than 4
     * bead widths) is the next wall of the same contour and keeps its parent's depth; any other
     * loop inside a parent is one level deeper. Even depth: an outline (material inside); odd: a hole. A wall thinner
     * than the walls on both its sides (a thin tube printed wall to wall) cannot be told from a solid rod printed
     * with more walls: it reads as solid (the fail-safe side).
     */
    static void nest(Layer l, Deadline deadline) throws UnreadableFileException {
        int n = l.loops.size();
        l.parent = new int[n];
        l.depth = new int[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(l.loops.get(b).area(), l.loops.get(a).area()));
        for (int k = 0; k < n; k++) {
            if ((k & 0x3ff) == 0x3ff) deadline.check();
            int i = order[k];
            Loop c = l.loops.get(i);
            int par = -1;
            for (int q = k - 1; q >= 0; q--) { // smaller first: the first that holds it is the innermost
                Loop o = l.loops.get(order[q]);
                if (o.area() <= c.area()) continue;
                if (o.contains(c.xy[0], c.xy[1])) { par = order[q]; break; }
            }
            l.parent[i] = par;
            if (par < 0) { l.depth[i] = 0; continue; }
            Loop o = l.loops.get(par);
            double w = Math.max(c.width(), o.width());
            // the mean inset: an offset by d takes about d × perimeter off the area (sharp corners move further, so
            // the bounding box only bounds it loosely)
            double d = (o.area() - c.area()) / ((o.perimeter() + c.perimeter()) / 2);
            boolean sameWall = d >= 0.25 * w && d <= 2 * w;
            for (double side : new double[] {c.minX() - o.minX(), c.minY() - o.minY(), o.maxX() - c.maxX(), o.maxY() - c.maxY()})
                if (side > 4 * w) sameWall = false;
            l.depth[i] = l.depth[par] + (sameWall ? 0 : 1);
        }
    }

    private static boolean joins(float[] s, int p, int q) {
        int a = p * 8, b = q * 8;
        return Math.abs(s[a + 3] - s[b]) < 1e-4 && Math.abs(s[a + 4] - s[b + 1]) < 1e-4;
    }

    /**
     * Cuts a chain of joined segments into closed loops: from a start corner, the first later corner within half a
     * bead width (at least 0.1 mm) of it, after at least three segments and six bead widths of path, closes a
     * loop. Zig-zag infill never comes back that close to where it began (its lines are a bead width or more
     * apart). The rest of the chain is open extrusion.
     */
    private static void split(float[] s, IntBuf chain, Layer l) {
        int n = chain.n;
        double wSum = 0;
        for (int i = 0; i < n; i++) wSum += s[chain.a[i] * 8 + 6];
        double w = wSum / n, tol = Math.max(0.1, 0.5 * w), minLen = 6 * w;
        int from = 0;
        double len = 0;
        for (int i = 0; i < n; i++) {
            int o = chain.a[i] * 8;
            len += Math.hypot(s[o + 3] - s[o], s[o + 4] - s[o + 1]);
            int f = chain.a[from] * 8;
            if (i - from >= 2 && len >= minLen && Math.hypot(s[o + 3] - s[f], s[o + 4] - s[f + 1]) <= tol) {
                Loop loop = loop(s, chain.a, from, i);
                if (loop != null) {
                    l.loops.add(loop);
                    from = i + 1;
                    len = 0;
                }
            }
        }
        for (int i = from; i < n; i++) l.open.add(chain.a[i]);
    }

    private static Loop loop(float[] s, int[] idx, int from, int to) {
        int n = to - from + 1;
        float[] xy = new float[2 * n];
        double area = 0, w = 0, minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int o = idx[from + i] * 8;
            xy[2 * i] = s[o];
            xy[2 * i + 1] = s[o + 1];
            w += s[o + 6];
            minX = Math.min(minX, s[o]); maxX = Math.max(maxX, s[o]);
            minY = Math.min(minY, s[o + 1]); maxY = Math.max(maxY, s[o + 1]);
        }
        for (int a = 0, b = n - 1; a < n; b = a++) area += (double) xy[2 * b] * xy[2 * a + 1] - (double) xy[2 * a] * xy[2 * b + 1];
        area = Math.abs(area) / 2;
        w /= n;
        if (area < w * w) return null; // a back-and-forth, not a loop
        return new Loop(xy, area, w, minX, minY, maxX, maxY);
    }

    /**
     * Vertical holes: in each layer, the circular loops that enclose no other extrusion (no loop, no open segment)
     * and lie inside another loop (a hole in a part, not a part's outline), fitted with a circle; such circles of
     * nearly the same centre (0.25 mm) and diameter (0.15 mm) on consecutive layers form one hole. The hole's
     * diameter is the loop's fitted diameter less its bead width (the loop is the bead's centre line). Only stacks
     * of at least three layers are returned, as hole cylinders along z (the surfaces {@link Features} reads).
     */
    public List<Primitives.Surface> holes(Deadline deadline) throws UnreadableFileException {
        record Stack(double cx, double cy, double d, double zBottom, double zTop, int layer, double rms, int count) {}
        List<Stack> open = new ArrayList<>(), done = new ArrayList<>();
        float[] s = toolpath.seg();
        for (int li = 0; li < layers.size(); li++) {
            deadline.check();
            Layer l = layers.get(li);
            int[] openSegs = l.openSegments();
            List<double[]> circles = new ArrayList<>();
            for (int ci = 0; ci < l.loops.size(); ci++) {
                Loop c = l.loops.get(ci);
                if (c.corners() < 8 || l.materialInside(ci)) continue; // an outline's inner wall is not a hole (0 % infill)
                double[] fit = fitCircle(c.xy);
                if (fit == null) continue;
                double r = fit[2], rms = fit[3];
                double d = 2 * r - c.width();
                if (d < 1 || r > 40 || rms > 0.02 * r + 0.01) continue;
                boolean inner = false, enclosesSomething = false;
                for (Loop o : l.loops) {
                    if (o == c) continue;
                    if (!inner && o.area() > c.area() && o.contains(c.xy[0], c.xy[1])) inner = true;
                    if (o.area() < c.area() && Math.hypot(o.xy[0] - fit[0], o.xy[1] - fit[1]) < r) { enclosesSomething = true; break; }
                }
                if (!inner || enclosesSomething) continue;
                for (int q : openSegs) {
                    int p = q * 8;
                    double mx = (s[p] + s[p + 3]) / 2, my = (s[p + 1] + s[p + 4]) / 2;
                    if (Math.hypot(mx - fit[0], my - fit[1]) < r) { enclosesSomething = true; break; }
                }
                if (!enclosesSomething) circles.add(new double[] {fit[0], fit[1], d, rms});
            }
            List<Stack> next = new ArrayList<>();
            for (double[] c : circles) {
                Stack match = null;
                for (Stack st : open)
                    if (Math.hypot(st.cx - c[0], st.cy - c[1]) <= 0.25 && Math.abs(st.d - c[2]) <= 0.15) { match = st; break; }
                if (match != null) {
                    open.remove(match);
                    int k = match.count + 1;
                    next.add(new Stack((match.cx * match.count + c[0]) / k, (match.cy * match.count + c[1]) / k, (match.d * match.count + c[2]) / k,
                            match.zBottom, l.z, li, Math.max(match.rms, c[3]), k));
                } else {
                    next.add(new Stack(c[0], c[1], c[2], l.z - l.h, l.z, li, c[3], 1));
                }
            }
            for (Stack st : open) if (li - st.layer > 1) done.add(st); else next.add(st); // one layer may miss
            open = next;
        }
        done.addAll(open);
        List<Primitives.Surface> out = new ArrayList<>();
        for (Stack st : done) {
            if (st.count < 3) continue;
            double len = st.zTop - st.zBottom;
            out.add(new Primitives.Surface(Primitives.Kind.CYLINDER, new double[] {st.cx, st.cy, (st.zBottom + st.zTop) / 2}, new double[] {0, 0, 1},
                    st.d / 2, len, 0, true, st.rms, Math.PI * st.d * len, 0, 360));
        }
        return out;
    }

    /** Straight loop edges at least this long take part in the search for lying channels. */
    static final double LYING_MIN_EDGE_MM = 2;
    /** Layers with more straight edges than this are not searched for lying channels (the pairing is quadratic). */
    static final int MAX_EDGES_PER_LAYER = 2000;

    /**
     * Horizontal channels (lying along the bed): a channel of radius r whose axis lies at height zc cuts every layer
     * at height z within zc ± r into material on both sides of an empty <b>gap</b> of width 2√(r² − (z − zc)²) (a
     * circle's chord) along the axis. Per layer: straight edges of the loops (consecutive collinear moves merged,
     * at least {@link #LYING_MIN_EDGE_MM} long) are paired when parallel (within 1°) and facing each other over a
     * strip that no deposited segment enters and that is not inside the part by the loops' nesting; the gap is
     * their distance less one bead width (the loops are bead centre lines). Gaps of the same direction and middle
     * line (0.3 mm) overlapping along it on consecutive layers (one may miss) stack; a stack of at least five layers
     * whose gap edges (middle ∓ gap / 2 against the layer's mid-height) a Kåsa circle fits within 2 % of the radius
     * + 0.05 mm, spanning at least the radius in height and reaching within 20 % of the radius of the axis height,
     * is a hole cylinder lying along that direction. Its length is the median gap length over the layers near the
     * axis plus one bead width (a wall's centre line stops half a bead short of each end).
     */
    public List<Primitives.Surface> lyingChannels(Deadline deadline) throws UnreadableFileException {
        return lying(deadline, true);
    }

    /**
     * Bosses lying along the bed (a peg or rod on its side), found like {@link #lyingChannels} with the roles
     * swapped: the two parallel edges face each other over the part's material (by the nesting), with nothing
     * deposited within a millimetre beyond either edge and nothing of the part there; the width is their distance
     * plus one bead width. Listed in the facts only (bores and platform features are holes).
     */
    public List<Primitives.Surface> lyingBosses(Deadline deadline) throws UnreadableFileException {
        return lying(deadline, false);
    }

    private List<Primitives.Surface> lying(Deadline deadline, boolean hole) throws UnreadableFileException {
        final class Stack {
            final double theta;
            double mid;
            int last, count;
            final List<double[]> pts = new ArrayList<>(); // {n-offset, z} pairs, two per layer
            final List<double[]> spans = new ArrayList<>(); // {gap, u0, u1} per layer
            Stack(double theta) { this.theta = theta; }
        }
        float[] s = toolpath.seg();
        List<Stack> open = new ArrayList<>(), done = new ArrayList<>();
        for (int li = 0; li < layers.size(); li++) {
            deadline.check();
            Layer l = layers.get(li);
            List<double[]> edges = new ArrayList<>(); // {x0, y0, x1, y1, width}
            for (Loop c : l.loops) straightEdges(c, edges);
            if (edges.size() > MAX_EDGES_PER_LAYER) continue; // pairing is quadratic: such a layer is not searched
            int[] segs = l.segments();
            List<double[]> gaps = new ArrayList<>(); // {theta, mid, gap, u0, u1}
            for (int a = 0; a < edges.size(); a++) {
                if ((a & 0x3f) == 0x3f) deadline.check();
                for (int b = a + 1; b < edges.size(); b++) {
                    double[] e = edges.get(a), f = edges.get(b);
                    double th = Math.atan2(e[3] - e[1], e[2] - e[0]), tf = Math.atan2(f[3] - f[1], f[2] - f[0]);
                    double dt = Math.abs(Math.IEEEremainder(th - tf, Math.PI));
                    if (dt > Math.toRadians(1)) continue;
                    double theta = ((th % Math.PI) + Math.PI) % Math.PI;
                    double ux = Math.cos(theta), uy = Math.sin(theta), nx = -uy, ny = ux;
                    double pe = ((e[0] + e[2]) / 2) * nx + ((e[1] + e[3]) / 2) * ny, pf = ((f[0] + f[2]) / 2) * nx + ((f[1] + f[3]) / 2) * ny;
                    double w = (e[4] + f[4]) / 2, gap = Math.abs(pf - pe) + (hole ? -w : w);
                    if (gap < (hole ? 0.3 : 1) || gap > 80) continue;
                    double e0 = e[0] * ux + e[1] * uy, e1 = e[2] * ux + e[3] * uy, f0 = f[0] * ux + f[1] * uy, f1 = f[2] * ux + f[3] * uy;
                    double u0 = Math.max(Math.min(e0, e1), Math.min(f0, f1)), u1 = Math.min(Math.max(e0, e1), Math.max(f0, f1));
                    if (u1 - u0 < LYING_MIN_EDGE_MM) continue;
                    double n0 = Math.min(pe, pf), n1 = Math.max(pe, pf), mid = (n0 + n1) / 2;
                    double um = (u0 + u1) / 2;
                    if (hole) {
                        if (l.materialAt(um * ux + mid * nx, um * uy + mid * ny)) continue;
                        if (stripEntered(s, segs, ux, uy, u0 + w, u1 - w, n0 + 0.1, n1 - 0.1)) continue;
                    } else {
                        if (!l.materialAt(um * ux + mid * nx, um * uy + mid * ny)) continue;
                        if (l.materialAt(um * ux + (n0 - 0.6) * nx, um * uy + (n0 - 0.6) * ny) || l.materialAt(um * ux + (n1 + 0.6) * nx, um * uy + (n1 + 0.6) * ny)) continue;
                        if (stripEntered(s, segs, ux, uy, u0 + w, u1 - w, n0 - 1.0, n0 - 0.1) || stripEntered(s, segs, ux, uy, u0 + w, u1 - w, n1 + 0.1, n1 + 1.0)) continue;
                    }
                    gaps.add(new double[] {theta, mid, gap, u0, u1});
                }
            }
            List<Stack> next = new ArrayList<>();
            double zMid = l.z - l.h / 2;
            for (double[] g : gaps) {
                Stack match = null;
                for (Stack st : open) {
                    if (Math.abs(Math.IEEEremainder(st.theta - g[0], Math.PI)) > Math.toRadians(1) || Math.abs(st.mid - g[1]) > 0.3) continue;
                    double[] sp = st.spans.get(st.spans.size() - 1);
                    double over = Math.min(sp[2], g[4]) - Math.max(sp[1], g[3]);
                    if (over >= 0.5 * Math.min(sp[2] - sp[1], g[4] - g[3])) { match = st; break; }
                }
                if (match == null) { match = new Stack(g[0]); match.mid = g[1]; }
                else open.remove(match); // a stack grows by one gap a layer
                match.mid = (match.mid * match.count + g[1]) / (match.count + 1);
                match.count++;
                match.last = li;
                match.pts.add(new double[] {g[1] - g[2] / 2, zMid});
                match.pts.add(new double[] {g[1] + g[2] / 2, zMid});
                match.spans.add(new double[] {g[2], g[3], g[4]});
                next.add(match);
            }
            for (Stack st : open) if (li - st.last > 1) done.add(st); else next.add(st); // one layer may miss
            open = next;
        }
        done.addAll(open);
        double w = 0;
        int wn = 0;
        for (Layer l : layers) for (Loop c : l.loops) { w += c.width(); wn++; }
        w = wn == 0 ? 0 : w / wn;
        List<Primitives.Surface> out = new ArrayList<>();
        for (Stack st : done) {
            if (st.count < 5) continue;
            float[] xy = new float[st.pts.size() * 2];
            double zLo = Double.MAX_VALUE, zHi = -Double.MAX_VALUE;
            for (int i = 0; i < st.pts.size(); i++) {
                xy[2 * i] = (float) st.pts.get(i)[0];
                xy[2 * i + 1] = (float) st.pts.get(i)[1];
                zLo = Math.min(zLo, st.pts.get(i)[1]);
                zHi = Math.max(zHi, st.pts.get(i)[1]);
            }
            double[] fit = fitCircle(xy);
            if (fit == null) continue;
            double r = fit[2];
            if (r < 0.5 || r > 40 || fit[3] > 0.02 * r + 0.05 || Math.abs(fit[0] - st.mid) > 0.3) continue;
            if (zHi - zLo < r || Math.max(Math.abs(zLo - fit[1]), Math.abs(zHi - fit[1])) > 1.2 * r) continue;
            double nearest = Double.MAX_VALUE;
            List<Double> lens = new ArrayList<>();
            double gMax = 0;
            for (double[] sp : st.spans) gMax = Math.max(gMax, sp[0]);
            for (int i = 0; i < st.spans.size(); i++) {
                double z = st.pts.get(2 * i)[1];
                nearest = Math.min(nearest, Math.abs(z - fit[1]));
                if (st.spans.get(i)[0] >= 0.8 * gMax) lens.add(st.spans.get(i)[2] - st.spans.get(i)[1]);
            }
            if (nearest > 0.2 * r) continue;
            java.util.Collections.sort(lens);
            double len = lens.get(lens.size() / 2) + w;
            double ux = Math.cos(st.theta), uy = Math.sin(st.theta), nx = -uy, ny = ux;
            double[] sp = st.spans.get(st.spans.size() / 2);
            double um = (sp[1] + sp[2]) / 2;
            double[] centre = {um * ux + fit[0] * nx, um * uy + fit[0] * ny, fit[1]};
            out.add(new Primitives.Surface(Primitives.Kind.CYLINDER, centre, new double[] {ux, uy, 0}, r, len, 0, hole, fit[3], 2 * Math.PI * r * len, 0, 360));
        }
        return out;
    }

    /** The loop's straight edges: consecutive moves merged while they stay within 0.5° of one direction and 0.02 mm of one line. */
    private static void straightEdges(Loop c, List<double[]> out) {
        float[] xy = c.xy;
        int n = c.corners();
        if (n < 3) return;
        // start at a corner where the loop turns, so that no straight edge is cut by the start
        int start = -1;
        for (int i = 0; i < n && start < 0; i++) {
            int p = (i + n - 1) % n, q = (i + 1) % n;
            double a1 = Math.atan2(xy[2 * i + 1] - xy[2 * p + 1], xy[2 * i] - xy[2 * p]), a2 = Math.atan2(xy[2 * q + 1] - xy[2 * i + 1], xy[2 * q] - xy[2 * i]);
            if (Math.abs(Math.IEEEremainder(a2 - a1, 2 * Math.PI)) > Math.toRadians(3)) start = i;
        }
        if (start < 0) return;
        int from = start;
        for (int k = 1; k <= n; k++) {
            int to = (start + k) % n, nxt = (to + 1) % n;
            double x0 = xy[2 * from], y0 = xy[2 * from + 1], x1 = xy[2 * to], y1 = xy[2 * to + 1];
            boolean ends = k == n;
            if (!ends) { // does the edge go on through 'to'?
                double dx = xy[2 * nxt] - x0, dy = xy[2 * nxt + 1] - y0, len = Math.hypot(dx, dy);
                double a1 = Math.atan2(y1 - y0, x1 - x0), a2 = Math.atan2(xy[2 * nxt + 1] - y1, xy[2 * nxt] - x1);
                boolean straight = len > 0 && Math.abs(Math.IEEEremainder(a2 - a1, 2 * Math.PI)) <= Math.toRadians(0.5);
                if (straight) for (int m = from; m != nxt && straight; m = (m + 1) % n)
                    straight = Math.abs((xy[2 * m] - x0) * dy - (xy[2 * m + 1] - y0) * dx) / len <= 0.02;
                if (straight) continue;
            }
            if (Math.hypot(x1 - x0, y1 - y0) >= LYING_MIN_EDGE_MM) out.add(new double[] {x0, y0, x1, y1, c.width()});
            from = to;
        }
    }

    /** Whether any segment's centre line enters the rectangle u in (u0, u1), n in (n0, n1) (u, n: the direction and its normal). */
    private static boolean stripEntered(float[] s, int[] segs, double ux, double uy, double u0, double u1, double n0, double n1) {
        if (u1 <= u0 || n1 <= n0) return false;
        double nx = -uy, ny = ux;
        double[] t = new double[2]; // Liang-Barsky: entry and exit parameters
        for (int q : segs) {
            int o = q * 8;
            double au = s[o] * ux + s[o + 1] * uy, an = s[o] * nx + s[o + 1] * ny, bu = s[o + 3] * ux + s[o + 4] * uy, bn = s[o + 3] * nx + s[o + 4] * ny;
            if (Math.max(au, bu) <= u0 || Math.min(au, bu) >= u1 || Math.max(an, bn) <= n0 || Math.min(an, bn) >= n1) continue;
            double du = bu - au, dn = bn - an;
            t[0] = 0; t[1] = 1;
            if (clip(-du, au - u0, t) && clip(du, u1 - au, t) && clip(-dn, an - n0, t) && clip(dn, n1 - an, t) && t[1] > t[0]) return true;
        }
        return false;
    }

    private static boolean clip(double p, double q, double[] t) {
        if (p == 0) return q >= 0;
        double r = q / p;
        if (p < 0) { if (r > t[1]) return false; if (r > t[0]) t[0] = r; }
        else { if (r < t[0]) return false; if (r < t[1]) t[1] = r; }
        return true;
    }

    /** Kåsa least-squares circle through the corners: {cx, cy, r, rms of the radial misfit}, or null. */
    static double[] fitCircle(float[] xy) {
        int n = xy.length / 2;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += xy[2 * i]; my += xy[2 * i + 1]; }
        mx /= n; my /= n;
        double suu = 0, svv = 0, suv = 0, suuu = 0, svvv = 0, suvv = 0, svuu = 0;
        for (int i = 0; i < n; i++) {
            double u = xy[2 * i] - mx, v = xy[2 * i + 1] - my;
            suu += u * u; svv += v * v; suv += u * v;
            suuu += u * u * u; svvv += v * v * v; suvv += u * v * v; svuu += v * u * u;
        }
        double det = suu * svv - suv * suv;
        if (Math.abs(det) < 1e-12) return null;
        double bu = (suuu + suvv) / 2, bv = (svvv + svuu) / 2;
        double uc = (bu * svv - bv * suv) / det, vc = (bv * suu - bu * suv) / det;
        double r = Math.sqrt(uc * uc + vc * vc + (suu + svv) / n);
        double cx = uc + mx, cy = vc + my, e = 0;
        for (int i = 0; i < n; i++) {
            double d = Math.hypot(xy[2 * i] - cx, xy[2 * i + 1] - cy) - r;
            e += d * d;
        }
        return new double[] {cx, cy, r, Math.sqrt(e / n)};
    }

    /** A growable int array. */
    static final class IntBuf {
        int[] a = new int[16];
        int n;

        void add(int v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        int[] toArray() { return java.util.Arrays.copyOf(a, n); }
    }
}
