package org.ferret.printfiles.geometry;

import java.util.Arrays;
import java.util.BitSet;
import org.ferret.printfiles.read.Deadline;
import org.ferret.printfiles.read.Mesh;
import org.ferret.printfiles.read.Toolpath;
import org.ferret.printfiles.read.UnreadableFileException;

/**
 * The solid as occupied cubes: a mesh by ray parity along z (a cube is solid when its centre is inside), G-code
 * by its beads (a cube is solid when its centre lies in a deposited bead). Both land on the same kind of grid,
 * so a mesh and the G-code sliced from it compare as volumes.
 */
public final class Voxels {
    public final int nx, ny, nz;
    public final double ox, oy, oz, cell;
    public final BitSet solid;

    private Voxels(int nx, int ny, int nz, double ox, double oy, double oz, double cell) {
        this.nx = nx; this.ny = ny; this.nz = nz; this.ox = ox; this.oy = oy; this.oz = oz; this.cell = cell;
        this.solid = new BitSet(nx * ny * nz);
    }

    public int index(int i, int j, int k) {
        return (k * ny + j) * nx + i;
    }

    public boolean at(int i, int j, int k) {
        return i >= 0 && j >= 0 && k >= 0 && i < nx && j < ny && k < nz && solid.get(index(i, j, k));
    }

    public double cx(int i) { return ox + (i + 0.5) * cell; }
    public double cy(int j) { return oy + (j + 0.5) * cell; }
    public double cz(int k) { return oz + (k + 0.5) * cell; }

    public int count() {
        return solid.cardinality();
    }

    /** Occupied cubes with an empty face neighbour: the surface layer. */
    public BitSet boundary() {
        BitSet b = new BitSet(solid.size());
        for (int at = solid.nextSetBit(0); at >= 0; at = solid.nextSetBit(at + 1)) {
            int i = at % nx, j = (at / nx) % ny, k = at / (nx * ny);
            if (!at(i - 1, j, k) || !at(i + 1, j, k) || !at(i, j - 1, k) || !at(i, j + 1, k) || !at(i, j, k - 1) || !at(i, j, k + 1)) b.set(at);
        }
        return b;
    }

    private static Voxels grid(double[] box, int resolution, double pad) {
        double ex = box[3] - box[0] + 2 * pad, ey = box[4] - box[1] + 2 * pad, ez = box[5] - box[2] + 2 * pad;
        double cell = Math.max(ex, Math.max(ey, ez)) / resolution;
        int nx = Math.max(1, (int) Math.ceil(ex / cell)), ny = Math.max(1, (int) Math.ceil(ey / cell)), nz = Math.max(1, (int) Math.ceil(ez / cell));
        return new Voxels(nx, ny, nz, box[0] - pad, box[1] - pad, box[2] - pad, cell);
    }

    public static double[] bounds(Mesh m) {
        double[] r = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        float[] a = m.xyz();
        for (int i = 0, n = m.facets() * 9; i < n; i += 3) {
            for (int d = 0; d < 3; d++) {
                double v = a[i + d];
                if (v < r[d]) r[d] = v;
                if (v > r[3 + d]) r[3 + d] = v;
            }
        }
        return r;
    }

