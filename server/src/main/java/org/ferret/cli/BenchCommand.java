package org.ferret.cli;

import picocli.CommandLine.Command;

/** {@code ferret bench …}: reproducible benchmarks whose figures go into docs/benchmarks.md. */
@Command(name = "bench", description = "Benchmarks (figures are recorded in docs/benchmarks.md).",
        subcommands = {RegistryBenchCommand.class, org.ferret.tracing.TracingBenchCommand.class})
class BenchCommand {
}
