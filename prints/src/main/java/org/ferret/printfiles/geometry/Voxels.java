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

    /** Each bead is a capsule of its width in x/y over the layer height below the nozzle. */
    public static Voxels of(Toolpath t, int resolution, Deadline deadline) throws UnreadableFileException {
        double[] box = bounds(t);
        Voxels v = grid(box, resolution, 0);
        float[] s = t.seg();
        for (int q = 0; q < t.segments(); q++) {
            if ((q & 0x3fff) == 0) deadline.check();
            int o = q * 8;
            double ax = s[o], ay = s[o + 1], bx = s[o + 3], by = s[o + 4], z = Math.max(s[o + 2], s[o + 5]), r = s[o + 6] / 2 + 1e-6, h = s[o + 7];
            int k0 = (int) Math.ceil((z - h - v.oz) / v.cell - 0.5 + 1e-9), k1 = (int) Math.floor((z - v.oz) / v.cell - 0.5);
            if (k1 < k0) continue;
            int i0 = Math.max(0, (int) Math.floor((Math.min(ax, bx) - r - v.ox) / v.cell)), i1 = Math.min(v.nx - 1, (int) Math.floor((Math.max(ax, bx) + r - v.ox) / v.cell));
            int j0 = Math.max(0, (int) Math.floor((Math.min(ay, by) - r - v.oy) / v.cell)), j1 = Math.min(v.ny - 1, (int) Math.floor((Math.max(ay, by) + r - v.oy) / v.cell));
            double dx = bx - ax, dy = by - ay, ll = dx * dx + dy * dy;
            for (int j = j0; j <= j1; j++)
                for (int i = i0; i <= i1; i++) {
                    double px = v.cx(i) - ax, py = v.cy(j) - ay;
                    double u = ll == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / ll));
                    double ex = px - u * dx, ey = py - u * dy;
                    if (ex * ex + ey * ey > r * r) continue;
                    for (int k = Math.max(0, k0); k <= Math.min(v.nz - 1, k1); k++) v.solid.set(v.index(i, j, k));
                }
        }
        v.closeGaps(SPARSE_GAP_MM, deadline);
        return v;
    }

    /**
     * Gaps between beads up to this wide (along x or y, within a layer) count as solid: sparse infill leaves them,
     * a mesh has none. Holes narrower than this are filled too; wider ones stay open.
     */
    public static final double SPARSE_GAP_MM = 2.5;

    private void closeGaps(double mm, Deadline deadline) throws UnreadableFileException {
        int g = (int) Math.floor(mm / cell);
        if (g < 1) return;
        for (int k = 0; k < nz; k++) {
            deadline.check();
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
}
