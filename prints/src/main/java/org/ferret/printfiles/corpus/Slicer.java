package org.ferret.printfiles.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ferret.printfiles.geometry.Voxels;
import org.ferret.printfiles.read.Mesh;

/**
 * A small slicer for the evaluation's stand-ins: the mesh set on the bed, cut into layers, each layer filled with
 * solid rectilinear infill (alternating x and y lines, inset by half a bead at the walls), written as G-code in
 * one of several flavours. It writes no perimeters (no polygon offsetting): enough to test that the screen
 * compares G-code on deposited volume, not a printing slicer.
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

    public static final double LAYER = 0.2, WIDTH = 0.45;
    private static final double FILAMENT_AREA = Math.PI * 1.75 * 1.75 / 4;

    public static byte[] slice(Mesh m, Flavour flavour) {
        return slice(m, flavour, 1.0);
    }

    /** With {@code density} below 1 the infill lines are spaced {@code WIDTH / density} apart (sparse infill). */
    public static byte[] slice(Mesh m, Flavour flavour, double density) {
        double[] box = Voxels.bounds(m);
        float[] a = m.xyz();
        double inch = flavour == Flavour.REPRAP_INCHES ? 1 / 25.4 : 1;
        StringBuilder g = new StringBuilder(1 << 20);
        g.append("; sliced by the ferret evaluation slicer (stand-in, solid infill)\n");
        if (flavour == Flavour.KLIPPER_FIRMWARE_RETRACT) g.append("EXCLUDE_OBJECT_DEFINE NAME=standin\nPRINT_START BED=60 EXTRUDER=210\n");
        else g.append("M140 S60\nM104 S210\nG28\nM190 S60\nM109 S210\n");
        g.append(flavour == Flavour.REPRAP_INCHES ? "G20\n" : "G21\n").append("G90\n");
        g.append(flavour == Flavour.MARLIN_ABSOLUTE ? "M82\n" : "M83\n");
        if (flavour == Flavour.KLIPPER_FIRMWARE_RETRACT) g.append("EXCLUDE_OBJECT_START NAME=standin\n");
        double e = 0;
        int layers = (int) Math.floor((box[5] - box[2]) / LAYER);
        double offX = 100 - (box[0] + box[3]) / 2, offY = 100 - (box[1] + box[4]) / 2; // centred on a 200 mm bed
        for (int l = 0; l < layers; l++) {
            double zs = box[2] + (l + 0.5) * LAYER + 1.37e-4, zn = (l + 1) * LAYER;
            List<double[]> segs = new ArrayList<>();
            for (int f = 0; f < m.facets(); f++) {
                int o = f * 9;
                double[] cut = cut(a, o, zs);
                if (cut != null) segs.add(cut);
            }
            if (segs.isEmpty()) continue;
            g.append(String.format(Locale.ROOT, ";LAYER:%d\nG1 Z%.4f F600\n", l, zn * inch));
            if (flavour == Flavour.MARLIN_ABSOLUTE) { g.append("G92 E0\n"); e = 0; }
            boolean alongX = l % 2 == 0;
            double lo = alongX ? box[1] : box[0], hi = alongX ? box[4] : box[3];
            boolean forward = true;
            for (double c = lo + WIDTH / 2 + 1.1e-4; c < hi; c += WIDTH / density) {
                List<Double> xs = new ArrayList<>();
                for (double[] s : segs) {
                    double p0 = alongX ? s[1] : s[0], p1 = alongX ? s[3] : s[2];
                    if ((p0 <= c) == (p1 <= c)) continue;
                    double t = (c - p0) / (p1 - p0);
                    xs.add(alongX ? s[0] + t * (s[2] - s[0]) : s[1] + t * (s[3] - s[1]));
                }
                java.util.Collections.sort(xs);
                List<double[]> runs = new ArrayList<>();
                for (int i = 0; i + 1 < xs.size(); i += 2) {
                    double s0 = xs.get(i) + WIDTH / 2, s1 = xs.get(i + 1) - WIDTH / 2;
                    if (s1 > s0 + 0.05) runs.add(new double[] {s0, s1});
                }
                if (!forward) java.util.Collections.reverse(runs);
                for (double[] r : runs) {
                    double from = forward ? r[0] : r[1], to = forward ? r[1] : r[0];
                    double x0 = alongX ? from : c, y0 = alongX ? c : from, x1 = alongX ? to : c, y1 = alongX ? c : to;
                    boolean retract = flavour == Flavour.KLIPPER_FIRMWARE_RETRACT;
                    if (retract) g.append("G10\n");
                    g.append(String.format(Locale.ROOT, "G0 X%.4f Y%.4f F9000\n", (x0 + offX) * inch, (y0 + offY) * inch));
                    if (retract) g.append("G11\n");
                    double de = Math.abs(to - from) * WIDTH * LAYER / FILAMENT_AREA;
                    e += de;
                    double ev = flavour == Flavour.MARLIN_ABSOLUTE ? e : de;
                    g.append(String.format(Locale.ROOT, "G1 X%.4f Y%.4f E%.5f F1800\n", (x1 + offX) * inch, (y1 + offY) * inch, ev * inch));
                }
                forward = !forward;
            }
        }
        if (flavour == Flavour.KLIPPER_FIRMWARE_RETRACT) g.append("EXCLUDE_OBJECT_END NAME=standin\nPRINT_END\n");
        else g.append("M104 S0\nM140 S0\nM84\n");
        return g.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The segment where the plane z = zs cuts facet o, or null. */
    private static double[] cut(float[] a, int o, double zs) {
        double[] pts = new double[4];
        int n = 0;
        for (int c = 0; c < 3; c++) {
            int p = o + c * 3, q = o + ((c + 1) % 3) * 3;
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
}
