package org.ferret.printfiles.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ferret.printfiles.PrintScreen;
import org.ferret.printfiles.Screening;
import org.ferret.printfiles.Verdict;
import org.ferret.printfiles.corpus.Evaluation;
import org.ferret.printfiles.fingerprint.Library;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ferret prints …} without the server: screen files (exit code by the worst verdict), fingerprint them
 * (optionally into a library), run the evaluation. The launcher runs it straight from {@code prints/target/classes}.
 */
@Command(name = "prints", mixinStandardHelpOptions = true, description = "Screen 3D-printing files for firearm parts (STL, 3MF, OBJ, G-code).",
        subcommands = {PrintsMain.Screen.class, PrintsMain.Fingerprints.class, PrintsMain.Evaluate.class})
public final class PrintsMain implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new PrintsMain());
        cli.setCommandName(System.getProperty("ferret.prints.name", "prints"));
        cli.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Library library(Path p) {
        if (p == null) return Library.empty();
        try {
            return Library.load(p);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(new PrintsMain()), "--library " + p + ": " + e.getMessage());
        }
    }

    @Command(name = "screen", mixinStandardHelpOptions = true, description = {
            "Screen files; prints one verdict per file (allow, review, block, error) with its evidence.",
            "Exit code: 0 all allowed, 1 a review, 2 a block, 3 an error (unreadable files are never allowed)."})
    static final class Screen implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE") List<Path> files;
        @Option(names = "--library", paramLabel = "LIB", description = "fingerprint library file (ferret-prints-library format)") Path lib;
        @Option(names = "--json", description = "one JSON object per line instead of text") boolean json;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintScreen screen = new PrintScreen(library(lib));
            Verdict worst = Verdict.ALLOW;
            var out = spec.commandLine().getOut();
            for (Path f : files) {
                Screening s;
                try {
                    s = screen.screen(f.getFileName().toString(), Files.readAllBytes(f));
                } catch (IOException | OutOfMemoryError e) {
                    s = new Screening(f.toString(), Verdict.ERROR, List.of(), "cannot read the file: " + e.getMessage(), "", null, java.util.Map.of(), List.of(), 0);
                }
                out.println(json ? s.toJson() : s.toText());
                if (s.verdict().ordinal() > worst.ordinal()) worst = s.verdict();
            }
            out.flush();
            return worst.exitCode();
        }
    }

    @Command(name = "fingerprint", mixinStandardHelpOptions = true, description = {
            "Print each file's SHA-256 and shape fingerprint; with --add-to, add them as known parts to a library",
            "(created if missing; its version goes up by one per part). The files themselves are not kept."})
    static final class Fingerprints implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE") List<Path> files;
        @Option(names = "--add-to", paramLabel = "LIB") Path addTo;
        @Option(names = "--type", defaultValue = "unspecified part", description = "part type recorded with --add-to") String type;
        @Option(names = "--source", defaultValue = "local", description = "source recorded with --add-to (seizure reference, agency)") String source;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintScreen screen = new PrintScreen(Library.empty());
            Library lib = addTo != null && Files.exists(addTo) ? library(addTo) : Library.empty();
            var out = spec.commandLine().getOut();
            int rc = 0;
            List<String> added = new ArrayList<>();
            for (Path f : files) {
                Screening s = screen.screen(f.getFileName().toString(), Files.readAllBytes(f));
                if (s.fingerprint() == null) {
                    out.println("error\t" + f + "\t" + s.reason());
                    rc = 3;
                    continue;
                }
                out.println(s.sha256() + "\t" + f + "\t" + s.fingerprint().encode());
                if (addTo != null) {
                    String id = f.getFileName().toString();
                    lib = lib.with(new Library.Entry(id, type, source, Set.of(s.sha256()), s.fingerprint()));
                    added.add(id);
                }
            }
            if (addTo != null && !added.isEmpty()) {
                lib.save(addTo);
                spec.commandLine().getErr().println("added " + added.size() + " part(s) to " + addTo + ", now version " + lib.version());
            }
            out.flush();
            return rc;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true, description = {
            "Build the procedural corpus (known-part stand-ins and benign lookalikes), fingerprint the stand-ins into a",
            "library, screen every transformation of them and every lookalike, and print recall, false matches, bore",
            "precision and timings (Markdown, as in docs/benchmarks.md)."})
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--known", defaultValue = "24", description = "known-part stand-ins (default ${DEFAULT-VALUE})") int known;
        @Option(names = "--no-big-mesh", description = "skip the 1,000,000-facet timing") boolean noBig;
        @Option(names = "--save-library", paramLabel = "LIB", description = "write the stand-ins' fingerprint library here (to screen other files against it)") Path save;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
            Evaluation.Report r = Evaluation.run(known, !noBig, err);
            if (save != null) {
                try {
                    r.library().save(save);
                } catch (IOException e) {
                    throw new CommandLine.ExecutionException(spec.commandLine(), "cannot write " + save + ": " + e.getMessage());
                }
            }
            spec.commandLine().getOut().println(Evaluation.markdown(r));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
