package io.prescient.cli;

import io.prescient.core.Panel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.Models;
import io.prescient.forecast.eval.Backtest;
import io.prescient.forecast.eval.ForecastTask;
import io.prescient.forecast.model.SelectionForecaster;
import io.prescient.plan.config.LoopConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code prescient bench inference}: how fast a model forecasts at a planning step. Trains it (if
 * global) as the backtest does, then forecasts every series from the last test window's origin,
 * one series at a time (latency per series) and all at once through the batched path (throughput).
 */
@Command(name = "inference", mixinStandardHelpOptions = true,
        description = {"Inference speed of a model on a dataset: latency per series (one at a time) and throughput "
                + "(all series in batches), after training as the backtest does. Also the trained model's size."})
public final class InferenceBench implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    PanelOptions input;

    @Mixin
    OutputOption output;

    @Option(names = "--term", defaultValue = "short", description = "short, medium or long (default: ${DEFAULT-VALUE}).")
    String term;

    @Option(names = "--model", defaultValue = LoopConfig.Defaults.MODEL, completionCandidates = Registered.ModelNames.class,
            description = "Model: one of ${COMPLETION-CANDIDATES}, a combination a+b (quantiles averaged) or a&b (distributions mixed), or a per-series choice a|b (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--single", defaultValue = "200", description = "Series timed one at a time (default: ${DEFAULT-VALUE}).")
    int single;

    @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds of the batched pass; the best is reported "
            + "(default: ${DEFAULT-VALUE}).")
    int rounds;

    private final CliEnvironment environment;

    public InferenceBench(CliEnvironment environment) {
        this.environment = environment;
    }

    /** What {@code --output json} prints: timings in milliseconds or seconds as named. */
    record Report(String task, String model, int series, int horizon, double trainSeconds, int singleSeries, double singleMedianMs,
                  double singleP95Ms, double batchedSeconds, double seriesPerSecond, double batchedMsPerSeries,
                  double repeatMsPerSeries, String modelSize) {
    }

    @Override
    public Integer call() {
        boolean json = output.json();
        input.resolve(environment, store.file());
        PrintWriter console = spec.commandLine().getOut();
        ForecastTask task = ForecastTask.of(input.freq(), term);
        Map<String, Panel> panels = input.load(environment, store.file(), task.stepSeconds());
        List<Panel> all = List.copyOf(panels.values());
        Backtest backtest = new Backtest(task, input.threads());
        long started = System.nanoTime();
        Forecaster forecaster = backtest.prepare(Models.create(model, task.stepSeconds(), task.season(), task.horizon()), all);
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        int last = task.windows(all.get(0).grid().length()) - 1;
        List<History> histories = backtest.headsBefore(all, last);
        List<Map<String, double[]>> noCovariates = Collections.nCopies(histories.size(), Map.of());
        int h = task.horizon();

        // each timing on the trained model as it was before it saw these series: a per-series choice
        // remembers its validation by series, and a second pass would time that memory
        fresh(forecaster).forecastAll(histories.subList(0, Math.min(histories.size(), 32)), h, noCovariates.subList(0,
                Math.min(histories.size(), 32)));
        int n = Math.min(single, histories.size());
        double[] latencies = new double[n];
        Forecaster cold = fresh(forecaster);
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            cold.fit(histories.get(i)).forecast(h);
            latencies[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(latencies);
        double best = Double.POSITIVE_INFINITY;
        Forecaster timed = forecaster;
        for (int r = 0; r < rounds; r++) {
            timed = fresh(forecaster);
            long t = System.nanoTime();
            List<Forecast> forecasts = timed.forecastAll(histories, h, noCovariates);
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
            if (forecasts.size() != histories.size()) {
                throw new IllegalStateException("the batched path returned " + forecasts.size() + " forecasts for "
                        + histories.size() + " series");
            }
        }
        // the same model again on the same histories: what the rounds of a loop cost until its
        // validation windows move (a model that remembers nothing costs the same)
        long again = System.nanoTime();
        timed.forecastAll(histories, h, noCovariates);
        double repeatSeconds = (System.nanoTime() - again) / 1e9;
        Report report = new Report(task.name(), model, histories.size(), h, trainSeconds, n, latencies[n / 2],
                latencies[Math.min(n - 1, (int) Math.ceil(0.95 * n) - 1)], best, histories.size() / best,
                1000 * best / histories.size(), 1000 * repeatSeconds / histories.size(), size(forecaster));
        if (json) {
            output.print(console, report);
            return 0;
        }
        console.printf(Locale.ROOT, "%s  model %s  %d series  horizon %d  (one thread for single-series timing; the "
                + "network uses one intra-op thread)%n", report.task(), model, report.series(), h);
        if (trainSeconds > 1) {
            console.printf(Locale.ROOT, "training %.1f s%n", trainSeconds);
        }
        console.printf(Locale.ROOT, "one series at a time: median %.2f ms, p95 %.2f ms per series (%d series)%n",
                report.singleMedianMs(), report.singleP95Ms(), n);
        console.printf(Locale.ROOT, "all series, batched: %.2f s, %.0f series/s, %.3f ms per series%n", best,
                report.seriesPerSecond(), report.batchedMsPerSeries());
        console.printf(Locale.ROOT, "the same series again (a loop's next round before its validation windows move): %.3f ms per series%n",
                report.repeatMsPerSeries());
        console.printf(Locale.ROOT, "trained model size: %s%n", report.modelSize());
        return 0;
    }

    /** The model without what it remembers of series it forecast: a per-series choice's validation losses. */
    private static Forecaster fresh(Forecaster forecaster) {
        return forecaster instanceof SelectionForecaster choice ? choice.forgetting() : forecaster;
    }

    private static String size(Forecaster forecaster) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(forecaster);
        } catch (NotSerializableException e) {
            return "n/a (" + forecaster.name() + " is refitted per series; nothing is shared)";
        } catch (IOException e) {
            return "n/a (" + e.getMessage() + ")";
        }
        return String.format(Locale.ROOT, "%.1f KB serialised", bytes.size() / 1024.0);
    }
}
