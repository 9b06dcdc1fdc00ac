package org.ferret.printfiles.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ferret.printfiles.geometry.Voxels;
import org.ferret.printfiles.read.Mesh;

/**
 * A small slicer for the evaluation's stand-ins: the mesh set on the bed, cut into layers; in each layer the cut is
 * chained into closed contours, {@code perimeters} walls are laid along them (each contour offset into the
 * material by half a bead, one and a half beads, …; corners mitred), the inside is filled with rectilinear
 * infill (alternating x and y lines, {@code WIDTH / density} apart, clipped to the contours offset past the inner
 * wall, overlapping it by 15 %), and the
 * bottom and top {@code solidLayers} layers are solid. Written as G-code in one of several flavours, with the
 * {@code ;TYPE:} feature comments some slicers write (the screen does not need or trust them). Enough to test that
 * the screen compares G-code on the part it deposits, not a printing slicer: no polygon clipping (thin walls get
 * overlapping perimeters), no supports, no bridging. Below full density, every upward or downward facing surface gets
 * {@code solidLayers} layers of skin (where the layers above or below are not also inside the part), as a printing
 * slicer lays it.
 */
public final class Slicer {
    private Slicer() {}

    public enum Flavour {
        /** Marlin, relative extrusion (M83) */
        MARLIN_RELATIVE,
        /** Marlin, absolute extrusion (M82) with G92 E0 per layer */
        MARLIN_ABSOLUTE,
        /** Klipper: PRINT_START macro, EXCLUDE_OBJECT markers, firmware retraction G10/G11 */
        KLIPPER_FIRMWARE_RETRACT,
        /** RepRap with inch units (G20) */
        REPRAP_INCHES
    }

    /** How to slice: walls round each contour, infill density (1 = solid), solid layers at the bottom and the top. */
    public record Settings(Flavour flavour, int perimeters, double density, int solidLayers) {
        public static Settings of(Flavour f) { return new Settings(f, 2, 1.0, 3); }
        public Settings infill(double d) { return new Settings(flavour, perimeters, d, solidLayers); }
        /** The early evaluation slicer: infill lines only, no walls, no solid layers. */
        public Settings noPerimeters() { return new Settings(flavour, 0, density, 0); }
    }

    public static final double LAYER = 0.2, WIDTH = 0.45;
    private static final double FILAMENT_AREA = Math.PI * 1.75 * 1.75 / 4;

    public static byte[] slice(Mesh m, Flavour flavour) {
        return slice(m, Settings.of(flavour));
    }

    /** With {@code density} below 1 the infill lines are spaced {@code WIDTH / density} apart (sparse infill); two walls. */
    public static byte[] slice(Mesh m, Flavour flavour, double density) {
        return slice(m, Settings.of(flavour).infill(density));
    }

