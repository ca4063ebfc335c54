package io.prescient.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code prescient} command. */
@Command(name = "prescient", mixinStandardHelpOptions = true, versionProvider = VersionCommand.class,
        description = "Predictive, feedback-aware capacity planning.",
        subcommands = {DemoCommand.class, IngestCommand.class, ForecastCommand.class, BacktestCommand.class, ScoreCommand.class, ExportCommand.class, ModelCommand.class, RunCommand.class, ServeCommand.class, FeedbackCommand.class, ExpertsCommand.class, ExperimentCommand.class, PlanCommand.class, ScenariosCommand.class, ReplayCommand.class, BenchCommand.class, SeriesCommand.class, DatasetCommand.class,
                VersionCommand.class, CommandLine.HelpCommand.class})
public final class PrescientCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On an error, print the stack trace too.")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
