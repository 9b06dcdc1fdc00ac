package org.ferret.screening.cli;

import picocli.CommandLine;

/**
 * Runs {@code screen} without the server: what {@code ./ferret screen} runs (the launcher sets the name shown in
 * usage messages with {@code -Dferret.screen.name="ferret screen"}).
 */
public final class ScreenMain {
    private ScreenMain() {}

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ScreenCommand());
        cli.setCommandName(System.getProperty("ferret.screen.name", "screen"));
        System.exit(cli.execute(args));
    }
}
