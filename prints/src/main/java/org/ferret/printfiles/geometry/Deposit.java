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

        Layer(double z, double h) { this.z = z; this.h = h; }

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
        return new Deposit(t, new ArrayList<>(byZ.values()));
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
            for (Loop c : l.loops) {
                if (c.corners() < 8) continue;
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
