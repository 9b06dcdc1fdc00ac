package org.ferret.screening.cli;

import java.nio.file.Path;
import java.util.List;
import org.ferret.screening.data.Table;
import org.ferret.screening.eval.Metrics;
import org.ferret.screening.model.Scorer;
import org.ferret.screening.model.ScreeningModel;
import org.ferret.screening.model.TrainOptions;
import org.ferret.screening.model.Trainer;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.rules.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code screen evaluate}: train on some files, score a later one, and print precision/recall at inspection rates. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Train on --train, score every row of --test (same CSV form as score), print metrics if --test has labels.")
final class EvaluateCommand extends Common {
    @Option(names = "--profile", required = true) String profile;
    @Option(names = "--train", required = true, arity = "1..*") List<Path> train;
    @Option(names = "--test", required = true) Path test;
    @Option(names = "--out", required = true) Path out;
    @Option(names = "--rules", description = "Rule pack file (default: the profile's bundled pack, if any).") Path rules;
    @Option(names = "--no-rules") boolean noRules;
    @Option(names = "--no-history", description = "Ablation: train and score without party-history features.") boolean noHistory;
    @Option(names = "--drop-features", description = "Ablation: hide features whose name matches this regular expression.") String drop;
    @Option(names = "--no-critical-model", description = "Do not train the separate critical-class model.") boolean noCritical;
    @Option(names = "--rounds", defaultValue = "" + TrainOptions.DEFAULT_ROUNDS) int rounds;
    @Option(names = "--critical-rounds", defaultValue = "" + TrainOptions.DEFAULT_CRITICAL_ROUNDS) int criticalRounds;
    @Option(names = "--depth", defaultValue = "6") int depth;
    @Option(names = "--eta", defaultValue = "0.1") double eta;
    @Mixin SelectionOptions selection;

    @Override
    int run() throws Exception {
        Profile p = profile(profile);
        if (drop != null) {
            try {
                java.util.regex.Pattern.compile(drop);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new UsageError("Invalid value for option '--drop-features': not a regular expression: " + e.getDescription());
            }
        }
        org.ferret.screening.select.Selector.Policy policy = selection.policy();
        checkWritable(out);
        RulePack pack = rules(p, rules, noRules);
        Table tr = read(p, train);
        Table te = read(p, List.of(test));
        long t0 = System.nanoTime();
        TrainOptions o = TrainOptions.defaults().withRounds(rounds).withCriticalRounds(criticalRounds).withDepth(depth).withEta(eta).withHistory(!noHistory).withDropFeatures(drop).withCriticalModel(!noCritical);
        ScreeningModel m = Trainer.train(tr, pack, o, trainingProgress());
        double trainSecs = (System.nanoTime() - t0) / 1e9;
        Scorer.Scores s = Scorer.score(m, te, Scorer.Options.of(m).withReasons().onThreads(2));
        boolean[] selected = policy == null ? null : SelectionOptions.selected(s.risk(), s.critical(), policy, selection.seed);
        try {
            ScoresCsv.write(out, te, s, selected);
        } catch (java.io.IOException e) {
            throw new CannotWrite(out, e);
        }
        out().printf("trained %s on %d declarations in %.1f s; scored %d; wrote %s%n", m.provenance(), tr.size(), trainSecs, te.size(), out);
        if (te.hasAnyLabel()) {
            out().println("ranked by fraud risk:");
            out().print(Metrics.table(Metrics.at(te, s.risk(), Metrics.RATES)));
            if (s.critical() != null) {
                out().println("ranked by critical-class risk:");
                out().print(Metrics.table(Metrics.at(te, s.critical(), Metrics.RATES)));
            }
            if (selected != null) {
                Metrics.OfSelection o2 = Metrics.ofSelection(te, selected);
                out().printf(java.util.Locale.ROOT, "selected at capacity %s (critical reserve %s%s, exploration %s): %d; precision %.4f, recall %.4f, critical recall %.4f (%d critical found)%n",
                        selection.capacity, selection.criticalShare, s.critical() == null ? " given to fraud risk: no critical model" : "", selection.exploration,
                        o2.selected(), o2.precision(), o2.recall(), o2.criticalRecall(), o2.critical());
            }
        }
        return OK;
    }
}
