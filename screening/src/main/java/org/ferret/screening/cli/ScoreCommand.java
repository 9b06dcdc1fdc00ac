package org.ferret.screening.cli;

import java.nio.file.Path;
import java.util.List;
import org.ferret.screening.data.Table;
import org.ferret.screening.model.Scorer;
import org.ferret.screening.model.ScreeningModel;
import org.ferret.screening.profile.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code screen score}: risk score and top reasons for every declaration of a file. */
@Command(name = "score", mixinStandardHelpOptions = true, description = "Score declarations with a trained model.")
final class ScoreCommand extends Common {
    @Option(names = "--model", required = true, description = "Model file written by train.") Path model;
    @Option(names = "--data", required = true, description = "Declaration CSV file.") Path data;
    @Option(names = "--out", required = true, description = "Scores CSV to write: id,score,reasons (an id starting with = + - @, a tab or a carriage return is written with a leading ').") Path out;
    @Option(names = "--threads", defaultValue = "2", description = "Scoring threads (default ${DEFAULT-VALUE}).") int threads;
    @Option(names = "--timings", description = "Print the time of each phase to stderr.") boolean timings;

    @Override
    int run() throws Exception {
        int threads = threads("--threads", this.threads);
        checkWritable(out);
        long t0 = System.nanoTime();
        // the model loads on its own thread while the data is read with the profile it names
        Profile profile = ScreeningModel.profileOf(model);
        java.util.concurrent.FutureTask<ScreeningModel> loading = new java.util.concurrent.FutureTask<>(() -> ScreeningModel.load(model));
        Thread loader = new Thread(loading, "model-load");
        loader.setDaemon(true);
        loader.start();
        Table t = read(profile, List.of(data));
        long t1 = System.nanoTime();
        ScreeningModel m;
        try {
            m = loading.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw (Error) e.getCause();
        }
        long t2 = System.nanoTime();
        Scorer.Scores s = Scorer.score(m, t, Scorer.Options.of(m).withReasons().withoutCritical().onThreads(threads));
        long t3 = System.nanoTime();
        try {
            ScoresCsv.write(out, t, s);
        } catch (java.io.IOException e) {
            throw new CannotWrite(out, e);
        }
        long t4 = System.nanoTime();
        if (timings) {
            err().printf(java.util.Locale.ROOT, "timings: read (model loading alongside) %.2f s, rest of model load %.2f s, features+score+reasons %.2f s, write %.2f s%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
        }
        if (s.rowsBeforeTrainingEnd() > 0) {
            err().println("warning: " + s.rowsBeforeTrainingEnd() + " declaration(s) are dated on or before the end of the training data ("
                    + m.meta().get("to") + "); their history features include outcomes the model was trained on");
        }
        out().printf("scored %d declarations with %s in %.2f s; wrote %s%n", t.size(), s.provenance(), (System.nanoTime() - t0) / 1e9, out);
        return OK;
    }
}
