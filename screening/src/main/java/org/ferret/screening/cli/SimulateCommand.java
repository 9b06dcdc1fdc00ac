package org.ferret.screening.cli;

import picocli.CommandLine.Command;

/** {@code screen simulate}: placeholder until the online simulation is wired (see below). */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Online weekly simulation (not yet available).")
final class SimulateCommand extends Common {
    @Override
    int run() {
        err().println("screen simulate is not implemented yet");
        return USAGE;
    }
}