    public static byte[] slice(Mesh m, Settings set) {
        Flavour flavour = set.flavour();
        double[] box = Voxels.bounds(m);
        float[] a = m.xyz();
        double inch = flavour == Flavour.REPRAP_INCHES ? 1 / 25.4 : 1;
        StringBuilder g = new StringBuilder(1 << 20);
        g.append("; sliced by the ferret evaluation slicer (stand-in)\n");
        if (flavour == Flavour.KLIPPER_FIRMWARE_RETRACT) g.append("EXCLUDE_OBJECT_DEFINE NAME=standin\nPRINT_START BED=60 EXTRUDER=210\n");
        else g.append("M140 S60\nM104 S210\nG28\nM190 S60\nM109 S210\n");
        g.append(flavour == Flavour.REPRAP_INCHES ? "G20\n" : "G21\n").append("G90\n");
        g.append(flavour == Flavour.MARLIN_ABSOLUTE ? "M82\n" : "M83\n");
        if (flavour == Flavour.KLIPPER_FIRMWARE_RETRACT) g.append("EXCLUDE_OBJECT_START NAME=standin\n");
        double[] e = {0};
        int layers = (int) Math.floor((box[5] - box[2]) / LAYER);
        double offX = 100 - (box[0] + box[3]) / 2, offY = 100 - (box[1] + box[4]) / 2; // centred on a 200 mm bed
        double inset = set.perimeters() > 0 ? set.perimeters() * WIDTH + WIDTH / 2 - 0.15 * WIDTH : WIDTH / 2;
        // first the layers' contours and infill boundaries (the skin of a layer depends on the layers above and below)
        List<List<double[]>> contoursAt = new ArrayList<>(), fillAt = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            double zs = box[2] + (l + 0.5) * LAYER + 1.37e-4;
            List<double[]> segs = new ArrayList<>();
            for (int f = 0; f < m.facets(); f++) {
                double[] cut = cut(a, f * 9, zs);
                if (cut != null) segs.add(cut);
            }
            List<double[]> contours = set.perimeters() > 0 && !segs.isEmpty() ? contours(segs) : List.of();
            List<double[]> fillEdges = segs; // the infill is clipped to the contours offset by the inset (to the cut itself without walls)
            if (set.perimeters() > 0) {
                fillEdges = new ArrayList<>();
                for (double[] c : contours) {
                    double[] w = offset(c, inset);
                    if (w == null) continue;
                    int n = w.length / 2;
                    for (int i = 0; i < n; i++) {
                        int q = (i + 1) % n;
                        fillEdges.add(new double[] {w[2 * i], w[2 * i + 1], w[2 * q], w[2 * q + 1]});
                    }
                }
            }
            contoursAt.add(contours);
            fillAt.add(segs.isEmpty() ? null : fillEdges);
        }
        List<java.util.Map<Long, double[]>> runCache = new ArrayList<>();
        for (int l = 0; l < layers; l++) runCache.add(new java.util.HashMap<>());
        double trim = set.perimeters() > 0 ? 0 : inset;
        for (int l = 0; l < layers; l++) {
            if (fillAt.get(l) == null) continue;
            double zn = (l + 1) * LAYER;
            g.append(String.format(Locale.ROOT, ";LAYER:%d\nG1 Z%.4f F600\n", l, zn * inch));
            if (flavour == Flavour.MARLIN_ABSOLUTE) { g.append("G92 E0\n"); e[0] = 0; }
            if (set.perimeters() > 0) {
                List<double[]> contours = contoursAt.get(l);
                for (int p = set.perimeters() - 1; p >= 0; p--) { // inner walls first, the outer wall last
                    g.append(p == 0 ? ";TYPE:WALL-OUTER\n" : ";TYPE:WALL-INNER\n");
                    for (double[] c : contours) {
                        double[] w = offset(c, (p + 0.5) * WIDTH);
                        if (w == null) continue;
                        int n = w.length / 2;
                        travel(g, flavour, w[0] + offX, w[1] + offY, inch);
                        for (int i = 1; i <= n; i++) {
                            int q = i % n;
                            extrude(g, flavour, w[2 * (i - 1)], w[2 * (i - 1) + 1], w[2 * q], w[2 * q + 1], offX, offY, inch, e);
                        }
                    }
                }
            }
            boolean alongX = l % 2 == 0;
            final int cur = l;
            double lo = alongX ? box[1] : box[0], hi = alongX ? box[4] : box[3];
            if (set.density() >= 1) {
                g.append(";TYPE:FILL\n");
                fill(g, flavour, lo, hi, WIDTH, alongX, c -> runs(fillAt, runCache, cur, alongX, c, trim), offX, offY, inch, e);
            } else {
                // skin: solid where the part's inside is not also inside on each of the solidLayers layers above and
                // below (every upward and downward facing surface, not only the part's bottom and top); sparse
                // infill (none at 0 %) in the rest
                int k = set.solidLayers();
                java.util.function.DoubleFunction<List<double[]>> interior = c -> {
                    List<double[]> in = runs(fillAt, runCache, cur, alongX, c, trim);
                    for (int d = 1; d <= k && !in.isEmpty(); d++) {
                        in = intersect(in, runs(fillAt, runCache, cur + d, alongX, c, trim));
                        in = intersect(in, runs(fillAt, runCache, cur - d, alongX, c, trim));
                    }
                    return in;
                };
                g.append(";TYPE:SKIN\n");
                fill(g, flavour, lo, hi, WIDTH, alongX, c -> subtract(runs(fillAt, runCache, cur, alongX, c, trim), interior.apply(c)), offX, offY, inch, e);
                if (set.density() > 0) {
                    g.append(";TYPE:FILL\n");
                    fill(g, flavour, lo, hi, WIDTH / set.density(), alongX, interior::apply, offX, offY, inch, e);
                }
            }
        }
        if (flavour == Flavour.KLIPPER_FIRMWARE_RETRACT) g.append("EXCLUDE_OBJECT_END NAME=standin\nPRINT_END\n");
        else g.append("M104 S0\nM140 S0\nM84\n");
        return g.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Lays the runs of one line every {@code spacing} across [lo, hi), boustrophedon. */
    private static void fill(StringBuilder g, Flavour flavour, double lo, double hi, double spacing, boolean alongX,
                             java.util.function.DoubleFunction<List<double[]>> runsAt, double offX, double offY, double inch, double[] e) {
        boolean forward = true;
        for (double c = lo + WIDTH / 2 + 1.1e-4; c < hi; c += spacing) {
            List<double[]> runs = new ArrayList<>();
            for (double[] r : runsAt.apply(c)) if (r[1] > r[0] + 0.05) runs.add(r);
            if (!forward) java.util.Collections.reverse(runs);
            for (double[] r : runs) {
                double from = forward ? r[0] : r[1], to = forward ? r[1] : r[0];
                double x0 = alongX ? from : c, y0 = alongX ? c : from, x1 = alongX ? to : c, y1 = alongX ? c : to;
                travel(g, flavour, x0 + offX, y0 + offY, inch);
                extrude(g, flavour, x0, y0, x1, y1, offX, offY, inch, e);
            }
            forward = !forward;
        }
    }

