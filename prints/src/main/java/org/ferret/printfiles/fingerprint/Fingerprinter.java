package org.ferret.printfiles.fingerprint;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.ferret.printfiles.geometry.Voxels;
import org.ferret.printfiles.read.Deadline;
import org.ferret.printfiles.read.UnreadableFileException;

/**
 * Computes a {@link Fingerprint} from the occupied cubes of a part: shape distributions (Osada et al.'s D2:
 * distances between random point pairs) of the solid and of its surface layer, distances from the centroid,
 * |coordinates| along the principal axes of inertia (absolute values: no axis sign, so mirror images agree), and
 * the square roots of the inertia ratios. Sampling uses a fixed seed: the same grid gives the same fingerprint.
 */
public final class Fingerprinter {
    private Fingerprinter() {}

    /** Cubes along the longest side of the grid the fingerprint is taken on. */
    public static final int RESOLUTION = 96;
    static final int SAMPLES = 1500;

    public static Fingerprint of(Voxels v, Deadline deadline) throws UnreadableFileException {
        BitSet solid = v.solid;
        int n = solid.cardinality();
        if (n < 64) throw new UnreadableFileException(UnreadableFileException.Kind.MALFORMED,
                "the part encloses too little volume to fingerprint (" + n + " of " + (v.nx * v.ny * v.nz) + " cubes solid): an open or inside-out surface?");
        double[] xs = new double[n], ys = new double[n], zs = new double[n];
        int q = 0;
        double mx = 0, my = 0, mz = 0;
        for (int at = solid.nextSetBit(0); at >= 0; at = solid.nextSetBit(at + 1)) {
            int i = at % v.nx, j = (at / v.nx) % v.ny, k = at / (v.nx * v.ny);
            xs[q] = v.cx(i); ys[q] = v.cy(j); zs[q] = v.cz(k);
            mx += xs[q]; my += ys[q]; mz += zs[q];
            q++;
        }
        mx /= n; my /= n; mz /= n;
        double[] cov = new double[9];
        for (int p = 0; p < n; p++) {
            double x = xs[p] - mx, y = ys[p] - my, z = zs[p] - mz;
            xs[p] = x; ys[p] = y; zs[p] = z;
            cov[0] += x * x; cov[1] += x * y; cov[2] += x * z; cov[4] += y * y; cov[5] += y * z; cov[8] += z * z;
        }
        cov[3] = cov[1]; cov[6] = cov[2]; cov[7] = cov[5];
        for (int r = 0; r < 9; r++) cov[r] /= n;
        deadline.check();
        org.ferret.printfiles.geometry.Inertia e = org.ferret.printfiles.geometry.Inertia.of(cov);
        double rho = Math.sqrt(e.values()[0] + e.values()[1] + e.values()[2]);
        if (!(rho > 0)) throw new UnreadableFileException(UnreadableFileException.Kind.MALFORMED, "the part has no extent to fingerprint");
        double[] shape = new double[Fingerprint.LENGTH];
        SplittableRandom rnd = new SplittableRandom(0x5eed);
        // boundary cubes
        BitSet bnd = v.boundary();
        int nb = bnd.cardinality();
        int[] bIdx = new int[nb];
        q = 0;
        int p = 0;
        for (int at = solid.nextSetBit(0); at >= 0; at = solid.nextSetBit(at + 1), p++) if (bnd.get(at)) bIdx[q++] = p;
        d2(xs, ys, zs, null, n, rho, rnd, shape, Fingerprint.BLOCK_START[0], v.cell);
        d2(xs, ys, zs, bIdx, nb, rho, rnd, shape, Fingerprint.BLOCK_START[1], v.cell);
        deadline.check();
        radial(xs, ys, zs, null, n, rho, shape, Fingerprint.BLOCK_START[2]);
        radial(xs, ys, zs, bIdx, nb, rho, shape, Fingerprint.BLOCK_START[3]);
        for (int a = 0; a < 3; a++) {
            double[] ax = e.vector(a);
            int start = Fingerprint.BLOCK_START[4 + a];
            for (int t = 0; t < n; t++) {
                double d = Math.abs(xs[t] * ax[0] + ys[t] * ax[1] + zs[t] * ax[2]) / rho;
                shape[start + Math.min(Fingerprint.AXIS - 1, (int) (d / 2.0 * Fingerprint.AXIS))] += 1.0 / n;
            }
        }
        double[] l = e.values();
        double[] axis = (l[0] - l[1]) / l[0] > (l[1] - l[2]) / Math.max(l[1], 1e-12) ? e.vector(0) : e.vector(2);
        section(xs, ys, zs, null, n, axis, shape, Fingerprint.BLOCK_START[7]);
        section(xs, ys, zs, bIdx, nb, axis, shape, Fingerprint.BLOCK_START[8]);
        shape[Fingerprint.LENGTH - 2] = Math.sqrt(Math.max(0, e.values()[1] / e.values()[0]));
        shape[Fingerprint.LENGTH - 1] = Math.sqrt(Math.max(0, e.values()[2] / e.values()[0]));
        return new Fingerprint(shape, rho);
    }

