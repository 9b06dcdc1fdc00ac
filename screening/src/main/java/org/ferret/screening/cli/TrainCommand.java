package org.ferret.screening.cli;

import java.nio.file.Path;
import java.util.List;
import org.ferret.screening.data.Table;
import org.ferret.screening.model.ScreeningModel;
import org.ferret.screening.model.TrainOptions;
import org.ferret.screening.model.Trainer;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.rules.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code screen train}: fits a model (and re-estimates indicator weights) from labelled declarations. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a screening model from labelled declarations.")
final class TrainCommand extends Common {
    @Option(names = "--profile", required = true, description = "postal or kcs") String profile;
    @Option(names = "--data", required = true, arity = "1..*", description = "Labelled declaration CSV files.") List<Path> data;
    @Option(names = "--model", required = true, description = "Model file to write.") Path model;
    @Option(names = "--rules", description = "Rule pack file (default: the profile's bundled pack, if any).") Path rules;
    @Option(names = "--no-rules", description = "Train without risk indicators.") boolean noRules;
    @Option(names = "--rounds", description = "Boosting rounds (default ${DEFAULT-VALUE}).", defaultValue = "" + TrainOptions.DEFAULT_ROUNDS) int rounds;
    @Option(names = "--critical-rounds", description = "Boosting rounds of the critical-class model (default ${DEFAULT-VALUE}).",
            defaultValue = "" + TrainOptions.DEFAULT_CRITICAL_ROUNDS) int criticalRounds;
    @Option(names = "--depth", description = "Tree depth (default ${DEFAULT-VALUE}).", defaultValue = "6") int depth;
    @Option(names = "--eta", description = "Learning rate (default ${DEFAULT-VALUE}).", defaultValue = "0.1") double eta;

    @Override
    int run() throws Exception {
        Profile p = profile(profile);
        checkWritable(model);
        RulePack pack = rules(p, rules, noRules);
        long t0 = System.nanoTime();
        Table t = read(p, data);
        TrainOptions o = TrainOptions.defaults().withRounds(rounds).withCriticalRounds(criticalRounds).withDepth(depth).withEta(eta);
        ScreeningModel m = Trainer.train(t, pack, o, trainingProgress());
        try {
            m.save(model);
        } catch (java.io.IOException e) {
            throw new CannotWrite(model, e);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        out().printf("trained %s on %d declarations (%s to %s) in %.1f s%n", m.provenance(), t.size(), m.meta().get("from"), m.meta().get("to"), secs);
        if (m.report() != null) {
            out().println("risk indicators (weights re-estimated from outcomes):");
            out().print(m.report().table());
        }
        out().println("wrote " + model);
        return OK;
    }
}
