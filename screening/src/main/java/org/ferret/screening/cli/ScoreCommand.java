package org.ferret.screening.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ferret.screening.data.BadInputException;
import org.ferret.screening.data.RowProblem;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.features.History;
import org.ferret.screening.model.Scorer;
import org.ferret.screening.model.ScreeningModel;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.select.Selector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code screen score}: risk score, top reasons and critical-class score for every declaration of a file. The file is
 * read, scored and written in windows of input bytes, so memory stays bounded (the history state aside) whatever the
 * file's length; a file not in time order falls back to the whole-file path, which {@code --whole-file} also asks for.
 */
@Command(name = "score", mixinStandardHelpOptions = true, description = "Score declarations with a trained model.")
final class ScoreCommand extends Common {
    @Option(names = "--model", required = true, description = "Model file written by train.") Path model;
    @Option(names = "--data", required = true, description = "Declaration CSV file.") Path data;
    @Option(names = "--out", required = true, description = "Scores CSV to write: id,score,reasons,critical_score[,selected] (an id starting with = + - @, a tab or a carriage return is written with a leading ').") Path out;
    @Option(names = "--threads", defaultValue = "2", description = "Scoring threads (default ${DEFAULT-VALUE}).") int threads;
    @Option(names = "--timings", description = "Print the time of each phase to stderr.") boolean timings;
    @Option(names = "--progress", description = "A progress bar on stderr even when it is not a terminal (without this: only on a terminal, and never with --quiet).") boolean progress;
    @Option(names = "--whole-file", hidden = true, description = "The earlier path: read the whole file, score it, then write it (kept to check the streaming path).") boolean wholeFile;
    @Option(names = "--window-bytes", hidden = true, defaultValue = "" + (32 << 20), description = "Input bytes per window when streaming (tests use small ones).") int windowBytes;
    @Mixin SelectionOptions selection;