    private static void d2(double[] xs, double[] ys, double[] zs, int[] idx, int n, double rho, SplittableRandom rnd, double[] out, int start, double cell) {
        if (n < 2) return;
        int m = Math.min(SAMPLES, n);
        double[] px = new double[m], py = new double[m], pz = new double[m];
        for (int s = 0; s < m; s++) {
            int t = m == n ? s : rnd.nextInt(n);
            int i = idx == null ? t : idx[t];
            px[s] = xs[i] + (rnd.nextDouble() - 0.5) * cell;
            py[s] = ys[i] + (rnd.nextDouble() - 0.5) * cell;
            pz[s] = zs[i] + (rnd.nextDouble() - 0.5) * cell;
        }
        double scale = Fingerprint.D2 / (4.0 * rho);
        long pairs = 0;
        double[] h = new double[Fingerprint.D2];
        for (int a = 0; a < m; a++)
            for (int b = a + 1; b < m; b++) {
                double dx = px[a] - px[b], dy = py[a] - py[b], dz = pz[a] - pz[b];
                int bin = (int) (Math.sqrt(dx * dx + dy * dy + dz * dz) * scale);
                h[bin < Fingerprint.D2 ? bin : Fingerprint.D2 - 1]++;
                pairs++;
            }
        for (int i = 0; i < h.length; i++) out[start + i] = h[i] / pairs;
    }

    /** Distances from an axis through the centroid, over their RMS: the cross-section's shape, whatever the elongation. */
    private static void section(double[] xs, double[] ys, double[] zs, int[] idx, int n, double[] ax, double[] out, int start) {
        if (n == 0) return;
        double[] d = new double[n];
        double ss = 0;
        for (int t = 0; t < n; t++) {
            int i = idx == null ? t : idx[t];
            double along = xs[i] * ax[0] + ys[i] * ax[1] + zs[i] * ax[2];
            double px = xs[i] - along * ax[0], py = ys[i] - along * ax[1], pz = zs[i] - along * ax[2];
            d[t] = Math.sqrt(px * px + py * py + pz * pz);
            ss += d[t] * d[t];
        }
        double rms = Math.sqrt(ss / n);
        if (!(rms > 0)) return;
        double scale = Fingerprint.SECTION / (2.5 * rms);
        for (int t = 0; t < n; t++) {
            int bin = (int) (d[t] * scale);
            out[start + (bin < Fingerprint.SECTION ? bin : Fingerprint.SECTION - 1)] += 1.0 / n;
        }
    }

    private static void radial(double[] xs, double[] ys, double[] zs, int[] idx, int n, double rho, double[] out, int start) {
        if (n == 0) return;
        double scale = Fingerprint.RADIAL / (2.5 * rho);
        for (int t = 0; t < n; t++) {
            int i = idx == null ? t : idx[t];
            int bin = (int) (Math.sqrt(xs[i] * xs[i] + ys[i] * ys[i] + zs[i] * zs[i]) * scale);
            out[start + (bin < Fingerprint.RADIAL ? bin : Fingerprint.RADIAL - 1)] += 1.0 / n;
        }
    }
}
