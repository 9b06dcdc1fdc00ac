package org.ferret.screening.cli;

import java.util.Random;
import org.ferret.screening.select.Capacity;
import org.ferret.screening.select.Selector;
import picocli.CommandLine.Option;

/**
 * The options of {@code score} and {@code evaluate} that ask for the library's selection over the whole file, written
 * as the {@code selected} column (1 or 0): the capacity, the critical reserve and the exploration share, as the
 * parcels service uses them (docs/screening.md, "Selection").
 */
final class SelectionOptions {
    @Option(names = "--capacity", description = "Also write the selected column: the library's selection over the whole file at this capacity, a count like 120 or a share like 10%%.")
    String capacity;
    @Option(names = "--critical-share", defaultValue = "10%", description = "With --capacity: share of it reserved for the highest critical-class scores (default ${DEFAULT-VALUE}, as the parcels service).")
    String criticalShare;
    @Option(names = "--exploration", defaultValue = "0%", description = "With --capacity: share of it drawn at random from the rest (default ${DEFAULT-VALUE}: a measurement of the ranking).")
    String exploration;
    @Option(names = "--seed", defaultValue = "1", description = "With --capacity: seed of the exploration draw (default ${DEFAULT-VALUE}).")
    long seed;

    /** The policy asked for, or null without --capacity. */
    Selector.Policy policy() throws Common.UsageError {
        if (capacity == null) return null;
        try {
            return new Selector.Policy(Capacity.parse(capacity), share("--exploration", exploration), share("--critical-share", criticalShare));
        } catch (IllegalArgumentException e) {
            throw new Common.UsageError("Invalid value for option '--capacity', '--critical-share' or '--exploration': " + e.getMessage());
        }
    }

    /** Which rows the selector picks at {@code policy} (the critical reserve goes to fraud risk when {@code critical} is null). */
    static boolean[] selected(double[] risk, double[] critical, Selector.Policy policy, long seed) {
        boolean[] out = new boolean[risk.length];
        for (Selector.Pick p : Selector.select(risk, critical, policy, new Random(seed))) out[p.row()] = true;
        return out;
    }

    static double share(String option, String s) throws Common.UsageError {
        String v = s.strip();
        try {
            if (v.endsWith("%")) return Double.parseDouble(v.substring(0, v.length() - 1)) / 100.0;
        } catch (NumberFormatException e) {
            // below
        }
        throw new Common.UsageError("Invalid value for option '" + option + "': shares are percentages like 10%, not '" + s + "'");
    }
}