    /** The inside of layer l's infill boundary along the line at c (x lines when alongX), as sorted runs; none outside the part. */
    private static List<double[]> runs(List<List<double[]>> fillAt, List<java.util.Map<Long, double[]>> cache, int l, boolean alongX, double c, double trim) {
        if (l < 0 || l >= fillAt.size() || fillAt.get(l) == null) return List.of();
        double[] flat = cache.get(l).computeIfAbsent((alongX ? 1L << 40 : 0L) + Math.round(c * 1e4), key -> {
            List<Double> xs = new ArrayList<>();
            for (double[] s : fillAt.get(l)) {
                double p0 = alongX ? s[1] : s[0], p1 = alongX ? s[3] : s[2];
                if ((p0 <= c) == (p1 <= c)) continue;
                double t = (c - p0) / (p1 - p0);
                xs.add(alongX ? s[0] + t * (s[2] - s[0]) : s[1] + t * (s[3] - s[1]));
            }
            java.util.Collections.sort(xs);
            List<Double> out = new ArrayList<>();
            for (int i = 0; i + 1 < xs.size(); i += 2) {
                double s0 = xs.get(i) + trim, s1 = xs.get(i + 1) - trim;
                if (s1 > s0) { out.add(s0); out.add(s1); }
            }
            double[] r = new double[out.size()];
            for (int i = 0; i < r.length; i++) r[i] = out.get(i);
            return r;
        });
        List<double[]> r = new ArrayList<>(flat.length / 2);
        for (int i = 0; i + 1 < flat.length; i += 2) r.add(new double[] {flat[i], flat[i + 1]});
        return r;
    }

