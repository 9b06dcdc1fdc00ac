package org.ferret.cli;

import java.util.ServiceLoader;

import org.ferret.shared.BenchSubcommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ferret bench …}: reproducible benchmarks whose figures go into docs/benchmarks.md. Modules contribute
 * benchmarks of their internals as {@link BenchSubcommand} services (e.g. {@code bench tracing}).
 */
@Command(name = "bench", description = "Benchmarks (figures are recorded in docs/benchmarks.md).",
        subcommands = {RegistryBenchCommand.class})
class BenchCommand {

    /** Adds the benchmarks that modules contribute to the {@code bench} command of this command line. */
    static CommandLine withContributed(CommandLine root) {
        CommandLine bench = root.getSubcommands().get("bench");
        for (BenchSubcommand b : ServiceLoader.load(BenchSubcommand.class, BenchCommand.class.getClassLoader())) {
            bench.addSubcommand(b);
        }
        return root;
    }
}
