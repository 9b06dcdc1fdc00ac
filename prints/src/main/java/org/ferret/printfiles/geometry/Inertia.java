package org.ferret.printfiles.geometry;

/** Principal moments (descending) and axes of a 3×3 covariance matrix. */
public record Inertia(double[] values, double[][] axes) {
    public static Inertia of(double[] cov9) {
        Eigen e = Eigen.symmetric(cov9);
        return new Inertia(e.values, new double[][] {e.vector(0), e.vector(1), e.vector(2)});
    }

    public double[] vector(int i) {
        return axes[i];
    }
}
