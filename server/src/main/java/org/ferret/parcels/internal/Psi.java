package org.ferret.parcels.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The population stability index of a distribution against a reference one: sum over bins of
 * (current share − reference share) × ln(current share / reference share). 0 is the same distribution; below 0.1 is
 * usually read as stable, 0.1–0.25 as a moderate shift, above 0.25 as a large one. Shares of empty bins are floored
 * at {@link #FLOOR} so that a bin seen on one side only counts as a large but finite shift.
 */
public final class Psi {
    static final double FLOOR = 1e-4;

    private Psi() {}

    /** Of a number: bins at the reference's deciles (fewer when values repeat); NaN values are a bin of their own. */
    public static double numeric(double[] reference, double[] current, int bins) {
        if (reference.length == 0 || current.length == 0) return Double.NaN;
        double[] ref = Arrays.stream(reference).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] cuts = new double[0];
        if (ref.length > 0) {
            cuts = new double[bins - 1];
            for (int i = 1; i < bins; i++) cuts[i - 1] = ref[Math.min(ref.length - 1, (int) Math.floor((double) i * ref.length / bins))];
            cuts = Arrays.stream(cuts).distinct().toArray();
        }
        double[] a = shares(reference, cuts), b = shares(current, cuts);
        return index(a, b);
    }

    private static double[] shares(double[] values, double[] cuts) {
        double[] counts = new double[cuts.length + 2]; // bins by cut, then NaN
        for (double v : values) {
            if (Double.isNaN(v)) {
                counts[cuts.length + 1]++;
                continue;
            }
            int bin = 0;
            while (bin < cuts.length && v >= cuts[bin]) bin++;
            counts[bin]++;
        }
        for (int i = 0; i < counts.length; i++) counts[i] /= values.length;
        return counts;
    }

    /** Of a category: the reference's categories, each its own bin (all the others one more). */
    public static double categorical(List<String> reference, List<String> current) {
        if (reference.isEmpty() || current.isEmpty()) return Double.NaN;
        Map<String, Integer> bin = new HashMap<>();
        for (String v : reference) bin.putIfAbsent(v, bin.size());
        double[] a = new double[bin.size() + 1], b = new double[bin.size() + 1];
        for (String v : reference) a[bin.get(v)] += 1.0 / reference.size();
        for (String v : current) b[bin.getOrDefault(v, bin.size())] += 1.0 / current.size();
        return index(a, b);
    }

    static double index(double[] reference, double[] current) {
        double psi = 0;
        for (int i = 0; i < reference.length; i++) {
            if (reference[i] == 0 && current[i] == 0) continue;
            double r = Math.max(FLOOR, reference[i]), c = Math.max(FLOOR, current[i]);
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }
}
