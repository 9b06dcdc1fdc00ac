package org.ferret.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.ferret.registry.ImportMode;
import org.ferret.registry.ImportReport;
import org.ferret.registry.ItemImport;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferret import items FILE.csv}: bulk import into the registry, with a progress bar. */
@Command(name = "import", description = "Bulk imports.", subcommands = ImportCommand.Items.class)
class ImportCommand {

    @Command(name = "items", description = "Import items with their markings from a CSV file (layout: docs/csv-import.md). "
            + "Exit 0 when every row was imported, 1 when rows were rejected (nothing is written in all-or-nothing mode).")
    static class Items implements Callable<Integer> {

        @Parameters(paramLabel = "FILE.csv", description = "the CSV file")
        Path file;

        @Option(names = "--commit-valid-rows",
                description = "commit the good rows and report the bad ones (default: one bad row rejects the whole file)")
        boolean commitValidRows;

        @Option(names = "--as", description = "who is importing, for the audit log (default: cli:<OS user>)")
        String actor;

        @Option(names = "--no-progress", description = "no progress bar")
        boolean quiet;

        @Override
        public Integer call() throws IOException {
            try {
                return run();
            } catch (org.ferret.shared.FerretException e) { // another import is running
                System.err.println("ferret import: " + e.getMessage());
                return 1;
            }
        }

        private Integer run() throws IOException {
            if (!Files.isReadable(file)) {
                System.err.println("ferret import: cannot read " + file);
                return 2;
            }
            long size = Math.max(1, Files.size(file));
            ImportMode mode = commitValidRows ? ImportMode.COMMIT_VALID_ROWS : ImportMode.ALL_OR_NOTHING;
            String who = actor != null ? actor : "cli:" + System.getProperty("user.name", "unknown");
            try (var ctx = FerretCli.offline(); InputStream reader = new BufferedInputStream(Files.newInputStream(file))) {
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(who, null, List.of()));
                ImportReport report;
                if (quiet) {
                    report = ctx.getBean(ItemImport.class).importCsv(reader, mode, null, Long.MAX_VALUE);
                } else {
                    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Importing " + file.getFileName())
                            .setInitialMax(size).setUnit(" MB", 1_000_000).setStyle(ProgressBarStyle.ASCII)
                            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                            .setUpdateIntervalMillis(250).build()) {
                        // characters approximate bytes for the mostly-ASCII CSV files this reads
                        report = ctx.getBean(ItemImport.class).importCsv(reader, mode,
                                (rows, chars) -> bar.stepTo(Math.min(size, chars)).setExtraMessage(rows + " rows"),
                                Long.MAX_VALUE);
                        bar.stepTo(size);
                    }
                }
                print(report);
                return report.committed() && !report.hasProblems() ? 0 : 1;
            }
        }

        private static void print(ImportReport r) {
            // a file that cannot be read at all (not UTF-8, broken quoting) is said once, in the summary
            boolean onlyTheFile = r.problems().size() == 1 && r.fileProblem() != null;
            r.problems().stream().filter(p -> !onlyTheFile).forEach(p -> System.err.println((p.line() == null ? "" : "line " + p.line() + ", ")
                    + "field " + p.field() + ": " + p.message()));
            System.out.println(r.summary());
            System.out.println("Import job " + r.job() + ", file SHA-256 " + r.sha256());
        }
    }
}
