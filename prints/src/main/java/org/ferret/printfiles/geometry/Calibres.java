package org.ferret.printfiles.geometry;

import java.util.List;
import java.util.Optional;

/**
 * Bullet (groove) diameters and case-mouth diameters of common cartridges, from published cartridge dimensions
 * (rounded to 0.01 mm). A bore is a long channel at a bullet diameter; a chamber a coaxial wider part at the
 * case mouth's diameter. The table holds numbers only: no part geometry.
 */
public final class Calibres {
    private Calibres() {}

    /** One cartridge: its name, bullet diameter and case-mouth diameter in millimetres. */
    public record Calibre(String name, double bulletMm, double caseMouthMm) {}

    public static final List<Calibre> TABLE = List.of(
            new Calibre(".22 LR", 5.70, 5.74),
            new Calibre("5.56×45 mm / .223 Rem", 5.70, 6.43),
            new Calibre("7.62×39 mm", 7.92, 8.60),
            new Calibre(".308 Win / 7.62×51 mm", 7.82, 8.77),
            new Calibre(".380 ACP", 9.02, 9.50),
            new Calibre("9×19 mm", 9.02, 9.65),
            new Calibre(".38 Special / .357 Magnum", 9.07, 9.63),
            new Calibre(".40 S&W", 10.17, 10.74),
            new Calibre(".45 ACP", 11.48, 12.01),
            new Calibre("12 gauge", 18.52, 20.50));

    /** Tolerance on a measured bore diameter: printed holes and tessellated circles are not exact. */
    public static final double BORE_TOLERANCE_MM = 0.12;
    public static final double CHAMBER_TOLERANCE_MM = 0.20;

    /** Every cartridge whose bullet diameter is within tolerance, nearest first (several share one: .380 ACP and 9×19 mm). */
    public static List<Calibre> allByBullet(double diameter) {
        return TABLE.stream().filter(c -> Math.abs(c.bulletMm() - diameter) <= BORE_TOLERANCE_MM)
                .sorted(java.util.Comparator.comparingDouble(c -> Math.abs(c.bulletMm() - diameter))).toList();
    }

    public static Optional<Calibre> byBullet(double diameter) {
        Calibre best = null;
        for (Calibre c : TABLE)
            if (Math.abs(c.bulletMm() - diameter) <= BORE_TOLERANCE_MM && (best == null || Math.abs(c.bulletMm() - diameter) < Math.abs(best.bulletMm() - diameter)))
                best = c;
        return Optional.ofNullable(best);
    }
}
