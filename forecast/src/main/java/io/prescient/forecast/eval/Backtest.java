package io.prescient.forecast.eval;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.Quantiles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs one forecaster over a panel on a protocol task: for every series and window, fits on
 * everything before the window (missing values included) and forecasts the window. Parallel over
 * series; results come back in series order, so sums and files are the same on every run. A series'
 * covariates (application metadata beside it) are in its history, and their unknown future over a
 * window is the stand-in the planning loop serves with ({@link History#covariatesAhead}).
 */
public final class Backtest {

    /** Each series' covariates on its grid, by name (none by default). */
    @FunctionalInterface
    public interface Covariates {

        Map<String, double[]> of(RegularSeries series);

        Covariates NONE = s -> Map.of();
    }

    private final ForecastTask task;
    private final int threads;
    private final Covariates covariates;
    private final boolean futureKnown;

    public Backtest(ForecastTask task, int threads) {
        this(task, threads, Covariates.NONE);
    }

    public Backtest(ForecastTask task, int threads, Covariates covariates) {
        this(task, threads, covariates, false);
    }

    /**
     * @param futureKnown whether each window is forecast with the covariates' actual values over it
     *                    (covariates known ahead, such as scheduled traffic) instead of their own forecasts
     */
    public Backtest(ForecastTask task, int threads, Covariates covariates, boolean futureKnown) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.task = task;
        this.threads = threads;
        this.covariates = covariates;
        this.futureKnown = futureKnown;
    }

    private History full(RegularSeries s) {
        return new History(s.grid(), s.values(), covariates.of(s), s.info().unit().nonNegative());
    }

    /** The forecast of one window of one series, with the actual values. */
    public record WindowForecast(String item, String variate, int window, int start, double[] actual,
                                 double[][] deciles, double[] mean, double seasonalError) {
    }

    /**
     * The result of one series.
     *
     * @param fitNanos thread CPU time spent fitting and forecasting, all windows together
     */
    public record SeriesResult(String item, String variate, List<WindowForecast> windows, Scores scores,
                               List<String> fallbacks, long fitNanos) {
    }

    /** The whole run. */
    public record Result(ForecastTask task, String model, int windows, List<SeriesResult> series, Scores scores,
                         Duration elapsed) {

        /** Several runs of one task and model (e.g. one per variate) pooled into one. */
        public static Result pooled(List<Result> parts) {
            Scores scores = new Scores();
            List<SeriesResult> series = new ArrayList<>();
            Duration elapsed = Duration.ZERO;
            for (Result r : parts) {
                scores.plus(r.scores());
                series.addAll(r.series());
                elapsed = elapsed.plus(r.elapsed());
            }
            Result first = parts.get(0);
            return new Result(first.task(), first.model(), first.windows(), series, scores, elapsed);
        }
    }

    /**
     * Trains a global model once on every series' history before the earliest test window (the same
     * origin for all, as the grid is common); other models come back unchanged.
     */
    public Forecaster prepare(Forecaster forecaster, List<Panel> panels) {
        return forecaster.needsTraining() ? forecaster.train(headsBefore(panels, 0)) : forecaster;
    }

    /** Every series' history before test window {@code window} (0 = earliest), panel after panel. */
    public List<History> headsBefore(List<Panel> panels, int window) {
        List<History> histories = new ArrayList<>();
        for (Panel panel : panels) {
            int length = panel.grid().length();
            int start = task.windowStart(length, task.windows(length), window);
            for (RegularSeries s : panel.series()) {
                histories.add(full(s).head(start));
            }
        }
        return histories;
    }

    /**
     * Runs the backtest.
     *
     * @param variateOf names the variate of a series (e.g. its metric)
     * @param progress  told the number of series done
     */
    public Result run(Panel panel, Forecaster forecaster, java.util.function.Function<RegularSeries, String> variateOf,
                      IntConsumer progress) {
        long started = System.nanoTime();
        int length = panel.grid().length();
        int windows = task.windows(length);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "prescient-backtest");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<SeriesResult>> futures = new ArrayList<>();
            for (RegularSeries s : panel.series()) {
                futures.add(pool.submit(() -> {
                    SeriesResult r = runSeries(s, variateOf.apply(s), forecaster, windows);
                    progress.accept(done.incrementAndGet());
                    return r;
                }));
            }
            List<SeriesResult> results = new ArrayList<>();
            Scores total = new Scores();
            for (Future<SeriesResult> f : futures) {
                SeriesResult r = f.get();
                results.add(r);
                total.plus(r.scores());
            }
            return new Result(task, forecaster.name(), windows, results, total,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("backtest interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private SeriesResult runSeries(RegularSeries series, String variate, Forecaster forecaster, int windows) {
        double[] values = series.values();
        TimeGrid grid = series.grid();
        History full = full(series);
        Scores scores = new Scores();
        List<WindowForecast> out = new ArrayList<>(windows);
        List<String> fallbacks = new ArrayList<>();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long fitNanos = 0;
        for (int k = 0; k < windows; k++) {
            int start = task.windowStart(values.length, windows, k);
            History history = full.head(start);
            long before = cpu.getCurrentThreadCpuTime();
            Forecast forecast = forecastWithFallback(forecaster, history, future(full, start), series, k, fallbacks);
            fitNanos += cpu.getCurrentThreadCpuTime() - before;
            double[][] deciles = new double[task.horizon()][];
            double[][] byLevel = new double[Quantiles.DECILES.length][];
            for (int j = 0; j < byLevel.length; j++) {
                byLevel[j] = forecast.quantile(Quantiles.DECILES[j]);
            }
            double s = Scores.seasonalError(values, start, task.season());
            double[] actual = java.util.Arrays.copyOfRange(values, start, start + task.horizon());
            for (int h = 0; h < task.horizon(); h++) {
                deciles[h] = new double[byLevel.length];
                for (int j = 0; j < byLevel.length; j++) {
                    deciles[h][j] = byLevel[j][h];
                }
                scores.add(actual[h], deciles[h], s);
            }
            out.add(new WindowForecast(series.key().item(), variate, k, start, actual, deciles, forecast.mean(), s));
        }
        return new SeriesResult(series.key().item(), variate, out, scores, fallbacks, fitNanos);
    }

    /**
     * The covariates' actual values over the window from {@code start} when they are known ahead (where
     * one is missing, its own forecast stands in), else null (their own forecasts).
     */
    private Map<String, double[]> future(History full, int start) {
        if (!futureKnown) {
            return null;
        }
        Map<String, double[]> out = new java.util.TreeMap<>();
        full.covariates().forEach((name, values) -> out.put(name, java.util.Arrays.copyOfRange(values, start, start + task.horizon())));
        return out;
    }

    /**
     * Fits and forecasts; if the model throws, falls back to the seasonal naive baseline and
     * records why, as a bulk forecaster must (one bad series does not stop a fleet).
     */
    private Forecast forecastWithFallback(Forecaster forecaster, History history, Map<String, double[]> future, RegularSeries series,
                                          int window, List<String> fallbacks) {
        try {
            FittedModel fitted = forecaster.fit(history);
            Map<String, double[]> own = history.covariatesAhead(task.horizon(), task.season());
            Map<String, double[]> ahead = own;
            if (future != null) {
                future.forEach((name, known) -> {
                    double[] forecast = own.get(name);
                    for (int h = 0; h < known.length; h++) {
                        known[h] = Double.isNaN(known[h]) ? forecast[h] : known[h];
                    }
                });
                ahead = future;
            }
            return fitted.forecast(task.horizon(), ahead);
        } catch (RuntimeException e) {
            fallbacks.add(series.key() + " window " + window + ": " + forecaster.name() + " failed ("
                    + e.getMessage() + "), used seasonal-naive");
            return new io.prescient.forecast.model.SeasonalNaiveForecaster(task.season()).fit(history)
                    .forecast(task.horizon());
        }
    }
}
