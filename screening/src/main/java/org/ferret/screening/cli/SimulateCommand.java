package org.ferret.screening.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import org.ferret.screening.data.Table;
import org.ferret.screening.eval.Simulation;
import org.ferret.screening.eval.SimulationChart;
import org.ferret.screening.model.TrainOptions;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.rules.RulePack;
import org.ferret.screening.select.Capacity;
import org.ferret.screening.select.Selector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code screen simulate}: weekly online simulation, once without and once with exploration. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate the last N weeks of the data: retrain weekly on the outcomes of selected declarations only.")
final class SimulateCommand extends Common {
    @Option(names = "--profile", required = true) String profile;
    @Option(names = "--data", required = true, arity = "1..*") List<Path> data;
    @Option(names = "--capacity", defaultValue = "5%", description = "Per week: a count or a share (default ${DEFAULT-VALUE}).") String capacity;
    @Option(names = "--weeks", required = true) int weeks;
    @Option(names = "--exploration", defaultValue = "10%", description = "Share of capacity explored at random in the second run (default ${DEFAULT-VALUE}).") String exploration;
    @Option(names = "--critical-share", defaultValue = "0%", description = "Share of capacity reserved for the highest critical-class risk (default ${DEFAULT-VALUE}).") String criticalShare;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--rounds", defaultValue = "60", description = "Boosting rounds per weekly retraining (default ${DEFAULT-VALUE}).") int rounds;
    @Option(names = "--eta", defaultValue = "0.25") double eta;
    @Option(names = "--rules") Path rules;
    @Option(names = "--no-rules") boolean noRules;
    @Option(names = "--out", description = "Also write the weekly figures as CSV.") Path out;
    @Option(names = "--chart", description = "Also draw the weekly figures as a PNG chart.") Path chart;

    @Override
    int run() throws Exception {
        Profile p = profile(profile);
        if (weeks < 1) throw new UsageError("--weeks must be at least 1");
        Capacity cap;
        double explore, crit;
        try {
            cap = Capacity.parse(capacity);
            explore = share(exploration);
            crit = share(criticalShare);
            new Selector.Policy(cap, explore, crit);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        if (out != null) checkWritable(out);
        if (chart != null) checkWritable(chart);
        RulePack pack = rules(p, rules, noRules);
        Table t = read(p, data);
        TrainOptions o = TrainOptions.defaults().withRounds(rounds).withCriticalRounds(rounds).withEta(eta).withCriticalModel(crit > 0);
        String a = "no exploration", b = Math.round(explore * 100) + "% exploration";
        List<Simulation.Week> wa = simulate(t, new Selector.Policy(cap, 0, crit), pack, o, a);
        List<Simulation.Week> wb = simulate(t, new Selector.Policy(cap, explore, crit), pack, o, b);
        out().printf(Locale.ROOT, "online simulation, capacity %s per week, %d weeks, retrained weekly on selected outcomes only%n", capacity, weeks);
        out().print(Simulation.table(a, wa, b, wb));
        out().println("prec. = frauds among selected; recall = share of the week's frauds selected; rank@c = precision of the model's top "
                + capacity + " measured with all (hidden) labels");
        if (out != null) {
            StringBuilder sb = new StringBuilder("week,from,declarations,frauds,run,selected,found,precision,recall,critical_found,critical,ranking_precision\n");
            for (var pair : List.of(List.of(a, wa), List.of(b, wb))) {
                @SuppressWarnings("unchecked")
                List<Simulation.Week> ws = (List<Simulation.Week>) pair.get(1);
                for (Simulation.Week w : ws) {
                    sb.append(String.format(Locale.ROOT, "%d,%s,%d,%d,%s,%d,%d,%.4f,%.4f,%d,%d,%.4f%n", w.week(), w.from(), w.declarations(), w.frauds(),
                            pair.get(0), w.selected(), w.found(), w.precision(), w.recall(), w.criticalFound(), w.critical(), w.rankingPrecision()));
                }
            }
            try {
                Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new CannotWrite(out, e);
            }
        }
        if (chart != null) {
            try {
                SimulationChart.write(chart, "Weekly screening on " + p.name() + ", capacity " + capacity, a, wa, b, wb);
            } catch (java.io.IOException e) {
                throw new CannotWrite(chart, e);
            }
            out().println("wrote " + chart);
        }
        return OK;
    }

    private List<Simulation.Week> simulate(Table t, Selector.Policy policy, RulePack pack, TrainOptions o, String label) throws Exception {
        ProgressBar bar = quiet ? null : bar("simulate " + label, weeks);
        try {
            return Simulation.run(t, weeks, policy, pack, o, seed, w -> {
                if (bar != null) bar.step();
            });
        } finally {
            if (bar != null) bar.close();
        }
    }

    private static double share(String s) {
        String v = s.strip();
        if (!v.endsWith("%")) throw new IllegalArgumentException("shares are percentages like 10%, not '" + s + "'");
        try {
            return Double.parseDouble(v.substring(0, v.length() - 1)) / 100.0;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shares are percentages like 10%, not '" + s + "'");
        }
    }
}
