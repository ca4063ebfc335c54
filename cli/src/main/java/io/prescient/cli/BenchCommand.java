package io.prescient.cli;

import picocli.CommandLine.Command;

/** {@code prescient bench}: speed benchmarks that need real data or a trained model. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Speed benchmarks on real data.",
        subcommands = {InferenceBench.class, LoadBench.class, FeedbackBench.class, ReadingsBench.class})
public final class BenchCommand {
}
