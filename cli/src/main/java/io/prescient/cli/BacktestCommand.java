package io.prescient.cli;

import io.prescient.core.Panel;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.Models;
import io.prescient.forecast.eval.Backtest;
import io.prescient.forecast.eval.ForecastTask;
import io.prescient.forecast.eval.ProtocolFiles;
import io.prescient.plan.config.LoopConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code prescient backtest}: the forecast protocol's rolling-origin evaluation. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Rolling-origin evaluation exactly as the forecast protocol defines it: one common grid, "
                + "W windows of H steps ending at the grid's end, pooled MASE, CRPS (weighted quantile loss), MAE "
                + "and 80%% coverage.",
                "Writes <out>/forecasts.csv (item_id,variate,window,step,q0.1..q0.9,mean) and <out>/metrics.json."})
public final class BacktestCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    PanelOptions input;

    @Option(names = "--term", defaultValue = "short", description = "short (48 steps), medium (480) or long (720) (default: ${DEFAULT-VALUE}).")
    String term;

    @picocli.CommandLine.Mixin
    PretrainedOption pretrained;
    @Option(names = "--horizon", description = "Override the term's horizon H.")
    Integer horizon;

    @Option(names = "--model", defaultValue = LoopConfig.Defaults.MODEL, completionCandidates = Registered.ModelNames.class,
            description = "Model: one of ${COMPLETION-CANDIDATES} (the default picks per series the ensemble or the mixture of ensemble, analog and recent; auto picks ensemble or ets), "
                    + "a quantile-averaged combination written a+b, e.g. lstm+ets+ensemble, a mixture written a&b, e.g. '2*ensemble&analog', "
                    + "where 2* weighs a member twice, or a per-series choice written a|b, e.g. 'ensemble|pretrained+ensemble' (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    CovariateOptions covariateOptions;

    @Option(names = "--known-future", description = "Forecast each window with the covariates' actual values over it "
            + "(covariates known ahead: scheduled load, a traffic plan) instead of their own forecasts.")
    boolean knownFuture;

    @Option(names = "--compare-without", description = "Also backtest the same model on the same series without the covariates, "
            + "and report the change (written under <out>/without-covariates).")
    boolean compareWithout;

    @Option(names = "--windows", description = "Exactly this many windows at the end of the grid (default: the protocol's formula).")
    Integer windows;

    @Option(names = "--before", paramLabel = "<duration>", description = "Cut the data this long before the last step of the "
            + "metrics forecast, e.g. 5d, a whole number of grid steps, as if it had stopped there: the windows, and all the models "
            + "see, end by then. A validation month for choosing models whose last days stay unseen.")
    String before;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @picocli.CommandLine.Mixin
    OutputOption output;

    private final CliEnvironment environment;

    public BacktestCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        boolean json = output.json();
        input.resolve(environment, store.file());
        // in JSON mode standard output carries the metrics (as metrics.json holds them); notes go to standard error
        PrintWriter console = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        ForecastTask task = ForecastTask.of(input.freq(), term);
        if (horizon != null) {
            task = task.withHorizon(horizon);
        }
        if (windows != null) {
            task = task.withWindows(windows);
        }
        Long beforeSeconds = before == null ? null : beforeSeconds(before);
        covariateOptions.addTo(input);
        Map<String, Panel> loaded = input.load(environment, store.file(), task.stepSeconds());
        Long cutAt = beforeSeconds == null ? null : cutTime(loaded, covariateOptions.names(), beforeSeconds);
        if (cutAt != null) {
            loaded = untilTime(loaded, cutAt);
            console.printf(Locale.ROOT, "data cut %s before its last step: at %s%n", before, java.time.Instant.ofEpochSecond(cutAt));
        }
        CovariateOptions.Split split = covariateOptions.split(loaded, input.source(), console);
        Map<String, Panel> panels = split.targets();
        List<String> covariates = covariateOptions.names();
        Backtest.Covariates ofSeries = covariates.isEmpty() ? Backtest.Covariates.NONE : split.covariates();
        Backtest.Result with = evaluate(console, task, panels, ofSeries);
        write(with, out, cutAt);
        report(console, with, out, covariates.isEmpty() ? "" : "  covariates " + String.join(",", covariates)
                + (knownFuture ? " (known future)" : " (forecast)"));
        Map<String, Object> doc = metrics(with, cutAt);
        if (compareWithout && !covariates.isEmpty()) {
            Backtest.Result without = evaluate(console, task, panels, Backtest.Covariates.NONE);
            Path dir = out.resolve("without-covariates");
            write(without, dir, cutAt);
            report(console, without, dir, "  without covariates, the same series");
            console.printf(Locale.ROOT, "CRPS with %s %.4f, without %.4f: %+.1f%%; MASE %.4f vs %.4f%n", String.join(",", covariates),
                    with.scores().crps(), without.scores().crps(), 100 * (with.scores().crps() / without.scores().crps() - 1),
                    with.scores().mase(), without.scores().mase());
            doc.put("without_covariates", ProtocolFiles.metrics(without, input.source()));
        }
        if (json) {
            output.print(spec.commandLine().getOut(), doc);
        }
        return 0;
    }

    /** The seconds of {@code --before}, read before any data. */
    private static long beforeSeconds(String before) {
        try {
            return io.prescient.core.Steps.parseSeconds(before);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--before " + before + ": not a positive duration like 12h, 5d or 300s");
        }
    }

    /**
     * {@code seconds} before the latest step of the metrics forecast (not of covariates, which may run later), a whole
     * number of steps, so that no step kept straddles the cut.
     */
    private long cutTime(Map<String, Panel> panels, List<String> covariates, long seconds) {
        long last = Long.MIN_VALUE;
        long first = Long.MAX_VALUE;
        for (Map.Entry<String, Panel> e : panels.entrySet()) {
            long step = e.getValue().grid().stepSeconds();
            if (seconds % step != 0) {
                throw new IllegalArgumentException("--before " + before + " is not a whole number of the grid's "
                        + io.prescient.core.Steps.format(step) + " steps");
            }
            first = Math.min(first, e.getValue().grid().start());
            if (!covariates.contains(e.getKey())) {
                last = Math.max(last, e.getValue().grid().last());
            }
        }
        if (seconds > last - first) {
            throw new IllegalArgumentException("--before " + before + " reaches before the data, which start at "
                    + java.time.Instant.ofEpochSecond(first) + " and end at " + java.time.Instant.ofEpochSecond(last));
        }
        return last - seconds;
    }

    private static Map<String, Panel> untilTime(Map<String, Panel> panels, long time) {
        Map<String, Panel> cut = new java.util.LinkedHashMap<>();
        panels.forEach((metric, panel) -> {
            try {
                cut.put(metric, panel.until(time));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--before: metric " + metric + ": " + e.getMessage());
            }
        });
        return cut;
    }

    /** The metrics as {@code metrics.json} holds them, with where the data were cut. */
    private Map<String, Object> metrics(Backtest.Result result, Long cutAt) {
        Map<String, Object> doc = new java.util.LinkedHashMap<>(ProtocolFiles.metrics(result, input.source()));
        if (cutAt != null) {
            doc.put("data_cut_at", java.time.Instant.ofEpochSecond(cutAt).toString());
        }
        return doc;
    }

    /** The model (trained first if it learns across series) backtested on every panel with these covariates. */
    private Backtest.Result evaluate(PrintWriter console, ForecastTask task, Map<String, Panel> panels, Backtest.Covariates ofSeries) {
        Backtest backtest = new Backtest(task, input.threads(), ofSeries, knownFuture);
        Forecaster forecaster;
        try (PretrainedOption.Scope models = pretrained.apply()) {
            forecaster = Models.create(model, task.stepSeconds(), task.season(), task.horizon());
        }
        if (ofSeries != Backtest.Covariates.NONE && !forecaster.readsCovariates()) {
            console.printf(Locale.ROOT, "note: model %s does not read covariates; %s are not used%n", model, covariateOptions.names());
        }
        if (forecaster.needsTraining()) {
            long started = System.nanoTime();
            console.printf(Locale.ROOT, "training %s on every series before the first window ...%n", model);
            console.flush();
            forecaster = backtest.prepare(forecaster, List.copyOf(panels.values()));
            console.printf(Locale.ROOT, "trained in %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
        int total = panels.values().stream().mapToInt(p -> p.series().size()).sum();
        List<Backtest.Result> parts = new ArrayList<>();
        AtomicInteger offset = new AtomicInteger();
        try (Progress progress = Progress.of("backtest " + task.name(), total, System.console() != null)) {
            for (Map.Entry<String, Panel> e : panels.entrySet()) {
                int base = offset.get();
                parts.add(backtest.run(e.getValue(), forecaster, s -> s.key().metric(), n -> progress.stepTo(base + n)));
                offset.addAndGet(e.getValue().series().size());
            }
        }
        return Backtest.Result.pooled(parts);
    }

    private void write(Backtest.Result result, Path out, Long cutAt) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        ProtocolFiles.writeForecasts(out.resolve("forecasts.csv"), List.of(result));
        ProtocolFiles.writeSeriesScores(out.resolve("series.csv"), result);
        ProtocolFiles.writeJson(out.resolve("metrics.json"), metrics(result, cutAt));
    }

    private void report(PrintWriter console, Backtest.Result r, Path out, String covariateNote) {
        console.printf(Locale.ROOT, "%s  model %s  series %d  windows %d x %d steps%s%n", r.task().name(), r.model(),
                r.series().size(), r.windows(), r.task().horizon(), covariateNote);
        console.printf(Locale.ROOT, "MASE %.4f  CRPS %.4f  MAE %.4f  coverage80 %.4f%n", r.scores().mase(),
                r.scores().crps(), r.scores().mae(), r.scores().coverage80());
        long fallbacks = r.series().stream().mapToLong(s -> s.fallbacks().size()).sum();
        if (fallbacks > 0) {
            console.printf(Locale.ROOT, "fallbacks to seasonal-naive: %d windows (see metrics.json)%n", fallbacks);
        }
        long fits = (long) r.series().size() * r.windows();
        double cpu = r.series().stream().mapToLong(Backtest.SeriesResult::fitNanos).sum() / 1e9;
        console.printf(Locale.ROOT, "fit+forecast CPU %.1f s, %.2f ms per series-window%n", cpu, fits == 0 ? 0 : 1000 * cpu / fits);
        console.printf(Locale.ROOT, "wall %.1f s; wrote %s and %s%n", r.elapsed().toMillis() / 1000.0,
                out.resolve("forecasts.csv"), out.resolve("metrics.json"));
    }
}
