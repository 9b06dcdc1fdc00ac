package org.ferret.printfiles.geometry;

import java.util.ArrayList;
import java.util.List;
import org.ferret.printfiles.read.Deadline;
import org.ferret.printfiles.read.Mesh;
import org.ferret.printfiles.read.UnreadableFileException;

/**
 * Fits planes, cylinders and cones to the mesh: facets are grown into smooth regions (neighbours bending by less
 * than {@link #SMOOTH_DEG}); a region whose normals all agree is a plane; one whose normals are perpendicular to a
 * common axis is a cylinder, at a constant angle to it a cone; a cylinder whose normals point at its axis is a hole,
 * away from it a boss (the mesh's winding, corrected by the sign of its volume).
 */
public final class Primitives {
    private Primitives() {}

    static final double SMOOTH_DEG = 32;

    public enum Kind { PLANE, CYLINDER, CONE }

    /**
     * One fitted surface. For a plane: {@code axis} is the normal, {@code radius} 0. For a cylinder or cone:
     * the axis through {@code centre}, {@code radius} (a cone's at its middle), {@code length} along the axis,
     * {@code halfAngleDeg} (0 for a cylinder), {@code hole} true when the material is outside, {@code rmsError}
     * of the fit in millimetres, {@code area} in mm².
     */
    public record Surface(Kind kind, double[] centre, double[] axis, double radius, double length, double halfAngleDeg,
                          boolean hole, double rmsError, double area, int facets, double sweepDeg) {
        public double diameter() { return 2 * radius; }
    }

    public static List<Surface> fit(Mesh m, Topology t, Deadline deadline) throws UnreadableFileException {
        int f = m.facets();
        float[] a = m.xyz();
        double[] nrm = new double[f * 3];
        double[] area = new double[f];
        for (int i = 0; i < f; i++) {
            int o = i * 9;
            double ux = a[o + 3] - a[o], uy = a[o + 4] - a[o + 1], uz = a[o + 5] - a[o + 2];
            double vx = a[o + 6] - a[o], vy = a[o + 7] - a[o + 1], vz = a[o + 8] - a[o + 2];
            double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
            double l = Math.sqrt(nx * nx + ny * ny + nz * nz);
            area[i] = l / 2;
            if (l > 0) { nrm[i * 3] = nx / l; nrm[i * 3 + 1] = ny / l; nrm[i * 3 + 2] = nz / l; }
        }
        double sign = t.signedVolume < 0 ? -1 : 1;
        double cosSmooth = Math.cos(Math.toRadians(SMOOTH_DEG));
        int[] region = new int[f];
        java.util.Arrays.fill(region, -1);
        int[] stack = new int[f];
        List<Surface> out = new ArrayList<>();
        int regions = 0;
        for (int s = 0; s < f; s++) {
            if (region[s] >= 0 || area[s] == 0) continue;
            if ((regions & 0x3ff) == 0) deadline.check();
            int top = 0, size = 0;
            stack[top++] = s;
            region[s] = regions;
            int[] members = new int[16];
            while (top > 0) {
                int x = stack[--top];
                if (size == members.length) members = java.util.Arrays.copyOf(members, size * 2);
                members[size++] = x;
                for (int c = 0; c < 3; c++) {
                    int y = t.across[x * 3 + c];
                    if (y < 0 || region[y] >= 0 || area[y] == 0) continue;
                    double d = nrm[x * 3] * nrm[y * 3] + nrm[x * 3 + 1] * nrm[y * 3 + 1] + nrm[x * 3 + 2] * nrm[y * 3 + 2];
                    if (d < cosSmooth) continue;
                    region[y] = regions;
                    stack[top++] = y;
                }
            }
            regions++;
            Surface sf = classify(a, nrm, area, members, size, sign);
            if (sf != null) out.add(sf);
        }
        return out;
    }