    @Override
    int run() throws Exception {
        int threads = threads("--threads", this.threads);
        if (windowBytes < 1024) throw new UsageError("Invalid value for option '--window-bytes': at least 1024");
        Selector.Policy policy = selection.policy();
        checkWritable(out);
        long t0 = System.nanoTime();
        // the model loads on its own thread while the data is read with the profile it names
        Profile profile = ScreeningModel.profileOf(model);
        java.util.concurrent.FutureTask<ScreeningModel> loading = new java.util.concurrent.FutureTask<>(() -> ScreeningModel.load(model));
        Thread loader = new Thread(loading, "model-load");
        loader.setDaemon(true);
        loader.start();
        if (!wholeFile) {
            try {
                return streamed(profile, loading, policy, threads, t0);
            } catch (History.OutOfOrder e) {
                err().println("note: " + e.getMessage() + "; scoring it as a whole instead of window by window");
                err().flush();
                loading = new java.util.concurrent.FutureTask<>(() -> ScreeningModel.load(model)); // its history was advanced
                loading.run();
            }
        }
        Table t = read(profile, List.of(data));
        long t1 = System.nanoTime();
        ScreeningModel m = model(loading);
        long t2 = System.nanoTime();
        Scorer.Scores s = Scorer.score(m, t, Scorer.Options.of(m).withReasons().onThreads(threads));
        boolean[] selected = policy == null ? null : SelectionOptions.selected(s.risk(), s.critical(), policy, selection.seed);
        long t3 = System.nanoTime();
        try {
            ScoresCsv.write(out, t, s, selected);
        } catch (IOException e) {
            throw new CannotWrite(out, e);
        }
        long t4 = System.nanoTime();
        if (timings) {
            err().printf(Locale.ROOT, "timings: read (model loading alongside) %.2f s, rest of model load %.2f s, features+score+reasons %.2f s, write %.2f s%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
        }
        warnBeforeTrainingEnd(m, s.rowsBeforeTrainingEnd());
        out().printf("scored %d declarations with %s in %.2f s; wrote %s%n", t.size(), s.provenance(), (System.nanoTime() - t0) / 1e9, out);
        return OK;
    }

    private static ScreeningModel model(java.util.concurrent.FutureTask<ScreeningModel> loading) throws Exception {
        try {
            return loading.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw (Error) e.getCause();
        }
    }

    private void warnBeforeTrainingEnd(ScreeningModel m, long rows) {
        if (rows > 0) {
            err().println("warning: " + rows + " declaration(s) are dated on or before the end of the training data ("
                    + m.meta().get("to") + "); their history features include outcomes the model was trained on");
        }
    }

    /**
     * Window by window: each window's rows are scored (history advanced, its last day held back for the next
     * window), formatted and written before the next window is parsed. With a selection, which needs every score of
     * the file, the rows are written without the flag to a part file and copied to {@code out} with it.
     */
    private int streamed(Profile profile, java.util.concurrent.FutureTask<ScreeningModel> loading, Selector.Policy policy, int threads, long t0) throws Exception {
        long total = Files.exists(data) ? Files.size(data) : 0;
        Path part = policy == null ? out : out.resolveSibling(out.getFileName() + ".part");
        ProgressBar bar = !quiet && (progress || stderrIsTerminal())
                ? new ProgressBarBuilder().setTaskName("score").setInitialMax(Math.max(1, total)).setUnit(" MB", 1 << 20)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500).build()
                : null;
        long[] rows = {0, 0}; // rows written, rows dated on or before the end of training
        double[][] scores = {policy == null ? null : new double[1 << 16], null};
        ScreeningModel[] m = {null};
        History[] history = {null}; // the model's history (a copy), advanced window by window
        String[] provenance = {null};
        long[] phase = new long[3]; // nanoseconds: waiting for the model, features+score+reasons, format+write
        boolean done = false;
        List<RowProblem> skipped;
        try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(part), 1 << 20)) {
            skipped = new TableReader(profile, onError()).stream(List.of(data), windowBytes, (t, bytesRead) -> {
                long a = System.nanoTime();
                if (m[0] == null) {
                    try {
                        m[0] = model(loading);
                    } catch (IOException | BadInputException | RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    history[0] = m[0].history().streaming();
                    o.write(ScoresCsv.header(t, false));
                }
                long b = System.nanoTime();
                Scorer.Scores s = Scorer.score(m[0], t, new Scorer.Options(history[0], false, true, true, threads));
                long c = System.nanoTime();
                provenance[0] = s.provenance();
                int n = t.size();
                if (policy != null) keep(scores, rows[0], s);
                ScoresCsv.writeRows(o, t, s);
                rows[0] += n;
                rows[1] += s.rowsBeforeTrainingEnd();
                phase[0] += b - a;
                phase[1] += c - b;
                phase[2] += System.nanoTime() - c;
                if (bar != null) {
                    bar.stepTo(bytesRead);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    bar.setExtraMessage(String.format(Locale.ROOT, "%,d rows, %,.0f rows/s", rows[0], rows[0] / Math.max(secs, 1e-9)));
                }
            });
            done = true;
        } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
            if (e.getFile() != null && Path.of(e.getFile()).equals(part)) throw new CannotWrite(out, e);
            throw e;
        } finally {
            if (bar != null) bar.close();
            if (!done) Files.deleteIfExists(part);
        }
        if (!skipped.isEmpty()) {
            for (RowProblem p : skipped) err().println("skipped: " + p);
            err().println("skipped " + skipped.size() + " bad row(s); read " + rows[0] + " good row(s)");
            err().flush();
        }
        if (rows[0] == 0) {
            Files.deleteIfExists(part);
            throw new BadInputException(new RowProblem(data.toString(), 1, null, "no declarations to read"));
        }
        history[0].closeDay();
        long t3 = System.nanoTime();
        if (policy != null) {
            int n = (int) rows[0];
            double[] risk = java.util.Arrays.copyOf(scores[0], n), crit = scores[1] == null ? null : java.util.Arrays.copyOf(scores[1], n);
            scores[0] = scores[1] = null;
            boolean[] selected = SelectionOptions.selected(risk, crit, policy, selection.seed);
            try {
                ScoresCsv.appendSelected(part, out, selected);
            } finally {
                Files.deleteIfExists(part);
            }
        }
        Files.writeString(out.resolveSibling(out.getFileName() + ".provenance"), "scored by " + provenance[0] + "\nrows " + rows[0] + "\n", StandardCharsets.UTF_8);
        if (timings) {
            err().printf(Locale.ROOT, "timings (streamed): waiting for the model %.2f s, features+score+reasons %.2f s, format+write %.2f s, selection %.2f s, total %.2f s%n",
                    phase[0] / 1e9, phase[1] / 1e9, phase[2] / 1e9, (System.nanoTime() - t3) / 1e9, (System.nanoTime() - t0) / 1e9);
        }
        warnBeforeTrainingEnd(m[0], rows[1]);
        out().printf("scored %d declarations with %s in %.2f s; wrote %s%n", rows[0], provenance[0], (System.nanoTime() - t0) / 1e9, out);
        return OK;
    }

    /** Keeps a window's scores (from row {@code at}) for the selection over the whole file. */
    private static void keep(double[][] scores, long at, Scorer.Scores s) {
        int n = s.risk().length;
        long need = at + n;
        if (need > Integer.MAX_VALUE - 16) throw new IllegalStateException("more than 2^31 rows");
        if (scores[0].length < need) scores[0] = java.util.Arrays.copyOf(scores[0], (int) Math.min(Integer.MAX_VALUE - 16, Math.max(need, scores[0].length * 3L / 2)));
        System.arraycopy(s.risk(), 0, scores[0], (int) at, n);
        if (s.critical() != null) {
            if (scores[1] == null) scores[1] = new double[scores[0].length];
            if (scores[1].length < scores[0].length) scores[1] = java.util.Arrays.copyOf(scores[1], scores[0].length);
            System.arraycopy(s.critical(), 0, scores[1], (int) at, n);
        }
    }

    /** Whether stderr is a terminal (Linux: file descriptor 2 is a tty device); false when that cannot be told. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
