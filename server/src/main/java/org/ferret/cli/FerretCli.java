package org.ferret.cli;

import java.util.concurrent.Callable;

import org.ferret.FerretApplication;
import org.ferret.screening.ScreeningCli;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The process entry point: {@code ferret demo | serve | import | audit | …}, each a picocli subcommand. */
@Command(name = "ferret", mixinStandardHelpOptions = true, version = "Ferret 0.1.0",
        description = "Records, tracing and parcel screening for the UN Firearms Protocol.",
        subcommands = {FerretCli.Demo.class, FerretCli.Serve.class, AuditCommand.class, ImportCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public class FerretCli implements Callable<Integer> {

    public static void main(String[] args) {
        // screen runs the plain Java screening engine: no Spring context is started for it
        int code = BenchCommand.withContributed(new CommandLine(new FerretCli())).addSubcommand("screen", ScreeningCli.command())
                .setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (code != 0 || !serverRunning) {
            System.exit(code);
        }
    }

    private static volatile boolean serverRunning;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }

    /** Starts the web server; returns once it is up (the JVM lives on in the server's threads). */
    static int serve(String... profiles) {
        new SpringApplicationBuilder(FerretApplication.class).profiles(profiles).run();
        serverRunning = true;
        return 0;
    }

    /** Runs a job in a Spring context without the web server, then closes it. */
    static ConfigurableApplicationContext offline() {
        return new SpringApplicationBuilder(FerretApplication.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN", "ferret.first-admin.enabled=false").run();
    }

    @Command(name = "demo", description = "Start the server on an embedded database with demo users and synthetic demo data.")
    static class Demo implements Callable<Integer> {
        @Override
        public Integer call() {
            return serve("demo");
        }
    }

    @Command(name = "serve", description = "Start the server (no demo data; on an empty database, creates the first administrator from FERRET_ADMIN_* or by asking).")
    static class Serve implements Callable<Integer> {
        @Override
        public Integer call() {
            return serve();
        }
    }
}