    private static Surface classify(float[] a, double[] nrm, double[] area, int[] mem, int n, double sign) {
        double tot = 0;
        double[] mean = new double[3];
        double[] cov = new double[9];
        for (int q = 0; q < n; q++) {
            int i = mem[q];
            double w = area[i];
            tot += w;
            for (int r = 0; r < 3; r++) {
                mean[r] += w * nrm[i * 3 + r];
                for (int c = 0; c < 3; c++) cov[r * 3 + c] += w * nrm[i * 3 + r] * nrm[i * 3 + c];
            }
        }
        if (tot <= 0) return null;
        for (int r = 0; r < 9; r++) cov[r] /= tot;
        double ml = Math.sqrt(mean[0] * mean[0] + mean[1] * mean[1] + mean[2] * mean[2]) / tot;
        double[] centroid = new double[3];
        for (int q = 0; q < n; q++) {
            int i = mem[q], o = i * 9;
            for (int r = 0; r < 3; r++) centroid[r] += area[i] * (a[o + r] + a[o + 3 + r] + a[o + 6 + r]) / 3;
        }
        for (int r = 0; r < 3; r++) centroid[r] /= tot;
        if (ml > 0.9995) { // all normals agree within about 2 degrees
            double[] axis = {mean[0] / (ml * tot), mean[1] / (ml * tot), mean[2] / (ml * tot)};
            return new Surface(Kind.PLANE, centroid, axis, 0, 0, 0, false, 0, tot, n, 0);
        }
        if (n < 8) return null;
        Eigen e = Eigen.symmetric(cov);
        double[] axis = e.vector(2); // smallest: the direction the normals avoid
        // angle of the normals to the axis
        double sumCos = 0, sumCos2 = 0;
        for (int q = 0; q < n; q++) {
            int i = mem[q];
            double c = nrm[i * 3] * axis[0] + nrm[i * 3 + 1] * axis[1] + nrm[i * 3 + 2] * axis[2];
            sumCos += area[i] * c;
            sumCos2 += area[i] * c * c;
        }
        double mc = sumCos / tot, spread = Math.sqrt(Math.max(0, sumCos2 / tot - mc * mc));
        if (spread > 0.03) return null; // normals not on one cone round the axis: not a surface of revolution
        double halfAngle = Math.toDegrees(Math.asin(Math.min(1, Math.abs(mc))));
        // circle fit (Kasa) of the corners projected on a plane across the axis
        double[] u = perpendicular(axis), v = cross(axis, u);
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, sxz = 0, syz = 0, sz = 0;
        double tMin = Double.MAX_VALUE, tMax = -Double.MAX_VALUE;
        int pts = 0;
        double[] xs = new double[n * 3], ys = new double[n * 3], ts = new double[n * 3];
        for (int q = 0; q < n; q++) {
            int o = mem[q] * 9;
            for (int c = 0; c < 3; c++) {
                double px = a[o + c * 3] - centroid[0], py = a[o + c * 3 + 1] - centroid[1], pz = a[o + c * 3 + 2] - centroid[2];
                double x = px * u[0] + py * u[1] + pz * u[2], y = px * v[0] + py * v[1] + pz * v[2], tt = px * axis[0] + py * axis[1] + pz * axis[2];
                xs[pts] = x; ys[pts] = y; ts[pts] = tt; pts++;
                tMin = Math.min(tMin, tt); tMax = Math.max(tMax, tt);
                double z = x * x + y * y;
                sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y; sxz += x * z; syz += y * z; sz += z;
            }
        }
        // normal equations of x² + y² + D x + E y + F = 0
        double[][] mtx = {{sxx, sxy, sx}, {sxy, syy, sy}, {sx, sy, pts}};
        double[] rhs = {-sxz, -syz, -sz};
        double[] sol = solve3(mtx, rhs);
        if (sol == null) return null;
        double cx = -sol[0] / 2, cy = -sol[1] / 2, r2 = cx * cx + cy * cy - sol[2];
        if (r2 <= 0) return null;
        double r = Math.sqrt(r2);
        double err = 0;
        double minAng = Double.MAX_VALUE, maxAng = -Double.MAX_VALUE;
        double[] angles = new double[pts];
        for (int p = 0; p < pts; p++) {
            double d = Math.hypot(xs[p] - cx, ys[p] - cy) - r;
            err += d * d;
            double ang = Math.atan2(ys[p] - cy, xs[p] - cx);
            angles[p] = ang;
        }
        // the arc covered: all round but the widest gap between corners
        java.util.Arrays.sort(angles);
        double gap = angles[0] + 2 * Math.PI - angles[pts - 1];
        for (int p = 1; p < pts; p++) gap = Math.max(gap, angles[p] - angles[p - 1]);
        double sweep = Math.toDegrees(2 * Math.PI - gap);
        double rms = Math.sqrt(err / pts);
        double[] centre = {centroid[0] + cx * u[0] + cy * v[0], centroid[1] + cx * u[1] + cy * v[1], centroid[2] + cx * u[2] + cy * v[2]};
        // hole or boss: outward normals (after the winding sign) pointing at the axis mean a hole
        double toward = 0;
        for (int q = 0; q < n; q++) {
            int i = mem[q], o = i * 9;
            double px = (a[o] + a[o + 3] + a[o + 6]) / 3 - centre[0], py = (a[o + 1] + a[o + 4] + a[o + 7]) / 3 - centre[1], pz = (a[o + 2] + a[o + 5] + a[o + 8]) / 3 - centre[2];
            double along = px * axis[0] + py * axis[1] + pz * axis[2];
            px -= along * axis[0]; py -= along * axis[1]; pz -= along * axis[2];
            toward += area[i] * sign * (nrm[i * 3] * px + nrm[i * 3 + 1] * py + nrm[i * 3 + 2] * pz);
        }
        double mid = (tMin + tMax) / 2;
        double[] c0 = {centre[0] + mid * axis[0], centre[1] + mid * axis[1], centre[2] + mid * axis[2]};
        Kind kind = halfAngle < 3 ? Kind.CYLINDER : Kind.CONE;
        return new Surface(kind, c0, axis, r, tMax - tMin, kind == Kind.CYLINDER ? 0 : halfAngle, toward < 0, rms, tot, n, sweep);
    }

    static double[] perpendicular(double[] a) {
        double[] t = Math.abs(a[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
        double[] u = cross(a, t);
        double l = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        return new double[] {u[0] / l, u[1] / l, u[2] / l};
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] solve3(double[][] m, double[] b) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        if (Math.abs(det) < 1e-30) return null;
        double[] r = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] k = {m[0].clone(), m[1].clone(), m[2].clone()};
            for (int i = 0; i < 3; i++) k[i][c] = b[i];
            r[c] = (k[0][0] * (k[1][1] * k[2][2] - k[1][2] * k[2][1]) - k[0][1] * (k[1][0] * k[2][2] - k[1][2] * k[2][0]) + k[0][2] * (k[1][0] * k[2][1] - k[1][1] * k[2][0])) / det;
        }
        return r;
    }
}
