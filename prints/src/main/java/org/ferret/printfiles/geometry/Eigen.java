package org.ferret.printfiles.geometry;

/** Eigenvalues (descending) and eigenvectors of a symmetric 3×3 matrix by Jacobi rotations. */
final class Eigen {
    final double[] values;
    private final double[][] vectors; // columns

    private Eigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    double[] vector(int i) {
        return new double[] {vectors[0][i], vectors[1][i], vectors[2][i]};
    }

    static Eigen symmetric(double[] m9) {
        double[][] a = {{m9[0], m9[1], m9[2]}, {m9[3], m9[4], m9[5]}, {m9[6], m9[7], m9[8]}};
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
            if (off < 1e-30) break;
            for (int p = 0; p < 2; p++)
                for (int q = p + 1; q < 3; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < 3; k++) {
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < 3; k++) {
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < 3; k++) {
                        double vkp = v[k][p], vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
        }
        double[] d = {a[0][0], a[1][1], a[2][2]};
        Integer[] order = {0, 1, 2};
        java.util.Arrays.sort(order, (x, y) -> Double.compare(d[y], d[x]));
        double[] vals = new double[3];
        double[][] vecs = new double[3][3];
        for (int i = 0; i < 3; i++) {
            vals[i] = d[order[i]];
            for (int k = 0; k < 3; k++) vecs[k][i] = v[k][order[i]];
        }
        return new Eigen(vals, vecs);
    }
}
