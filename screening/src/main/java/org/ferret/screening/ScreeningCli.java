package org.ferret.screening;

import org.ferret.screening.cli.ScreenCommand;

/** The library's entry point for hosts such as the {@code ferret} launcher: the picocli {@code screen} command. */
public final class ScreeningCli {
    private ScreeningCli() {
    }

    /** A new picocli command object for {@code screen} and its subcommands. */
    public static Object command() {
        return new ScreenCommand();
    }
}
