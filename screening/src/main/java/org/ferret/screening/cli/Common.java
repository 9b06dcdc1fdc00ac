package org.ferret.screening.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ferret.screening.data.BadInputException;
import org.ferret.screening.data.OnError;
import org.ferret.screening.data.RowProblem;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.model.Trainer;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.profile.Profiles;
import org.ferret.screening.rules.RulePack;
import org.ferret.screening.rules.RulePackParser;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every screen subcommand shares: exit codes, error reporting, reading data, progress bars. */
abstract class Common implements Callable<Integer> {
    /** Exit codes (docs/screening.md): ok; bad input (data, rule pack or model file); usage error; an output file that cannot be written. */
    static final int OK = 0, BAD_INPUT = 1, USAGE = 2, CANNOT_WRITE = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--on-error", defaultValue = "stop", paramLabel = "stop|skip-and-report",
            description = "On a bad row: stop (default), or skip it and report it with its line number.")
    String onError;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() throws Exception {
        try {
            return run();
        } catch (BadInputException e) {
            for (RowProblem p : e.problems()) err().println("error: " + p);
            err().flush();
            return BAD_INPUT;
        } catch (UsageError e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (CannotWrite e) {
            err().println("error: " + e.getMessage());
            err().flush();
            return CANNOT_WRITE;
        } finally {
            out().flush();
            err().flush();
        }
    }

    abstract int run() throws Exception;

    /** A wrong option value; picocli prints it with the usage and exits 2. */
    static final class UsageError extends Exception {
        UsageError(String m) {
            super(m);
        }
    }

    /** An output file that cannot be written: names the file and why. */
    static final class CannotWrite extends Exception {
        CannotWrite(Path file, String why) {
            super("cannot write " + file + ": " + why);
        }

        CannotWrite(Path file, IOException cause) {
            super("cannot write " + file + ": " + describe(cause), cause);
        }

        private static String describe(IOException e) {
            return switch (e) {
                case java.nio.file.NoSuchFileException x -> "no such directory";
                case java.nio.file.AccessDeniedException x -> "permission denied";
                case java.nio.file.FileSystemException x when x.getReason() != null -> x.getReason();
                default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            };
        }
    }

    /**
     * Refuses, before any work is done, an output {@code file} that cannot be written: its directory must exist
     * and be writable, and the file must not be a directory or read-only.
     */
    static void checkWritable(Path file) throws CannotWrite {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new CannotWrite(file, "no such directory " + dir);
        if (Files.isDirectory(file)) throw new CannotWrite(file, "it is a directory");
        if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(dir)) throw new CannotWrite(file, "permission denied");
    }

    /** Thread counts: at least one. */
    static int threads(String option, int n) throws UsageError {
        if (n < 1) throw new UsageError("Invalid value for option '" + option + "': expected at least 1 thread, got " + n);
        return n;
    }

    Profile profile(String name) throws UsageError {
        try {
            return Profiles.byName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    OnError onError() throws UsageError {
        try {
            return OnError.parse(onError);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** Reads the files; skipped rows (if asked for) are reported on stderr, each with file and line. */
    Table read(Profile profile, List<Path> files) throws IOException, BadInputException, UsageError {
        TableReader.Result r = new TableReader(profile, onError()).read(files);
        if (!r.problems().isEmpty()) {
            for (RowProblem p : r.problems()) err().println("skipped: " + p);
            err().println("skipped " + r.problems().size() + " bad row(s); read " + r.table().size() + " good row(s)");
            err().flush();
        }
        if (r.table().size() == 0) throw new BadInputException(new RowProblem(files.get(0).toString(), 1, null, "no declarations to read"));
        return r.table();
    }

    /** The rule pack from a file, the profile's bundled pack when none is given, or none with --no-rules. */
    static RulePack rules(Profile profile, Path file, boolean none) throws IOException, BadInputException {
        if (none) return null;
        if (file != null) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new BadInputException(new RowProblem(file.toString(), 0, null, "no such rule pack"));
            }
            RulePack p = RulePackParser.parse(file.toString(), text);
            if (!p.profile().equals(profile.name())) {
                throw new BadInputException(new RowProblem(file.toString(), 1, "profile", "rule pack is for profile " + p.profile() + ", not " + profile.name()));
            }
            try {
                new org.ferret.screening.rules.BoundPack(p, profile);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(new RowProblem(file.toString(), 0, null, e.getMessage()));
            }
            return p;
        }
        String res = "/org/ferret/screening/rules/" + profile.name() + "-firearms.rules";
        try (InputStream in = Common.class.getResourceAsStream(res)) {
            if (in == null) return null;
            return RulePackParser.parse("bundled " + res, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Progress on stderr; a no-op with --quiet. */
    Trainer.Progress trainingProgress() {
        if (quiet) return Trainer.Progress.NONE;
        return new Trainer.Progress() {
            ProgressBar bar;
            String current;

            @Override
            public void step(String what, int done, int total) {
                if (!what.equals(current)) {
                    if (bar != null) bar.close();
                    current = what;
                    bar = bar("train " + what, total);
                }
                bar.stepTo(done);
                if (done >= total) {
                    bar.close();
                    bar = null;
                    current = null;
                }
            }
        };
    }

    ProgressBar bar(String task, long max) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500).build();
    }
}