    /** Ray parity along z through each column's centre (nudged off the lattice so rays miss shared edges). */
    public static Voxels of(Mesh m, int resolution, Deadline deadline) throws UnreadableFileException {
        double[] box = bounds(m);
        Voxels v = grid(box, resolution, 0);
        int cols = v.nx * v.ny;
        float[][] hits = new float[cols][];
        int[] hitN = new int[cols];
        double jx = 0.0137 * v.cell, jy = 0.0291 * v.cell;
        float[] a = m.xyz();
        for (int f = 0; f < m.facets(); f++) {
            if ((f & 0xffff) == 0) deadline.check();
            int o = f * 9;
            double x0 = a[o], y0 = a[o + 1], x1 = a[o + 3], y1 = a[o + 4], x2 = a[o + 6], y2 = a[o + 7];
            int i0 = (int) Math.ceil((Math.min(x0, Math.min(x1, x2)) - v.ox - jx) / v.cell - 0.5);
            int i1 = (int) Math.floor((Math.max(x0, Math.max(x1, x2)) - v.ox - jx) / v.cell - 0.5);
            if (i1 < i0) continue;
            int j0 = (int) Math.ceil((Math.min(y0, Math.min(y1, y2)) - v.oy - jy) / v.cell - 0.5);
            int j1 = (int) Math.floor((Math.max(y0, Math.max(y1, y2)) - v.oy - jy) / v.cell - 0.5);
            if (j1 < j0) continue;
            double d = (y1 - y2) * (x0 - x2) + (x2 - x1) * (y0 - y2);
            if (Math.abs(d) < 1e-18) continue; // edge-on to the rays
            i0 = Math.max(0, i0); j0 = Math.max(0, j0); i1 = Math.min(v.nx - 1, i1); j1 = Math.min(v.ny - 1, j1);
            for (int j = j0; j <= j1; j++) {
                double py = v.oy + (j + 0.5) * v.cell + jy;
                for (int i = i0; i <= i1; i++) {
                    double px = v.ox + (i + 0.5) * v.cell + jx;
                    double l0 = ((y1 - y2) * (px - x2) + (x2 - x1) * (py - y2)) / d;
                    double l1 = ((y2 - y0) * (px - x2) + (x0 - x2) * (py - y2)) / d;
                    double l2 = 1 - l0 - l1;
                    if (l0 < 0 || l1 < 0 || l2 < 0) continue;
                    float z = (float) (l0 * a[o + 2] + l1 * a[o + 5] + l2 * a[o + 8]);
                    int c = j * v.nx + i;
                    if (hits[c] == null) hits[c] = new float[4];
                    else if (hitN[c] == hits[c].length) hits[c] = Arrays.copyOf(hits[c], hitN[c] * 2);
                    hits[c][hitN[c]++] = z;
                }
            }
        }
        for (int c = 0; c < cols; c++) {
            if (hits[c] == null) continue;
            float[] z = hits[c];
            int n = hitN[c];
            Arrays.sort(z, 0, n);
            int i = c % v.nx, j = c / v.nx;
            for (int p = 0; p + 1 < n; p += 2) {
                int k0 = (int) Math.ceil((z[p] - v.oz) / v.cell - 0.5), k1 = (int) Math.floor((z[p + 1] - v.oz) / v.cell - 0.5);
                for (int k = Math.max(0, k0); k <= Math.min(v.nz - 1, k1); k++) v.solid.set(v.index(i, j, k));
            }
        }
        return v;
    }

    public static double[] bounds(Toolpath t) {
        double[] r = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        float[] s = t.seg();
        for (int i = 0; i < t.segments(); i++) {
            int o = i * 8;
            double w = s[o + 6] / 2, h = s[o + 7];
            r[0] = Math.min(r[0], Math.min(s[o], s[o + 3]) - w);
            r[1] = Math.min(r[1], Math.min(s[o + 1], s[o + 4]) - w);
            r[2] = Math.min(r[2], Math.min(s[o + 2], s[o + 5]) - h);
            r[3] = Math.max(r[3], Math.max(s[o], s[o + 3]) + w);
            r[4] = Math.max(r[4], Math.max(s[o + 1], s[o + 4]) + w);
            r[5] = Math.max(r[5], Math.max(s[o + 2], s[o + 5]));
        }
        return r;
    }

    /** Each bead is a capsule of its width in x/y over the layer height below the nozzle; see {@link #of(Deposit, int, Deadline)}. */
    public static Voxels of(Toolpath t, int resolution, Deadline deadline) throws UnreadableFileException {
        return of(Deposit.of(t, deadline), resolution, deadline);
    }