    static List<double[]> intersect(List<double[]> a, List<double[]> b) {
        List<double[]> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < a.size() && j < b.size()) {
            double lo = Math.max(a.get(i)[0], b.get(j)[0]), hi = Math.min(a.get(i)[1], b.get(j)[1]);
            if (hi > lo) out.add(new double[] {lo, hi});
            if (a.get(i)[1] < b.get(j)[1]) i++; else j++;
        }
        return out;
    }

    static List<double[]> subtract(List<double[]> a, List<double[]> b) {
        List<double[]> out = new ArrayList<>();
        for (double[] r : a) {
            double from = r[0];
            for (double[] q : b) {
                if (q[1] <= from || q[0] >= r[1]) continue;
                if (q[0] > from) out.add(new double[] {from, q[0]});
                from = Math.max(from, q[1]);
            }
            if (r[1] > from) out.add(new double[] {from, r[1]});
        }
        return out;
    }

    private static void travel(StringBuilder g, Flavour flavour, double x, double y, double inch) {
        boolean retract = flavour == Flavour.KLIPPER_FIRMWARE_RETRACT;
        if (retract) g.append("G10\n");
        g.append(String.format(Locale.ROOT, "G0 X%.4f Y%.4f F9000\n", x * inch, y * inch));
        if (retract) g.append("G11\n");
    }

    private static void extrude(StringBuilder g, Flavour flavour, double x0, double y0, double x1, double y1, double offX, double offY, double inch, double[] e) {
        double de = Math.hypot(x1 - x0, y1 - y0) * WIDTH * LAYER / FILAMENT_AREA;
        e[0] += de;
        double ev = flavour == Flavour.MARLIN_ABSOLUTE ? e[0] : de;
        g.append(String.format(Locale.ROOT, "G1 X%.4f Y%.4f E%.5f F1800\n", (x1 + offX) * inch, (y1 + offY) * inch, ev * inch));
    }

    /**
     * The layer's cut segments chained into closed contours (corners matched to 0.1 µm), each as {x0, y0, x1, y1, …},
     * outlines counter-clockwise and holes clockwise (by how many other contours hold it), so that the material is
     * on the left of the direction of travel.
     */
    static List<double[]> contours(List<double[]> segs) {
        java.util.Map<Long, List<Integer>> at = new java.util.HashMap<>();
        for (int i = 0; i < segs.size(); i++) {
            double[] s = segs.get(i);
            at.computeIfAbsent(key(s[0], s[1]), k -> new ArrayList<>()).add(i);
            at.computeIfAbsent(key(s[2], s[3]), k -> new ArrayList<>()).add(i);
        }
        boolean[] used = new boolean[segs.size()];
        List<double[]> out = new ArrayList<>();
        for (int start = 0; start < segs.size(); start++) {
            if (used[start]) continue;
            List<double[]> pts = new ArrayList<>();
            int cur = start;
            double[] s = segs.get(cur);
            double px = s[0], py = s[1];
            while (cur >= 0 && !used[cur]) {
                used[cur] = true;
                s = segs.get(cur);
                boolean fwd = key(s[0], s[1]) == key(px, py);
                double qx = fwd ? s[2] : s[0], qy = fwd ? s[3] : s[1];
                double[] last = pts.isEmpty() ? null : pts.get(pts.size() - 1);
                if (last == null || Math.hypot(last[0] - px, last[1] - py) > 1e-3) pts.add(new double[] {px, py}); // no repeated corners
                px = qx; py = qy;
                int next = -1;
                for (int o : at.getOrDefault(key(px, py), List.of())) if (!used[o]) { next = o; break; }
                cur = next;
            }
            while (pts.size() > 1 && Math.hypot(pts.get(0)[0] - pts.get(pts.size() - 1)[0], pts.get(0)[1] - pts.get(pts.size() - 1)[1]) <= 1e-3) pts.remove(pts.size() - 1);
            pts = simplify(pts);
            if (pts.size() < 3) continue;
            double[] c = new double[pts.size() * 2];
            for (int i = 0; i < pts.size(); i++) { c[2 * i] = pts.get(i)[0]; c[2 * i + 1] = pts.get(i)[1]; }
            out.add(c);
        }
        for (double[] c : out) {
            int depth = 0;
            for (double[] o : out) if (o != c && inside(o, c[0], c[1])) depth++;
            boolean ccw = area(c) > 0;
            if (ccw != (depth % 2 == 0)) reverse(c);
        }
        return out;
    }

    /** Drops corners within 5 µm of the line through their neighbours (collinear points, slivers of the cut): they would bend the offset. */
    private static List<double[]> simplify(List<double[]> pts) {
        List<double[]> out = new ArrayList<>(pts);
        boolean changed = true;
        while (changed && out.size() > 3) {
            changed = false;
            for (int i = 0; i < out.size() && out.size() > 3; i++) {
                double[] a = out.get((i + out.size() - 1) % out.size()), p = out.get(i), b = out.get((i + 1) % out.size());
                double dx = b[0] - a[0], dy = b[1] - a[1], l = Math.hypot(dx, dy);
                double dist = l < 1e-9 ? Math.hypot(p[0] - a[0], p[1] - a[1]) : Math.abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / l;
                if (dist < 0.005) { out.remove(i); i--; changed = true; }
            }
        }
        return out;
    }

    private static long key(double x, double y) {
        return Math.round(x * 1e4) << 32 | Math.round(y * 1e4) & 0xffffffffL; // exact for |x|, |y| < 200 m
    }

    static double area(double[] c) {
        double a = 0;
        int n = c.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) a += c[2 * j] * c[2 * i + 1] - c[2 * i] * c[2 * j + 1];
        return a / 2;
    }

    private static boolean inside(double[] c, double x, double y) {
        boolean in = false;
        int n = c.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++)
            if ((c[2 * i + 1] > y) != (c[2 * j + 1] > y) && x < c[2 * i] + (y - c[2 * i + 1]) / (c[2 * j + 1] - c[2 * i + 1]) * (c[2 * j] - c[2 * i])) in = !in;
        return in;
    }

    private static void reverse(double[] c) {
        int n = c.length / 2;
        for (int i = 0; i < n / 2; i++) {
            int j = n - 1 - i;
            double x = c[2 * i], y = c[2 * i + 1];
            c[2 * i] = c[2 * j]; c[2 * i + 1] = c[2 * j + 1];
            c[2 * j] = x; c[2 * j + 1] = y;
        }
    }

    /** The contour moved {@code d} to the left of its direction (into the material), corners mitred; null when it collapses. */
    static double[] offset(double[] c, double d) {
        int n = c.length / 2;
        double[] o = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int p = (i + n - 1) % n, q = (i + 1) % n;
            double ex = c[2 * i] - c[2 * p], ey = c[2 * i + 1] - c[2 * p + 1], fx = c[2 * q] - c[2 * i], fy = c[2 * q + 1] - c[2 * i + 1];
            double le = Math.hypot(ex, ey), lf = Math.hypot(fx, fy);
            if (le < 1e-9 || lf < 1e-9) { o[2 * i] = c[2 * i]; o[2 * i + 1] = c[2 * i + 1]; continue; }
            double n1x = -ey / le, n1y = ex / le, n2x = -fy / lf, n2y = fx / lf;
            double bx = n1x + n2x, by = n1y + n2y, bl = Math.hypot(bx, by);
            if (bl < 1e-9) { bx = n1x; by = n1y; bl = 1; }
            bx /= bl; by /= bl;
            double k = d / Math.max(0.3, bx * n1x + by * n1y);
            o[2 * i] = c[2 * i] + bx * k;
            o[2 * i + 1] = c[2 * i + 1] + by * k;
        }
        double a0 = area(c), a1 = area(o);
        if (Math.signum(a0) != Math.signum(a1) || Math.abs(a1) < WIDTH * WIDTH) return null;
        if (a0 > 0 && a1 >= a0) return null; // an outline must shrink when offset inwards
        return o;
    }

    /**
     * The segment where the plane z = zs cuts facet o, or null. Each edge is cut from its lexicographically smaller
     * corner, so the two facets sharing an edge give bit-identical points and the contours chain exactly (a tilted
     * mesh otherwise gives points a rounding apart, and broken chains then get the wrong orientation).
     */
    private static double[] cut(float[] a, int o, double zs) {
        double[] pts = new double[4];
        int n = 0;
        for (int c = 0; c < 3; c++) {
            int p = o + c * 3, q = o + ((c + 1) % 3) * 3;
            if (before(a, q, p)) { int t = p; p = q; q = t; }
            double zp = a[p + 2] - zs, zq = a[q + 2] - zs;
            if ((zp < 0) == (zq < 0)) continue;
            double t = zp / (zp - zq);
            if (n < 4) {
                pts[n++] = a[p] + t * (a[q] - a[p]);
                pts[n++] = a[p + 1] + t * (a[q + 1] - a[p + 1]);
            }
        }
        return n == 4 ? pts : null;
    }

    private static boolean before(float[] a, int p, int q) {
        for (int d = 0; d < 3; d++) if (a[p + d] != a[q + d]) return a[p + d] < a[q + d];
        return false;
    }
}
