package org.ferret.shared;

import java.util.concurrent.Callable;

/**
 * A {@code ferret bench …} subcommand (a picocli {@code @Command}) that a module contributes from its internals:
 * listed in {@code META-INF/services/org.ferret.shared.BenchSubcommand} and found by the CLI with a
 * {@link java.util.ServiceLoader}, so the CLI depends on no module's internal types.
 */
public interface BenchSubcommand extends Callable<Integer> {
}
