package org.ferret.cli;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.ferret.identity.AgencyKind;
import org.ferret.identity.Users;
import org.ferret.parcels.BatchAnswer;
import org.ferret.parcels.CsvDeclarations;
import org.ferret.parcels.ItemAnswer;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferret parcels import FILE.csv}: parcel declarations from a CSV file, decided on arrival, with a progress bar. */
@Command(name = "parcels", description = "Parcel screening.", subcommands = ParcelsCommand.Import.class)
class ParcelsCommand {

    @Command(name = "import", description = "Send parcel declarations from a CSV file (layout: docs/parcels.md, one row "
            + "per item) through the same validation and decisions as the API. Exit 0 when every item was accepted or "
            + "unchanged, 1 when items (or the file) were rejected, 2 for a usage error.")
    static class Import implements Callable<Integer> {

        @Parameters(paramLabel = "FILE.csv", description = "the CSV file (UTF-8)")
        Path file;

        @Option(names = "--operator", paramLabel = "CODE",
                description = "the operator sending the items, an agency code of kind postal operator (default: the only one registered)")
        String operator;

        @Option(names = "--all-or-nothing", description = "store nothing if any item is bad (default: store the good items and report the bad ones)")
        boolean allOrNothing;

        @Option(names = "--as", description = "who is sending, for the audit log (default: cli:<OS user>)")
        String actor;

        @Option(names = "--no-progress", description = "no progress bar")
        boolean quiet;

        @Override
        public Integer call() throws IOException {
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                System.err.println("ferret parcels import: cannot read " + file);
                return 2;
            }
            String who = actor != null ? actor : "cli:" + System.getProperty("user.name", "unknown");
            try (var ctx = FerretCli.offline(); InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                String op = operator(ctx.getBean(Users.class));
                if (op == null) {
                    return 2;
                }
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(who, null, List.of()));
                CsvDeclarations csv = ctx.getBean(CsvDeclarations.class);
                CsvDeclarations.Result result;
                Bar bar = new Bar(quiet, file.getFileName().toString());
                try {
                    result = csv.submit(in, op, allOrNothing, Long.MAX_VALUE, bar);
                } catch (FerretException e) {
                    bar.close();
                    return refused(e);
                } finally {
                    bar.close();
                }
                return print(result);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }

        private String operator(Users users) {
            if (operator != null) {
                var agency = users.agencyByCode(operator.strip());
                if (agency.isEmpty() || agency.get().kind() != AgencyKind.POSTAL_OPERATOR) {
                    System.err.println("ferret parcels import: --operator " + operator + " is not a registered agency of kind postal operator"
                            + known(users));
                    return null;
                }
                return agency.get().code();
            }
            List<Users.Agency> ops = users.agencies().stream().filter(a -> a.kind() == AgencyKind.POSTAL_OPERATOR).toList();
            if (ops.size() != 1) {
                System.err.println("ferret parcels import: give --operator CODE" + known(users));
                return null;
            }
            return ops.get(0).code();
        }

        private static String known(Users users) {
            List<String> codes = users.agencies().stream().filter(a -> a.kind() == AgencyKind.POSTAL_OPERATOR).map(Users.Agency::code).toList();
            return codes.isEmpty() ? " (no agency of kind postal operator is registered)" : " (postal operators: " + String.join(", ", codes) + ")";
        }

        /** A file refused whole: one line saying where and why (every problem of an all-or-nothing refusal first). */
        private static int refused(FerretException e) {
            if (e.problems().size() > 1 || e.code() == org.ferret.shared.ErrorCode.IMPORT_REJECTED) {
                e.problems().forEach(p -> System.err.println(describe(p, null)));
            }
            System.err.println("ferret parcels import: " + e.getMessage().replaceAll("\\R", " "));
            return 1;
        }

        private static int print(CsvDeclarations.Result result) {
            BatchAnswer b = result.answers();
            for (ItemAnswer a : b.items()) {
                if (a.status() == ItemAnswer.Status.REJECTED) {
                    a.problems().forEach(p -> System.err.println(describe(p, a.itemId())));
                }
            }
            System.out.println(b.items().size() + " items from operator " + b.operator() + ": " + b.accepted() + " accepted, "
                    + b.unchanged() + " unchanged, " + b.rejected() + " rejected; " + b.held() + " held for inspection"
                    + (b.rejected() > 0 ? " (the rejected items were not stored; the others were)" : "") + ".");
            return b.rejected() == 0 ? 0 : 1;
        }

        private static String describe(FieldProblem p, String itemId) {
            return (p.line() == null ? "" : "line " + p.line() + ", ") + "column " + p.field()
                    + (itemId == null ? "" : " (item " + itemId + ")") + ": " + p.message();
        }
    }

    /** The progress bar on stderr: items answered of the file's items, and the rate; made once the total is known. */
    private static final class Bar implements CsvDeclarations.Progress {
        private final boolean quiet;
        private final String name;
        private ProgressBar bar;

        Bar(boolean quiet, String name) {
            this.quiet = quiet;
            this.name = name;
        }

        @Override
        public void answered(int done, int total) {
            if (quiet) {
                return;
            }
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("Sending " + name).setInitialMax(total).setUnit(" items", 1)
                        .showSpeed().setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .setUpdateIntervalMillis(250).build();
            }
            bar.stepTo(done);
        }

        void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
