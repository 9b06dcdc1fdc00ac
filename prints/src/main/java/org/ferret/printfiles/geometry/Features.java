package org.ferret.printfiles.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ferret.printfiles.geometry.Calibres.Calibre;
import org.ferret.printfiles.geometry.Primitives.Kind;
import org.ferret.printfiles.geometry.Primitives.Surface;

/** Holes and bosses, bores and platform feature constellations from the fitted surfaces. */
public final class Features {
    private Features() {}

    /** A long channel at a bullet diameter, with a coaxial chamber at that cartridge's case mouth (or not). */
    public record Bore(Calibre calibre, double diameterMm, double lengthMm, boolean chamber, double chamberDiameterMm) {
        public String describe() {
            return String.format(Locale.ROOT, "channel Ø %.2f mm over %.1f mm at the %s bullet diameter (%.2f mm)%s", diameterMm, lengthMm,
                    calibre.name(), calibre.bulletMm(), chamber ? String.format(Locale.ROOT, ", with a coaxial chamber Ø %.2f mm", chamberDiameterMm) : "");
        }
    }

    /** What the screen lists from a file's surfaces: measurable holes and bosses (for the facts), bores, platform matches. */
    public record Found(List<java.util.Map<String, Object>> holes, List<Bore> bores, List<PlatformMatch> platforms) {}

    /** Minimum bore length in diameters: a ring or a short hole at a bullet diameter is not a channel. */
    public static final double BORE_MIN_DIAMETERS = 5;

    /** Cylinders good enough to measure: closed round (≥ 300° covered) and fitted within 2 % of the radius. */
    public static boolean measurable(Surface s) {
        return s.kind() == Kind.CYLINDER && s.sweepDeg() >= 300 && s.rmsError() <= 0.02 * s.radius() + 0.01;
    }

    /**
     * Bore candidates: measurable holes at a bullet diameter at least {@link #BORE_MIN_DIAMETERS} diameters long.
     * Only those with a chamber count as bore evidence; the rest are reported as notes (tubing is made at these
     * diameters too: the hard negatives of the evaluation).
     */
    public static List<Bore> bores(List<Surface> surfaces) {
        List<Bore> out = new ArrayList<>();
        for (Surface s : surfaces) {
            if (!s.hole() || !measurable(s)) continue;
            List<Calibre> cals = Calibres.allByBullet(s.diameter());
            if (cals.isEmpty() || s.length() < BORE_MIN_DIAMETERS * s.diameter()) continue;
            Surface ch = null;
            Calibre cal = cals.get(0);
            double best = Double.MAX_VALUE;
            for (Calibre c : cals)
                for (Surface o : surfaces) {
                    if (o == s || !o.hole() || !measurable(o)) continue;
                    if (Math.abs(o.diameter() - c.caseMouthMm()) > Calibres.CHAMBER_TOLERANCE_MM || o.diameter() <= s.diameter() + 0.2) continue;
                    double miss = Math.abs(o.diameter() - c.caseMouthMm());
                    if (miss < best && coaxial(s, o, 0.25)) { ch = o; cal = c; best = miss; }
                }
            out.add(new Bore(cal, s.diameter(), s.length(), ch != null, ch == null ? 0 : ch.diameter()));
        }
        return out;
    }

    static boolean coaxial(Surface a, Surface b, double tol) {
        double dot = Math.abs(a.axis()[0] * b.axis()[0] + a.axis()[1] * b.axis()[1] + a.axis()[2] * b.axis()[2]);
        if (dot < Math.cos(Math.toRadians(2))) return false;
        return axisDistance(a, b) <= tol;
    }

    /** Distance between two parallel axes. */
    static double axisDistance(Surface a, Surface b) {
        double dx = b.centre()[0] - a.centre()[0], dy = b.centre()[1] - a.centre()[1], dz = b.centre()[2] - a.centre()[2];
        double along = dx * a.axis()[0] + dy * a.axis()[1] + dz * a.axis()[2];
        dx -= along * a.axis()[0]; dy -= along * a.axis()[1]; dz -= along * a.axis()[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** A platform signature: parallel holes of these diameters at these centre spacings (all pairs), in mm. */
    public record Platform(String name, double[] holeDiametersMm, double spacingMm, double toleranceMm) {}

    /** A found platform signature with what was measured. */
    public record PlatformMatch(Platform platform, double[] diametersMm, double spacingMm) {
        public String describe() {
            return String.format(Locale.ROOT, "%s: parallel holes Ø %.2f and Ø %.2f mm, %.2f mm apart", platform.name(), diametersMm[0], diametersMm[1], spacingMm);
        }
    }

    /**
     * The default platform table holds procedural stand-ins only (the evaluation's); an authority loads its
     * own table of real signatures (pin spacing, pocket widths) from a file it keeps.
     */
    public static final List<Platform> STAND_IN_PLATFORMS = List.of(
            new Platform("stand-in platform A", new double[] {3.10, 3.10}, 17.30, 0.10),
            new Platform("stand-in platform B", new double[] {4.60, 2.40}, 11.70, 0.10));

    public static List<PlatformMatch> platforms(List<Surface> surfaces, List<Platform> table) {
        List<PlatformMatch> out = new ArrayList<>();
        List<Surface> holes = surfaces.stream().filter(s -> s.hole() && measurable(s)).toList();
        for (Platform p : table) {
            found:
            for (Surface a : holes)
                for (Surface b : holes) {
                    if (a == b) continue;
                    if (Math.abs(a.diameter() - p.holeDiametersMm()[0]) > p.toleranceMm() || Math.abs(b.diameter() - p.holeDiametersMm()[1]) > p.toleranceMm()) continue;
                    double dot = Math.abs(a.axis()[0] * b.axis()[0] + a.axis()[1] * b.axis()[1] + a.axis()[2] * b.axis()[2]);
                    if (dot < Math.cos(Math.toRadians(2))) continue;
                    double d = axisDistance(a, b);
                    if (Math.abs(d - p.spacingMm()) > p.toleranceMm()) continue;
                    out.add(new PlatformMatch(p, new double[] {a.diameter(), b.diameter()}, d));
                    break found;
                }
        }
        return out;
    }
}