    /**
     * The deposit's volume, slice by slice: each cube slice takes the print layer at its centre height. Every
     * cube whose centre lies in a deposited bead (a capsule of the bead's width) is solid. In a layer with closed
     * loops (perimeters), the cross-section is what the loops enclose: each cube is given to the innermost loop
     * around it, and the cubes of a loop that encloses open extrusion (infill of any density or pattern) are
     * solid, and so are the cubes inside a part's outline by the nesting of wall groups
     * ({@link Deposit.Layer#materialInside}) even when nothing is deposited there (0 % infill, a hollow shell of
     * walls: treated as the solid it encloses, so that printing a part as a shell is no way round the screen); a
     * hole's loop that encloses no extrusion stays empty. A pocket of empty cubes inside loops with solid cubes
     * straight below and above is a closed cavity (concentric infill), solid as well. A layer
     * without loops (G-code without perimeters) falls back to filling gaps between beads up to
     * {@link #SPARSE_GAP_MM} along x or y.
     */
    public static Voxels of(Deposit dep, int resolution, Deadline deadline) throws UnreadableFileException {
        Toolpath t = dep.toolpath;
        double[] box = bounds(t);
        Voxels v = grid(box, resolution, 0);
        float[] s = t.seg();
        int plane = v.nx * v.ny;
        BitSet cavity = new BitSet(plane * v.nz);
        int[] region = new int[plane];
        for (int k = 0; k < v.nz; k++) {
            deadline.check();
            Deposit.Layer layer = dep.layerAt(v.cz(k));
            if (layer == null) continue;
            for (int q : layer.segments()) v.bead(s, q, k);
            if (layer.loops.isEmpty()) {
                v.closeGaps(k, SPARSE_GAP_MM);
                continue;
            }
            v.regions(layer.loops, region);
            boolean[] filled = new boolean[layer.loops.size()];
            for (int q : layer.openSegments()) { // which loops enclose open extrusion: samples along each open segment
                int o = q * 8;
                double len = Math.hypot(s[o + 3] - s[o], s[o + 4] - s[o + 1]);
                int n = 1 + (int) (len / (v.cell / 2));
                for (int p = 0; p <= n; p++) {
                    double u = (p + 0.5) / (n + 1);
                    int i = (int) Math.floor((s[o] + u * (s[o + 3] - s[o]) - v.ox) / v.cell), j = (int) Math.floor((s[o + 1] + u * (s[o + 4] - s[o + 1]) - v.oy) / v.cell);
                    if (i < 0 || j < 0 || i >= v.nx || j >= v.ny) continue;
                    int r = region[j * v.nx + i];
                    if (r >= 0) filled[r] = true;
                }
            }
            for (int c = 0; c < plane; c++) {
                int r = region[c];
                if (r < 0) continue;
                int at = k * plane + c;
                if (filled[r] || layer.materialInside(r)) v.solid.set(at);
                else if (!v.solid.get(at)) cavity.set(at);
            }
        }
        for (int c = 0; c < plane; c++) { // closed cavities: empty cubes inside loops, solid below and above
            int k = 0;
            while (k < v.nz) {
                if (!cavity.get(k * plane + c)) { k++; continue; }
                int k0 = k;
                while (k < v.nz && cavity.get(k * plane + c)) k++;
                if (k0 > 0 && k < v.nz && v.solid.get((k0 - 1) * plane + c) && v.solid.get(k * plane + c))
                    for (int f = k0; f < k; f++) v.solid.set(f * plane + c);
            }
        }
        return v;
    }

