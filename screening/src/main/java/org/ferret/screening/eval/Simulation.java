package org.ferret.screening.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ferret.screening.data.Table;
import org.ferret.screening.model.Scorer;
import org.ferret.screening.model.ScreeningModel;
import org.ferret.screening.model.TrainOptions;
import org.ferret.screening.model.Trainer;
import org.ferret.screening.rules.RulePack;
import org.ferret.screening.select.Capacity;
import org.ferret.screening.select.Selector;

/**
 * Online simulation of weekly screening: everything before the simulated weeks is known history; each week the
 * model is retrained on the outcomes known so far, the week's declarations are scored, a selection is made
 * within capacity, and only the selected declarations' outcomes become known. The hidden outcomes of the rest
 * are used only to measure.
 */
public final class Simulation {
    private Simulation() {}

    /** One simulated week. */
    public record Week(int week, LocalDate from, int declarations, int selected, int found, int frauds, int criticalFound, int critical,
            double rankingPrecision, List<String> selectedIds) {
        /** Share of selected declarations that were frauds (the hit rate officers see). */
        public double precision() {
            return selected == 0 ? Double.NaN : (double) found / selected;
        }

        /** Share of the week's frauds that were selected. */
        public double recall() {
            return frauds == 0 ? Double.NaN : (double) found / frauds;
        }
    }

    /** Listens to the weeks as they are simulated (for progress bars). */
    public interface Listener {
        void week(Week w);
    }

    /**
     * @param all      declarations with outcomes, any order
     * @param weeks    number of simulated weeks at the end of the data
     * @param policy   capacity and shares per week
     */
    public static List<Week> run(Table all, int weeks, Selector.Policy policy, RulePack pack, TrainOptions options, long seed, Listener listener)
            throws Exception {
        Table t = all.select(all.timeOrder());
        int n = t.size();
        int lastDay = t.epochDay(n - 1);
        int periodStart = lastDay - 7 * weeks + 1;
        if (t.epochDay(0) >= periodStart) throw new IllegalArgumentException("no history before the first simulated week; use fewer weeks");
        boolean[] known = new boolean[n];
        int firstInPeriod = 0;
        while (firstInPeriod < n && t.epochDay(firstInPeriod) < periodStart) known[firstInPeriod++] = true;
        Random random = new Random(seed);
        List<Week> out = new ArrayList<>();
        int from = firstInPeriod;
        for (int w = 0; w < weeks; w++) {
            int weekEnd = periodStart + 7 * (w + 1);
            int to = from;
            while (to < n && t.epochDay(to) < weekEnd) to++;
            if (to == from) {
                out.add(new Week(w + 1, LocalDate.ofEpochDay(periodStart + 7L * w), 0, 0, 0, 0, 0, 0, Double.NaN, List.of()));
                continue;
            }
            Table past = t.select(range(0, from)).withLabelsOnly(java.util.Arrays.copyOf(known, from));
            ScreeningModel model = Trainer.train(past, pack, options, Trainer.Progress.NONE);
            Table week = t.select(range(from, to));
            Scorer.Scores s = Scorer.score(model, week, Scorer.Options.of(model).onThreads(options.threads()));
            List<Selector.Pick> picks = Selector.select(s.risk(), s.critical(), policy, random);
            int found = 0, frauds = 0, critFound = 0, crit = 0;
            for (int r = 0; r < week.size(); r++) {
                frauds += week.label(r) == 1 ? 1 : 0;
                crit += week.severity(r) == 2 ? 1 : 0;
            }
            List<String> ids = new ArrayList<>();
            for (Selector.Pick p : picks) {
                known[from + p.row()] = true;
                ids.add(week.id(p.row()));
                found += week.label(p.row()) == 1 ? 1 : 0;
                critFound += week.severity(p.row()) == 2 ? 1 : 0;
            }
            // how good the ranking itself is: precision of the top capacity-share by risk, measured with hidden labels
            double rate = (double) policy.capacity().of(week.size()) / week.size();
            double rankingPrecision = Metrics.at(week, s.risk(), new double[] {rate}).get(0).precision();
            Week wk = new Week(w + 1, LocalDate.ofEpochDay(periodStart + 7L * w), week.size(), picks.size(), found, frauds, critFound, crit, rankingPrecision, List.copyOf(ids));
            out.add(wk);
            listener.week(wk);
            from = to;
        }
        return out;
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }

    /** Side-by-side table of two runs (e.g. without and with exploration). */
    public static String table(String a, List<Week> wa, String b, List<Week> wb) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-4s %-10s %6s %6s | %-28s | %-28s%n", "week", "from", "decl.", "frauds", a, b));
        sb.append(String.format(Locale.ROOT, "%-4s %-10s %6s %6s | %6s %6s %6s %7s | %6s %6s %6s %7s%n", "", "", "", "",
                "sel.", "prec.", "recall", "rank@c", "sel.", "prec.", "recall", "rank@c"));
        for (int i = 0; i < wa.size(); i++) {
            Week x = wa.get(i), y = wb.get(i);
            sb.append(String.format(Locale.ROOT, "%-4d %-10s %6d %6d | %6d %6.3f %6.3f %7.3f | %6d %6.3f %6.3f %7.3f%n", x.week(), x.from(),
                    x.declarations(), x.frauds(), x.selected(), x.precision(), x.recall(), x.rankingPrecision(),
                    y.selected(), y.precision(), y.recall(), y.rankingPrecision()));
        }
        sb.append(String.format(Locale.ROOT, "total: %s found %d frauds (%d critical); %s found %d frauds (%d critical)%n", a,
                wa.stream().mapToInt(Week::found).sum(), wa.stream().mapToInt(Week::criticalFound).sum(), b,
                wb.stream().mapToInt(Week::found).sum(), wb.stream().mapToInt(Week::criticalFound).sum()));
        return sb.toString();
    }
}
