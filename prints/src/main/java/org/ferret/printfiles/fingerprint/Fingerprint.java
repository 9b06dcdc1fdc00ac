package org.ferret.printfiles.fingerprint;

import java.util.Arrays;
import java.util.Locale;

/**
 * A shape fingerprint: histograms and moment ratios of the solid volume, normalised by its RMS radius, so
 * they do not change under rotation, translation, mirroring or uniform scale, and barely under re-meshing,
 * decimation, format conversion or slicing (all compared as volumes). {@code sizeMm} (the RMS radius) is kept
 * apart to report scale. Authorities exchange these, not files.
 */
public record Fingerprint(double[] shape, double sizeMm) {
    public static final int VERSION = 1;
    // blocks of the shape vector: D2 of the solid, D2 of the surface layer, radial of both, |projection| on each principal axis, two moment ratios
    // then, about the most distinct principal axis (a rod's length, a plate's normal): distance from it (solid, surface) normalised by its RMS
    static final int D2 = 32, RADIAL = 24, AXIS = 16, SECTION = 16;
    static final int[] BLOCK_START = {0, D2, 2 * D2, 2 * D2 + RADIAL, 2 * D2 + 2 * RADIAL, 2 * D2 + 2 * RADIAL + AXIS, 2 * D2 + 2 * RADIAL + 2 * AXIS,
            2 * D2 + 2 * RADIAL + 3 * AXIS, 2 * D2 + 2 * RADIAL + 3 * AXIS + SECTION, 2 * D2 + 2 * RADIAL + 3 * AXIS + 2 * SECTION};
    static final double[] BLOCK_WEIGHT = {1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5};
    static final double RATIO_WEIGHT = 4;
    public static final int LENGTH = 2 * D2 + 2 * RADIAL + 3 * AXIS + 2 * SECTION + 2;

    public Fingerprint {
        if (shape.length != LENGTH) throw new IllegalArgumentException("fingerprint needs " + LENGTH + " numbers, has " + shape.length);
        for (double v : shape) if (!Double.isFinite(v)) throw new IllegalArgumentException("fingerprint numbers must be finite");
        if (!(sizeMm > 0) || !Double.isFinite(sizeMm)) throw new IllegalArgumentException("fingerprint size must be positive");
    }

    /** 0 for the same shape; weighted L1 over the histograms plus the moment ratios' differences. */
    public double distance(Fingerprint o) {
        double d = 0;
        for (int b = 0; b < BLOCK_WEIGHT.length; b++) {
            double s = 0;
            for (int i = BLOCK_START[b]; i < BLOCK_START[b + 1]; i++) s += Math.abs(shape[i] - o.shape[i]);
            d += BLOCK_WEIGHT[b] * s;
        }
        d += RATIO_WEIGHT * (Math.abs(shape[LENGTH - 2] - o.shape[LENGTH - 2]) + Math.abs(shape[LENGTH - 1] - o.shape[LENGTH - 1]));
        return d;
    }

    /** How much larger this part is than {@code o} (1 for the same size). */
    public double scaleTo(Fingerprint o) {
        return sizeMm / o.sizeMm;
    }

    /** "v1:size:n,n,n…" with 5 significant digits: the exchange form. */
    public String encode() {
        StringBuilder sb = new StringBuilder("v").append(VERSION).append(':').append(String.format(Locale.ROOT, "%.6g", sizeMm)).append(':');
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(String.format(Locale.ROOT, "%.5g", shape[i]));
        }
        return sb.toString();
    }

    public static Fingerprint decode(String s) {
        String[] p = s.trim().split(":");
        if (p.length != 3 || !p[0].equals("v" + VERSION)) throw new IllegalArgumentException("not a version " + VERSION + " fingerprint");
        double[] v = Arrays.stream(p[2].split(",")).mapToDouble(Double::parseDouble).toArray();
        return new Fingerprint(v, Double.parseDouble(p[1]));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && Arrays.equals(shape, f.shape) && sizeMm == f.sizeMm;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Double.hashCode(sizeMm);
    }

    @Override
    public String toString() {
        return encode();
    }
}
