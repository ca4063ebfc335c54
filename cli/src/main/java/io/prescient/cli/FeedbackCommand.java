package io.prescient.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.prescient.feedback.behaviour.DelayModel;
import io.prescient.feedback.world.HistoryRow;
import io.prescient.feedback.world.Launch;
import io.prescient.feedback.world.LaunchDecision;
import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code prescient feedback}: feedback-aware planning (in progress: the world simulator and the delay model). */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Feedback-aware planning: simulate a world where capacity pressure changes behaviour, and fit "
                + "behaviour models to its history.",
        subcommands = {FeedbackCommand.Simulate.class})
public final class FeedbackCommand {

    /** {@code prescient feedback simulate}. */
    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = {"Simulates a world (daily GPU-hours with trend, weekly season and market shocks, a launch calendar, "
                    + "teams delaying launches and pushing efficiency work under utilisation pressure, a reactive "
                    + "infrastructure team) and writes <out>/history.csv, launches.csv, decisions.csv and "
                    + "parameters.json (the true parameters); then fits the launch-delay model to decisions.csv and "
                    + "prints it against the truth."})
    public static final class Simulate implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--strength", defaultValue = "0.5", description = "Feedback strength, 0.1 to 0.8 (default: ${DEFAULT-VALUE}).")
        double strength;

        @Option(names = "--days", defaultValue = "365", description = "Days to simulate (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--start", defaultValue = "2026-01-01", description = "First day (default: ${DEFAULT-VALUE}).")
        LocalDate start;

        @Option(names = "--out", required = true, description = "Output directory.")
        Path out;

        @Override
        public void run() {
            PrintWriter console = spec.commandLine().getOut();
            WorldParameters d = WorldParameters.defaults(strength, seed);
            WorldParameters p = new WorldParameters(days, d.baseLevel(), d.trendPerDay(), d.weeklyAmplitude(), d.volatility(),
                    d.launchesPerWeek(), d.launchSize(), d.warning(), d.emergency(), d.feedbackStrength(), d.delayIntercept(),
                    d.delayPressure(), d.delayRiskAversion(), d.delayComplexity(), d.delayDays(), d.maxEfficiency(),
                    d.efficiencyRate(), d.learningDays(), d.targetUtilisation(), d.infraLookback(), d.infraAggressiveness(),
                    d.infraLeadDays(), d.shockProbability(), d.shockDays(), seed);
            WorldSimulator.World world = new WorldSimulator(p).run(start);
            try {
                Files.createDirectories(out);
                List<String> history = new ArrayList<>(List.of(HistoryRow.HEADER));
                world.history().forEach(r -> history.add(r.csv()));
                Files.write(out.resolve("history.csv"), history);
                List<String> launches = new ArrayList<>(List.of("planned_date,size,complexity,risk_aversion"));
                for (Launch l : world.calendar()) {
                    launches.add(String.format(Locale.ROOT, "%s,%.3f,%.4f,%.4f", start.plusDays(l.day()), l.size(), l.complexity(),
                            l.riskAversion()));
                }
                Files.write(out.resolve("launches.csv"), launches);
                List<String> decisions = new ArrayList<>(List.of(LaunchDecision.HEADER));
                world.decisions().forEach(x -> decisions.add(x.csv()));
                Files.write(out.resolve("decisions.csv"), decisions);
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("parameters.json").toFile(), p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the simulated world into " + out + ": " + e.getMessage(), e);
            }
            long pressureDays = world.history().stream().filter(r -> r.utilizationPressure() > 0).count();
            double maxEfficiency = world.history().stream().mapToDouble(HistoryRow::efficiencyGains).max().orElse(0);
            console.printf(Locale.ROOT, "simulated %d days at feedback strength %.2f: %d launches planned, %d delay decisions, "
                            + "%d days under pressure, efficiency gains up to %.1f%%%n", days, strength, world.calendar().size(),
                    world.decisions().stream().filter(LaunchDecision::delayed).count(), pressureDays, 100 * maxEfficiency);
            console.printf(Locale.ROOT, "wrote %s, launches.csv, decisions.csv and parameters.json%n", out.resolve("history.csv"));
            try {
                DelayModel m = DelayModel.fit(world.decisions());
                console.println("launch-delay model fitted to decisions.csv (logit of P(delay)), against the truth:");
                console.printf(Locale.ROOT, "  %s   true %.4f%n", m.intercept(), p.delayIntercept());
                console.printf(Locale.ROOT, "  %s   true %.4f%n", m.pressure(), p.pressureEffect());
                console.printf(Locale.ROOT, "  %s   true %.4f%n", m.riskAversion(), p.delayRiskAversion());
                console.printf(Locale.ROOT, "  %s   true %.4f%n", m.complexity(), p.delayComplexity());
            } catch (IllegalArgumentException | IllegalStateException e) {
                console.println("launch-delay model not fitted: " + e.getMessage());
            }
        }
    }
}
