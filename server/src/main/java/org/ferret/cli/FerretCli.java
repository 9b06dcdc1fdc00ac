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
@Command(name = "ferret", mixinStandardHelpOptions = true, versionProvider = FerretCli.Version.class,
        description = "Records, tracing and parcel screening for the UN Firearms Protocol.",
        subcommands = {FerretCli.Demo.class, FerretCli.Serve.class, AuditCommand.class, ImportCommand.class, ParcelsCommand.class, BenchCommand.class, StandardsCommand.class,
                FerretCli.Test.class, CommandLine.HelpCommand.class})
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
    static int serve(String[] profiles, String... args) {
        new SpringApplicationBuilder(FerretApplication.class).profiles(profiles).run(args);
        serverRunning = true;
        return 0;
    }

    /** Runs a job in a Spring context without the web server, then closes it. */
    static ConfigurableApplicationContext offline() {
        return new SpringApplicationBuilder(FerretApplication.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN", "ferret.first-admin.enabled=false").run();
    }

    @Command(name = "demo", description = "Start the server on an embedded database with demo users and synthetic demo data.",
            footer = SpringProperties.FOOTER)
    static class Demo implements Callable<Integer> {
        // the demo's passwords are printed on its sign-in page, so by default only this machine may reach it
        @picocli.CommandLine.Option(names = "--address", paramLabel = "ADDRESS",
                description = "Address to listen on (default 127.0.0.1, this machine only: the demo passwords are public; "
                        + "also settable as server.address).")
        String address;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Unmatched
        java.util.List<String> unmatched = new java.util.ArrayList<>();

        @Override
        public Integer call() {
            return serve(new String[] {"demo"}, springArguments());
        }

        /** Spring's arguments for the options given; without --address the demo profile's 127.0.0.1 applies. */
        String[] springArguments() {
            java.util.List<String> args = new java.util.ArrayList<>(SpringProperties.of(spec, unmatched));
            if (address != null && !address.isBlank()) {
                args.add("--server.address=" + address.strip());
            }
            return args.toArray(String[]::new);
        }
    }

    @Command(name = "serve", description = "Start the server (no demo data; on an empty database, creates the first administrator from FERRET_ADMIN_* or by asking).",
            footer = SpringProperties.FOOTER)
    static class Serve implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Unmatched
        java.util.List<String> unmatched = new java.util.ArrayList<>();

        @Override
        public Integer call() {
            return serve(new String[0], springArguments());
        }

        String[] springArguments() {
            return SpringProperties.of(spec, unmatched).toArray(String[]::new);
        }
    }

    /**
     * Spring Boot properties after a server command, as the README promises ({@code ./ferret demo --server.port=9090}):
     * every {@code --name=value} picocli does not know passes through to Spring; anything else is refused by name.
     */
    static final class SpringProperties {
        static final String FOOTER = "%nAny Spring Boot property may follow as --name=value, e.g. --server.port=9090.";
        private static final java.util.regex.Pattern PROPERTY = java.util.regex.Pattern.compile("--[A-Za-z][\\w.\\[\\]-]*=.*");

        private SpringProperties() {
        }

        /** The arguments picocli did not match, if every one is a Spring property; else a usage error naming it. */
        static java.util.List<String> of(picocli.CommandLine.Model.CommandSpec spec, java.util.List<String> unmatched) {
            for (String a : unmatched) {
                if (!PROPERTY.matcher(a).matches()) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Unknown option: '" + a
                            + "' (Spring Boot properties are given as --name=value, e.g. --server.port=9090)");
                }
            }
            return java.util.List.copyOf(unmatched);
        }
    }

    /** Listed in the help so it says what the launcher does; the launcher runs it before the jar is involved. */
    @Command(name = "test", description = "Run the test suite (./mvnw verify with the JDK found; add -Ppostgres for "
            + "PostgreSQL too). Handled by the ./ferret launcher in a source checkout, not by the jar.")
    static class Test implements Callable<Integer> {
        @picocli.CommandLine.Unmatched
        java.util.List<String> mavenOptions = new java.util.ArrayList<>();

        @Override
        public Integer call() {
            System.err.println("ferret test runs from a source checkout: ./ferret test [maven options] (./mvnw verify).");
            return 2;
        }
    }

    /** The version from the build (META-INF/build-info.properties), so --version never goes stale. */
    static class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            java.util.Properties p = new java.util.Properties();
            try (var in = FerretCli.class.getResourceAsStream("/META-INF/build-info.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"Ferret " + p.getProperty("build.version", "(development build)")};
        }
    }
}
