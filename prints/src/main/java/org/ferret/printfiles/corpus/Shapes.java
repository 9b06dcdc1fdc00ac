package org.ferret.printfiles.corpus;

import java.util.List;
import org.ferret.printfiles.read.Mesh;

/**
 * Procedural solids for the evaluation and the tests: generic mechanical bodies only (plates with holes, bosses
 * and pockets, blocks with stepped channels, tubes, gears, boxes). Nothing here models a firearm part.
 */
public final class Shapes {
    private Shapes() {}

    /** What one cell of a {@link #plate} carries. */
    public sealed interface Cell permits Solid, Through, Blind, Boss {}
    public record Solid() implements Cell {}
    public record Through(double r) implements Cell {}
    public record Blind(double r, double depth) implements Cell {}
    public record Boss(double r, double height) implements Cell {}

    public static Mesh box(double x0, double y0, double z0, double x1, double y1, double z1) {
        MeshBuilder b = new MeshBuilder();
        box(b, x0, y0, z0, x1, y1, z1);
        return b.build();
    }

    static void box(MeshBuilder b, double x0, double y0, double z0, double x1, double y1, double z1) {
        double[] p000 = {x0, y0, z0}, p100 = {x1, y0, z0}, p110 = {x1, y1, z0}, p010 = {x0, y1, z0};
        double[] p001 = {x0, y0, z1}, p101 = {x1, y0, z1}, p111 = {x1, y1, z1}, p011 = {x0, y1, z1};
        b.quad(p000, p010, p110, p100); // bottom
        b.quad(p001, p101, p111, p011); // top
        b.quad(p000, p100, p101, p001); // front (y0)
        b.quad(p100, p110, p111, p101); // right (x1)
        b.quad(p110, p010, p011, p111); // back (y1)
        b.quad(p010, p000, p001, p011); // left (x0)
    }

    /**
     * A plate of {@code cols × rows} square cells of side {@code cell} and thickness {@code t}, each cell solid or
     * with a through hole, a pocket from the top or a boss on top at its centre; {@code k} points per cell side
     * (4k-gon holes). Watertight and manifold.
     */
    public static Mesh plate(int cols, int rows, double cell, double t, Cell[] cells, int k) {
        MeshBuilder b = new MeshBuilder();
        double z0 = 0, z1 = t;
        for (int j = 0; j < rows; j++)
            for (int i = 0; i < cols; i++) {
                double[][] loop = new double[4 * k][];
                int m = 0;
                for (int q = 0; q < k; q++) loop[m++] = lattice(i * k + q, j * k, cell, k);
                for (int q = 0; q < k; q++) loop[m++] = lattice((i + 1) * k, j * k + q, cell, k);
                for (int q = 0; q < k; q++) loop[m++] = lattice((i + 1) * k - q, (j + 1) * k, cell, k);
                for (int q = 0; q < k; q++) loop[m++] = lattice(i * k, (j + 1) * k - q, cell, k);
                double cx = (i + 0.5) * cell, cy = (j + 0.5) * cell;
                Cell c = cells[j * cols + i];
                switch (c) {
                    case Solid s -> {
                        fan(b, loop, cx, cy, z1, true);
                        fan(b, loop, cx, cy, z0, false);
                    }
                    case Through h -> {
                        double[][] circ = circle(loop, cx, cy, h.r());
                        ring(b, loop, circ, z1, true);
                        ring(b, loop, circ, z0, false);
                        wall(b, circ, z0, z1, false);
                    }
                    case Blind h -> {
                        double[][] circ = circle(loop, cx, cy, h.r());
                        ring(b, loop, circ, z1, true);
                        wall(b, circ, z1 - h.depth(), z1, false);
                        disk(b, circ, cx, cy, z1 - h.depth(), true);
                        fan(b, loop, cx, cy, z0, false);
                    }
                    case Boss h -> {
                        double[][] circ = circle(loop, cx, cy, h.r());
                        ring(b, loop, circ, z1, true);
                        wall(b, circ, z1, z1 + h.height(), true);
                        disk(b, circ, cx, cy, z1 + h.height(), true);
                        fan(b, loop, cx, cy, z0, false);
                    }
                }
            }
        // outer walls, counter-clockwise round the plate seen from above
        int w = cols * k, h = rows * k;
        for (int q = 0; q < w; q++) side(b, lattice(q, 0, cell, k), lattice(q + 1, 0, cell, k), z0, z1);
        for (int q = 0; q < h; q++) side(b, lattice(w, q, cell, k), lattice(w, q + 1, cell, k), z0, z1);
        for (int q = w; q > 0; q--) side(b, lattice(q, h, cell, k), lattice(q - 1, h, cell, k), z0, z1);
        for (int q = h; q > 0; q--) side(b, lattice(0, q, cell, k), lattice(0, q - 1, cell, k), z0, z1);
        return b.build();
    }

    /** One axial step of a channel: radius {@code r} over {@code length} along the axis. */
    public record Step(double length, double r) {}

