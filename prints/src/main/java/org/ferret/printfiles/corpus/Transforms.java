package org.ferret.printfiles.corpus;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ferret.printfiles.geometry.Voxels;
import org.ferret.printfiles.read.Mesh;

/** What an evader or an ordinary tool does to a mesh: rotate, move, mirror, scale, re-mesh, decimate, edit. */
public final class Transforms {
    private Transforms() {}

    public static Mesh copy(Mesh m) {
        return new Mesh(m.xyz().clone(), m.facets());
    }

    /** A rotation drawn uniformly from the seed (a random unit quaternion) and a translation of up to 100 mm. */
    public static Mesh rotateAndMove(Mesh m, long seed, boolean move) {
        SplittableRandom r = new SplittableRandom(seed);
        double u1 = r.nextDouble(), u2 = r.nextDouble() * 2 * Math.PI, u3 = r.nextDouble() * 2 * Math.PI;
        double qw = Math.sqrt(1 - u1) * Math.sin(u2), qx = Math.sqrt(1 - u1) * Math.cos(u2), qy = Math.sqrt(u1) * Math.sin(u3), qz = Math.sqrt(u1) * Math.cos(u3);
        double[][] R = {
                {1 - 2 * (qy * qy + qz * qz), 2 * (qx * qy - qz * qw), 2 * (qx * qz + qy * qw)},
                {2 * (qx * qy + qz * qw), 1 - 2 * (qx * qx + qz * qz), 2 * (qy * qz - qx * qw)},
                {2 * (qx * qz - qy * qw), 2 * (qy * qz + qx * qw), 1 - 2 * (qx * qx + qy * qy)}};
        double tx = move ? r.nextDouble(-100, 100) : 0, ty = move ? r.nextDouble(-100, 100) : 0, tz = move ? r.nextDouble(-100, 100) : 0;
        float[] a = m.xyz().clone();
        for (int i = 0; i < m.facets() * 9; i += 3) {
            double x = a[i], y = a[i + 1], z = a[i + 2];
            a[i] = (float) (R[0][0] * x + R[0][1] * y + R[0][2] * z + tx);
            a[i + 1] = (float) (R[1][0] * x + R[1][1] * y + R[1][2] * z + ty);
            a[i + 2] = (float) (R[2][0] * x + R[2][1] * y + R[2][2] * z + tz);
        }
        return new Mesh(a, m.facets());
    }

    /** Mirror image across the y-z plane (windings reversed so the surface still faces out). */
    /** Stood up: (x, y, z) → (y, z, x), a rotation that turns the x axis (the stand-ins' channels, the tubes) upright. */
    public static Mesh standUp(Mesh m) {
        Mesh c = copy(m);
        float[] a = c.xyz();
        for (int i = 0; i < c.facets() * 9; i += 3) {
            float x = a[i], y = a[i + 1], z = a[i + 2];
            a[i] = y; a[i + 1] = z; a[i + 2] = x;
        }
        return c;
    }

    public static Mesh mirror(Mesh m) {
        float[] a = m.xyz().clone();
        for (int f = 0; f < m.facets(); f++) {
            int o = f * 9;
            for (int c = 0; c < 3; c++) a[o + c * 3] = -a[o + c * 3];
            for (int k = 0; k < 3; k++) {
                float t = a[o + 3 + k];
                a[o + 3 + k] = a[o + 6 + k];
                a[o + 6 + k] = t;
            }
        }
        return new Mesh(a, m.facets());
    }

    public static Mesh scale(Mesh m, double s) {
        float[] a = m.xyz().clone();
        for (int i = 0; i < m.facets() * 9; i++) a[i] = (float) (a[i] * s);
        return new Mesh(a, m.facets());
    }

    /** Re-meshing: every triangle split into four at its edge midpoints (same surface, other facets). */
    public static Mesh subdivide(Mesh m) {
        MeshBuilder b = new MeshBuilder();
        float[] a = m.xyz();
        for (int f = 0; f < m.facets(); f++) {
            int o = f * 9;
            double[] p = {a[o], a[o + 1], a[o + 2]}, q = {a[o + 3], a[o + 4], a[o + 5]}, r = {a[o + 6], a[o + 7], a[o + 8]};
            double[] pq = mid(p, q), qr = mid(q, r), rp = mid(r, p);
            b.tri(p, pq, rp).tri(pq, q, qr).tri(rp, qr, r).tri(pq, qr, rp);
        }
        return b.build();
    }

    private static double[] mid(double[] a, double[] b) {
        return new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
    }

    /**
     * Decimation by vertex clustering: corners snapped to the mean of their cell of a grid {@code cells} across the
     * longest side; triangles that collapse are dropped.
     */
    public static Mesh decimate(Mesh m, int cells) {
        double[] box = Voxels.bounds(m);
        double size = Math.max(box[3] - box[0], Math.max(box[4] - box[1], box[5] - box[2])) / cells;
        float[] a = m.xyz();
        Map<Long, double[]> sum = new HashMap<>();
        long[] key = new long[m.facets() * 3];
        for (int c = 0; c < m.facets() * 3; c++) {
            long ix = (long) Math.floor((a[c * 3] - box[0]) / size), iy = (long) Math.floor((a[c * 3 + 1] - box[1]) / size), iz = (long) Math.floor((a[c * 3 + 2] - box[2]) / size);
            key[c] = (ix * 4096 + iy) * 4096 + iz;
            double[] s = sum.computeIfAbsent(key[c], k -> new double[4]);
            s[0] += a[c * 3]; s[1] += a[c * 3 + 1]; s[2] += a[c * 3 + 2]; s[3]++;
        }
        MeshBuilder b = new MeshBuilder();
        for (int f = 0; f < m.facets(); f++) {
            long k0 = key[f * 3], k1 = key[f * 3 + 1], k2 = key[f * 3 + 2];
            if (k0 == k1 || k1 == k2 || k0 == k2) continue;
            b.tri(mean(sum.get(k0)), mean(sum.get(k1)), mean(sum.get(k2)));
        }
        return b.build();
    }

    private static double[] mean(double[] s) {
        return new double[] {s[0] / s[3], s[1] / s[3], s[2] / s[3]};
    }

    /** A light edit: a small block (about 10 % of each side) set on the part's top at one corner. */
    public static Mesh addBlock(Mesh m) {
        double[] box = Voxels.bounds(m);
        double ex = box[3] - box[0], ey = box[4] - box[1], ez = box[5] - box[2];
        MeshBuilder b = new MeshBuilder().add(m);
        Shapes.box(b, box[0] + 0.02 * ex, box[1] + 0.02 * ey, box[5], box[0] + 0.12 * ex, box[1] + 0.12 * ey, box[5] + 0.1 * Math.max(ez, 0.2 * ex));
        return b.build();
    }
}
