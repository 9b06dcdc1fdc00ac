package org.ferret.printfiles.corpus;

import java.util.Arrays;
import org.ferret.printfiles.read.Mesh;

/** Collects triangles (outward normals by the right-hand rule) for the procedural shapes. */
public final class MeshBuilder {
    private float[] a = new float[9 * 1024];
    private int n;

    public MeshBuilder tri(double[] p, double[] q, double[] r) {
        if (n * 9 + 9 > a.length) a = Arrays.copyOf(a, a.length * 2);
        int o = n * 9;
        a[o] = (float) p[0]; a[o + 1] = (float) p[1]; a[o + 2] = (float) p[2];
        a[o + 3] = (float) q[0]; a[o + 4] = (float) q[1]; a[o + 5] = (float) q[2];
        a[o + 6] = (float) r[0]; a[o + 7] = (float) r[1]; a[o + 8] = (float) r[2];
        n++;
        return this;
    }

    /** Quad p q r s, counter-clockwise seen from outside. */
    public MeshBuilder quad(double[] p, double[] q, double[] r, double[] s) {
        return tri(p, q, r).tri(p, r, s);
    }

    public MeshBuilder add(Mesh m) {
        float[] x = m.xyz();
        for (int i = 0; i < m.facets(); i++) {
            int o = i * 9;
            tri(new double[] {x[o], x[o + 1], x[o + 2]}, new double[] {x[o + 3], x[o + 4], x[o + 5]}, new double[] {x[o + 6], x[o + 7], x[o + 8]});
        }
        return this;
    }

    public int facets() {
        return n;
    }

    public Mesh build() {
        return new Mesh(Arrays.copyOf(a, n * 9), n);
    }
}