    /**
     * A body along the x axis: its cross-section is a square of side {@code side} ({@code outerR <= 0}) or a
     * circle of radius {@code outerR}, or a gear outline ({@code teeth > 0}); through it runs a channel of
     * {@code steps} (radius 0 everywhere: solid). {@code n} points round.
     */
    public static Mesh axial(double side, double outerR, int teeth, List<Step> steps, int n) {
        MeshBuilder b = new MeshBuilder();
        double[][] outer = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double r;
            if (teeth > 0) {
                double phase = (a * teeth / (2 * Math.PI)) % 1.0;
                r = phase < 0.4 ? outerR : phase < 0.5 ? outerR - (phase - 0.4) / 0.1 * outerR * 0.15
                        : phase < 0.9 ? outerR * 0.85 : outerR * 0.85 + (phase - 0.9) / 0.1 * outerR * 0.15;
            } else if (outerR > 0) {
                r = outerR;
            } else {
                double c = Math.abs(Math.cos(a)), s = Math.abs(Math.sin(a));
                r = side / 2 / Math.max(c, s);
            }
            outer[i] = new double[] {r * Math.cos(a), r * Math.sin(a), 0};
        }
        boolean solid = steps.stream().allMatch(s -> s.r() <= 0);
        double len = steps.stream().mapToDouble(Step::length).sum();
        if (solid) {
            fan(b, outer, 0, 0, 0, false);
            fan(b, outer, 0, 0, len, true);
        } else {
            double z = 0;
            double[][] prev = null;
            for (int s = 0; s < steps.size(); s++) {
                Step st = steps.get(s);
                double[][] c = circle(outer, 0, 0, st.r());
                if (prev == null) ring(b, outer, c, 0, false);
                else annulus(b, prev, c, z);
                wall(b, c, z, z + st.length(), false);
                z += st.length();
                prev = c;
            }
            ring(b, outer, prev, len, true);
        }
        wall(b, outer, 0, len, true);
        // the axis along x: (x, y, z) -> (z, x, y), a rotation, so windings stay outward
        Mesh m = b.build();
        float[] a = m.xyz();
        for (int i = 0; i < a.length; i += 3) {
            float x = a[i], y = a[i + 1], zz = a[i + 2];
            a[i] = zz; a[i + 1] = x; a[i + 2] = y;
        }
        return m;
    }

    /** A tube of outer and inner radius and length along x (a pipe, a spacer, a sleeve). */
    public static Mesh tube(double outerR, double innerR, double length, int n) {
        return axial(0, outerR, 0, List.of(new Step(length, innerR)), n);
    }

    // --- pieces ---

    private static double[] lattice(int gx, int gy, double cell, int k) {
        return new double[] {gx * cell / k, gy * cell / k, 0};
    }

    private static double[][] circle(double[][] loop, double cx, double cy, double r) {
        double[][] c = new double[loop.length][];
        for (int i = 0; i < loop.length; i++) {
            double a = Math.atan2(loop[i][1] - cy, loop[i][0] - cx);
            c[i] = new double[] {cx + r * Math.cos(a), cy + r * Math.sin(a), 0};
        }
        return c;
    }

    private static double[] at(double[] p, double z) {
        return new double[] {p[0], p[1], z};
    }

    /** A cap over a counter-clockwise loop, facing up or down. */
    private static void fan(MeshBuilder b, double[][] loop, double cx, double cy, double z, boolean up) {
        double[] c = {cx, cy, z};
        for (int i = 0; i < loop.length; i++) {
            double[] p = at(loop[i], z), q = at(loop[(i + 1) % loop.length], z);
            if (up) b.tri(c, p, q); else b.tri(c, q, p);
        }
    }

    private static void disk(MeshBuilder b, double[][] loop, double cx, double cy, double z, boolean up) {
        fan(b, loop, cx, cy, z, up);
    }

    /** The flat ring between an outer and an inner counter-clockwise loop of the same count. */
    private static void ring(MeshBuilder b, double[][] outer, double[][] inner, double z, boolean up) {
        int n = outer.length;
        for (int i = 0; i < n; i++) {
            double[] o0 = at(outer[i], z), o1 = at(outer[(i + 1) % n], z), i0 = at(inner[i], z), i1 = at(inner[(i + 1) % n], z);
            if (up) { b.tri(o0, o1, i1); b.tri(o0, i1, i0); } else { b.tri(o0, i1, o1); b.tri(o0, i0, i1); }
        }
    }

    /** A step in a channel at z from radius loop a (below) to loop b (above): faces down if b is narrower. */
    private static void annulus(MeshBuilder b, double[][] below, double[][] above, double z) {
        double rb = Math.hypot(below[0][0], below[0][1]), ra = Math.hypot(above[0][0], above[0][1]);
        if (ra < rb) ring(b, below, above, z, false); // material above the step, between the radii
        else if (ra > rb) ring(b, above, below, z, true);
    }

    /** A wall along a counter-clockwise loop from z0 to z1, facing out (a boss) or in (a hole). */
    private static void wall(MeshBuilder b, double[][] loop, double z0, double z1, boolean out) {
        for (int i = 0; i < loop.length; i++) {
            double[] p = loop[i], q = loop[(i + 1) % loop.length];
            if (out) b.quad(at(p, z0), at(q, z0), at(q, z1), at(p, z1));
            else b.quad(at(q, z0), at(p, z0), at(p, z1), at(q, z1));
        }
    }

    private static void side(MeshBuilder b, double[] p, double[] q, double z0, double z1) {
        b.quad(at(p, z0), at(q, z0), at(q, z1), at(p, z1));
    }
}
