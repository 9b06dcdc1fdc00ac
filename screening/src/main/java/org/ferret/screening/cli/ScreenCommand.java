package org.ferret.screening.cli;

import picocli.CommandLine.Command;

/** {@code ferret screen}: train, score, evaluate and simulate parcel and customs screening models. */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Risk screening of parcel and customs declarations (docs/screening.md).",
        subcommands = {TrainCommand.class, ScoreCommand.class, EvaluateCommand.class, SimulateCommand.class, GenerateCommand.class})
public class ScreenCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public ScreenCommand() {}

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: train, score, evaluate, simulate or generate");
    }
}