    /** Sets the cubes of slice k whose centres lie within the bead of segment q. */
    private void bead(float[] s, int q, int k) {
        int o = q * 8;
        double ax = s[o], ay = s[o + 1], bx = s[o + 3], by = s[o + 4], r = s[o + 6] / 2 + 1e-6;
        int i0 = Math.max(0, (int) Math.floor((Math.min(ax, bx) - r - ox) / cell)), i1 = Math.min(nx - 1, (int) Math.floor((Math.max(ax, bx) + r - ox) / cell));
        int j0 = Math.max(0, (int) Math.floor((Math.min(ay, by) - r - oy) / cell)), j1 = Math.min(ny - 1, (int) Math.floor((Math.max(ay, by) + r - oy) / cell));
        double dx = bx - ax, dy = by - ay, ll = dx * dx + dy * dy;
        for (int j = j0; j <= j1; j++)
            for (int i = i0; i <= i1; i++) {
                double px = cx(i) - ax, py = cy(j) - ay;
                double u = ll == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / ll));
                double ex = px - u * dx, ey = py - u * dy;
                if (ex * ex + ey * ey <= r * r) solid.set(index(i, j, k));
            }
    }

    /** For each cube centre of a slice, the innermost loop around it (the smallest by area), or −1: a scan line per row. */
    private void regions(java.util.List<Deposit.Loop> loops, int[] region) {
        Arrays.fill(region, -1);
        int n = loops.size();
        // edges bucketed by the rows they cross
        int[][] rowEdges = new int[ny][];
        int[] rowN = new int[ny];
        for (int l = 0; l < n; l++) {
            float[] xy = loops.get(l).xy();
            int m = xy.length / 2;
            for (int a = 0, b = m - 1; a < m; b = a++) {
                double ya = xy[2 * a + 1], yb = xy[2 * b + 1];
                int j0 = (int) Math.ceil((Math.min(ya, yb) - oy) / cell - 0.5), j1 = (int) Math.floor((Math.max(ya, yb) - oy) / cell - 0.5);
                for (int j = Math.max(0, j0); j <= Math.min(ny - 1, j1); j++) {
                    if (rowEdges[j] == null) rowEdges[j] = new int[8];
                    else if (rowN[j] + 2 > rowEdges[j].length) rowEdges[j] = Arrays.copyOf(rowEdges[j], rowEdges[j].length * 2);
                    rowEdges[j][rowN[j]++] = l;
                    rowEdges[j][rowN[j]++] = a;
                }
            }
        }
        boolean[] inside = new boolean[n];
        for (int j = 0; j < ny; j++) {
            if (rowEdges[j] == null) continue;
            double y = cy(j) + 1.37e-5; // off the corners
            int m = rowN[j] / 2;
            double[] xs = new double[m];
            int[] who = new int[m];
            int c = 0;
            for (int e = 0; e < m; e++) {
                int l = rowEdges[j][2 * e], a = rowEdges[j][2 * e + 1];
                float[] xy = loops.get(l).xy();
                int b = a == 0 ? xy.length / 2 - 1 : a - 1;
                double ya = xy[2 * a + 1], yb = xy[2 * b + 1];
                if ((ya > y) == (yb > y)) continue;
                xs[c] = xy[2 * a] + (y - ya) / (yb - ya) * (xy[2 * b] - xy[2 * a]);
                who[c++] = l;
            }
            Integer[] order = new Integer[c];
            for (int e = 0; e < c; e++) order[e] = e;
            final double[] fx = xs;
            Arrays.sort(order, (p, q) -> Double.compare(fx[p], fx[q]));
            Arrays.fill(inside, false);
            int p = 0, innermost = -1;
            for (int i = 0; i < nx; i++) {
                double x = cx(i);
                boolean changed = false;
                while (p < c && xs[order[p]] < x) { inside[who[order[p]]] ^= true; p++; changed = true; }
                if (changed) {
                    innermost = -1;
                    for (int l = 0; l < n; l++) if (inside[l] && (innermost < 0 || loops.get(l).area() < loops.get(innermost).area())) innermost = l;
                }
                region[j * nx + i] = innermost;
            }
        }
    }

    /**
     * Gaps between beads up to this wide (along x or y, within a layer) count as solid: sparse infill leaves them,
     * a mesh has none. Holes narrower than this are filled too; wider ones stay open.
     */
    public static final double SPARSE_GAP_MM = 2.5;

    private void closeGaps(int k, double mm) {
        int g = (int) Math.floor(mm / cell);
        if (g < 1) return;
        for (int j = 0; j < ny; j++) { // along x
            int last = -1;
            for (int i = 0; i < nx; i++) {
                if (!solid.get(index(i, j, k))) continue;
                if (last >= 0 && i - last - 1 <= g) for (int f = last + 1; f < i; f++) solid.set(index(f, j, k));
                last = i;
            }
        }
        for (int i = 0; i < nx; i++) { // along y
            int last = -1;
            for (int j = 0; j < ny; j++) {
                if (!solid.get(index(i, j, k))) continue;
                if (last >= 0 && j - last - 1 <= g) for (int f = last + 1; f < j; f++) solid.set(index(i, f, k));
                last = j;
            }
        }
    }
}
