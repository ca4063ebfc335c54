package io.prescient.cli;

import io.prescient.experiment.Assignment;
import io.prescient.experiment.Effect;
import io.prescient.experiment.Outcomes;
import io.prescient.experiment.SequentialTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code prescient experiment}: A/B tests on real units (a capacity policy over pools or clusters, recommendations over
 * resources): assign, then analyse the outcomes observed so far. The commands parse, call the experiment module and print.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "A/B tests on your own units (pools, clusters, resources): a stratified assignment to apply, then a sequential "
                + "analysis of the outcomes you observe (O'Brien-Fleming looks, repeated intervals).",
        subcommands = {ExperimentCommand.Assign.class, ExperimentCommand.Analyse.class})
public final class ExperimentCommand {

    /** {@code prescient experiment assign}. */
    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = {"Assigns the units of a CSV (a 'unit' column, and 'stratum': a number such as last month's cost to balance "
                    + "the arms by) to treatment and control: within each stratum (by the number), half at random. Writes "
                    + "unit,arm,stratum for the people who apply the treatment (e.g. the tuned capacity policy on the treated pools)."})
    public static final class Assign implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "Units CSV.")
        Path units;

        @Option(names = "--name", required = true, description = "The experiment's name.")
        String name;

        @Option(names = "--strata", defaultValue = "3", description = "Strata (default: ${DEFAULT-VALUE}).")
        int strata;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, description = "Assignment CSV to write.")
        Path out;

        @Mixin
        OutputOption output;

        @Override
        public void run() {
            boolean json = output.json();
            Assignment a = Assignment.stratified(name, Assignment.readUnits(units), strata, seed);
            a.write(out);
            PrintWriter console = spec.commandLine().getOut();
            if (json) {
                output.print(console, a);
                return;
            }
            console.printf(Locale.ROOT, "%s: %d units, %d treated, %d control, in %d strata; wrote %s%n", name, a.units().size(),
                    a.treated(), a.units().size() - a.treated(), Math.min(strata, a.units().size() / 2), out);
            console.println("apply the treatment to the units marked 'treatment', then record outcomes as unit,look,metric,value and run "
                    + "'prescient experiment analyse'");
        }
    }

    /** {@code prescient experiment analyse}. */
    @Command(name = "analyse", mixinStandardHelpOptions = true,
            description = {"Analyses an experiment at its latest look: per metric, treatment minus control with Welch and bootstrap "
                    + "intervals at the look's O'Brien-Fleming boundary, and whether to stop (an effect on the primary metric, or the "
                    + "last look) or continue. --out writes the report where 'prescient serve --experiments <dir>' shows it."})
    public static final class Analyse implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--assignment", required = true, description = "The assignment CSV ('experiment assign' wrote it).")
        Path assignment;

        @Option(names = "--outcomes", required = true, description = "Outcomes CSV: unit,look,metric,value.")
        Path outcomes;

        @Option(names = "--metric", required = true, description = "The primary metric (the one that decides).")
        String metric;

        @Option(names = "--looks", defaultValue = "3", description = "Looks planned, 1 to 5 (default: ${DEFAULT-VALUE}).")
        int looks;

        @Option(names = "--name", description = "The experiment's name (default: the assignment file's).")
        String name;

        @Option(names = "--out", description = "Also write the report as JSON here.")
        Path out;

        @Mixin
        OutputOption output;

        @Override
        public void run() {
            boolean json = output.json();
            String experiment = name != null ? name : assignment.getFileName().toString().replaceFirst("\\.csv$", "");
            SequentialTest.Analysis a = SequentialTest.analyse(Assignment.read(assignment, experiment), Outcomes.read(outcomes), metric,
                    looks, 1);
            if (out != null) {
                try {
                    // the report's keys as the server's experiments page reads them (camel case, like 'experts abtest --out')
                    Files.writeString(out, new com.fasterxml.jackson.databind.ObjectMapper()
                            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS.mappedFeature())
                            .writerWithDefaultPrettyPrinter().writeValueAsString(a));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
                }
            }
            PrintWriter console = spec.commandLine().getOut();
            if (json) {
                output.print(console, a);
                return;
            }
            console.printf(Locale.ROOT, "%s at look %d of %d: %d treated, %d control%s%n", experiment, a.look(), a.planned(), a.treated(),
                    a.control(), a.missing() > 0 ? ", " + a.missing() + " without an outcome for " + metric : "");
            TextTable table = new TextTable(List.of("metric", "estimate", "welch_interval", "bootstrap_interval", "t"), false, true, false,
                    false, true);
            for (Effect e : a.effects()) {
                table.add(e.metric(), String.format(Locale.ROOT, "%.4g", e.estimate()), String.format(Locale.ROOT, "[%.4g, %.4g]",
                        e.welchLow(), e.welchHigh()), String.format(Locale.ROOT, "[%.4g, %.4g]", e.bootstrapLow(), e.bootstrapHigh()),
                        String.format(Locale.ROOT, "%.2f", e.statistic()));
            }
            table.print(console);
            console.println(a.describe());
            if (out != null) {
                console.println("wrote " + out);
            }
        }
    }
}
