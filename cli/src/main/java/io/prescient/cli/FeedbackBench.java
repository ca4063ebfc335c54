package io.prescient.cli;

import io.prescient.feedback.study.WorldBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code prescient bench feedback}: feedback-aware forecasting on organisations' own histories, measured on simulated
 * worlds exported with only their observable columns (and, for comparison, with the latent ones), through the same
 * reader, fit and forecast as {@code feedback forecast --history}; with {@code --random}, random worlds through the
 * whole pipeline, counting exceptions.
 */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = {"Accuracy of feedback-aware forecasting on histories with only the observable columns (date, demand, "
                + "capacity, launches, delays): per simulated world, the 30-day MAPE of the naive and feedback-aware forecasts "
                + "(and of the feedback-aware one given the latent columns too), the p10-p90 coverage, and whether the estimated "
                + "capacity policy's 95%% intervals cover the truth. --random N runs N random worlds through the whole pipeline "
                + "and counts exceptions."})
public final class FeedbackBench implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    OutputOption output;

    @Option(names = "--worlds", defaultValue = "20", description = "Worlds simulated (default: ${DEFAULT-VALUE}).")
    int worlds;

    @Option(names = "--strength", defaultValue = "0.5", description = "Feedback strength, 0.1 to 0.8 (default: ${DEFAULT-VALUE}).")
    double strength;

    @Option(names = "--outages", defaultValue = "0", description = "Daily probability of a capacity outage (25%% held back for 5 days) "
            + "(default: ${DEFAULT-VALUE}).")
    double outages;

    @Option(names = "--varied-policies", description = "Give each world its own capacity policy (target 0.65-0.85, aggressiveness 0.15-0.6).")
    boolean varied;

    @Option(names = "--at", defaultValue = "300", description = "Forecast origin, in days of history (default: ${DEFAULT-VALUE}).")
    int at;

    @Option(names = "--paths", defaultValue = "400", description = "Simulated futures per forecast (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--random", defaultValue = "0", description = "Instead: this many random worlds through the pipeline (default: ${DEFAULT-VALUE}).")
    int random;

    @Override
    public Integer call() {
        boolean json = output.json();
        PrintWriter out = spec.commandLine().getOut();
        Path scratch;
        try {
            scratch = Files.createTempDirectory("prescient-feedback-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (random > 0) {
            WorldBenchmark.Robustness r = WorldBenchmark.robustness(random, 1, scratch);
            if (json) {
                output.print(out, r);
            } else {
                out.printf(Locale.ROOT, "%d random worlds: %d through read, fit, forecast, equilibrium, stability and a what-if; %d "
                        + "failed (%.0f s)%n", r.worlds(), r.passed(), r.failures().size(), r.seconds());
                r.failures().forEach(f -> out.println("  " + f));
            }
            return r.failures().isEmpty() ? 0 : 1;
        }
        WorldBenchmark.Result r = new WorldBenchmark(strength, at, 30, paths, outages, varied).run(worlds, scratch);
        if (json) {
            output.print(out, r);
            return 0;
        }
        TextTable table = new TextTable(java.util.List.of("world", "naive_mape", "aware_mape", "latent_mape", "p10_p90", "target",
                "aggressiveness", "covered"), false, true, true, true, true, false, false, false);
        for (WorldBenchmark.World w : r.worlds()) {
            table.add(w.seed(), pct(w.naiveMape()), pct(w.awareMape()), pct(w.latentMape()), String.format(Locale.ROOT, "%.2f",
                    w.coverage()), String.format(Locale.ROOT, "%.3f (true %.3f)", w.targetValue(), w.trueTarget()),
                    String.format(Locale.ROOT, "%.3f (true %.3f)", w.aggressivenessValue(), w.trueAggressiveness()),
                    w.policyCovered() ? "yes" : "NO");
        }
        table.print(out);
        out.printf(Locale.ROOT, "strength %.2f, outages %.3f a day%s: MAPE naive %s, feedback-aware %s (%.1f%% below naive), with the "
                        + "latent columns %s (observable / latent %.2f); p10-p90 coverage %.3f (latent %.3f); policy covered by its 95%% "
                        + "intervals in %d of %d worlds (%.0f s)%n", strength, outages, varied ? ", varied policies" : "", pct(r.naiveMape()),
                pct(r.awareMape()), 100 * (1 - r.awareMape() / r.naiveMape()), pct(r.latentMape()), r.awareMape() / r.latentMape(),
                r.coverage(), r.latentCoverage(), r.policyCovered(), r.worlds().size(), r.seconds());
        return 0;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
