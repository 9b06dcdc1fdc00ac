package org.ferret.screening.cli;

import picocli.CommandLine;

/** Runs {@code screen} on its own, outside the Ferret launcher. */
public final class ScreenMain {
    private ScreenMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new ScreenCommand()).execute(args));
    }
}
