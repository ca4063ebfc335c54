package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.QuantileTableForecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prescient's default classical engine. Per series, it scores a set of point rules (last value,
 * recent medians, seasonal profiles, level-shifted profiles, ...) and every equal-weight pair of them
 * on the last {@code validationWindows} windows of {@code horizon} steps <em>inside the history</em>,
 * keeps the combination with the smallest absolute error, and forms its quantiles empirically from
 * that combination's own errors on those windows (per horizon bucket), so that the bands have the
 * shape the series' errors really have: skewed, heavy-tailed, zero-width where the series is flat.
 * Quantiles are floored at zero for quantities that cannot be negative.
 */
public final class EnsembleForecaster implements Forecaster {

    /** Quantile levels kept from the validation errors: 0.01, 0.02, ..., 0.99. */
    static final double[] LEVELS = levels();

    private final List<PointRule> rules;
    private final int horizon;
    private final int validationWindows;
    private final int buckets;
    private final boolean pairs;

    /**
     * @param rules             the candidate rules
     * @param horizon           the horizon the combination is chosen for (the task's H)
     * @param validationWindows how many windows of {@code horizon} before the end of the history to score on
     * @param buckets           horizon buckets with their own error quantiles
     * @param pairs             whether equal-weight pairs of rules are candidates too
     */
    public EnsembleForecaster(List<PointRule> rules, int horizon, int validationWindows, int buckets, boolean pairs) {
        if (rules.isEmpty() || horizon < 1 || validationWindows < 1 || buckets < 1) {
            throw new IllegalArgumentException("need rules, and positive horizon, validation windows and buckets");
        }
        this.rules = List.copyOf(rules);
        this.horizon = horizon;
        this.validationWindows = validationWindows;
        this.buckets = Math.min(buckets, horizon);
        this.pairs = pairs;
    }

    /** The default rule set for a grid with {@code daily} steps per day ({@code Steps.season}; 1: no seasonal rules). */
    public static EnsembleForecaster defaults(int daily, int horizon) {
        List<PointRule> rules = new ArrayList<>(List.of(new PointRule.Last(), new PointRule.RecentMedian(3),
                new PointRule.RecentMedian(12)));
        if (daily > 1) {
            rules.add(new PointRule.SeasonalProfile(daily, 1));
            rules.add(new PointRule.SeasonalProfile(daily, 3));
            rules.add(new PointRule.SeasonalProfile(daily, 7));
            rules.add(new PointRule.LevelledProfile(daily, 7, Math.max(3, daily / 48), 0.98));
            rules.add(new PointRule.SeasonalProfile(7 * daily, 1));
        }
        // Many validation windows matter most at long horizons: with fewer, the choice follows the last
        // few days and the error quantiles come from too few points (measured on the Bitbrains month:
        // 5T/medium CRPS 0.503 with 3 windows, 0.403 with 12; recency weighting and more rules did worse).
        int windows = horizon >= 240 ? 12 : 10;
        return new EnsembleForecaster(rules, horizon, windows, horizon >= 240 ? 8 : 4, true);
    }

    @Override
    public String name() {
        return "ensemble";
    }

    @Override
    public FittedModel fit(History history) {
        double[] raw = history.target();
        double[] y = Imputation.lastValue(raw);
        int n = y.length;
        List<PointRule> usable = new ArrayList<>();
        for (PointRule r : rules) {
            if (r.warmup() + horizon <= n) {
                usable.add(r);
            }
        }
        if (usable.isEmpty()) {
            usable.add(new PointRule.Last());
        }
        int maxWarmup = usable.stream().mapToInt(PointRule::warmup).max().orElse(1);
        int windows = Math.max(0, Math.min(validationWindows, (n - maxWarmup) / horizon));
        if (windows == 0) {
            return new Fitted(history.grid(), tail(y, maxWarmup), List.of(usable.get(0)), n, flatTable(),
                    history.nonNegative(), horizon);
        }
        double[][][] forecasts = new double[usable.size()][windows][horizon];
        for (int c = 0; c < usable.size(); c++) {
            for (int j = 0; j < windows; j++) {
                usable.get(c).forecast(y, n - (j + 1) * horizon, horizon, forecasts[c][j]);
            }
        }
        int[] best = choose(forecasts, raw, n, windows);
        List<PointRule> chosen = new ArrayList<>();
        for (int c : best) {
            chosen.add(usable.get(c));
        }
        double[][] table = errorQuantiles(forecasts, best, raw, n, windows);
        return new Fitted(history.grid(), tail(y, maxWarmup), chosen, n, table, history.nonNegative(), horizon);
    }

    /** The rule, or pair of rules, with the smallest total absolute error over the validation windows. */
    private int[] choose(double[][][] f, double[] raw, int n, int windows) {
        int rulesCount = f.length;
        double bestError = Double.POSITIVE_INFINITY;
        int[] best = {0};
        for (int a = 0; a < rulesCount; a++) {
            for (int b = a; b < rulesCount; b++) {
                if (b != a && !pairs) {
                    continue;
                }
                double error = 0;
                for (int j = 0; j < windows; j++) {
                    int origin = n - (j + 1) * horizon;
                    for (int h = 0; h < horizon; h++) {
                        double actual = raw[origin + h];
                        if (!Double.isNaN(actual)) {
                            error += Math.abs(actual - 0.5 * (f[a][j][h] + f[b][j][h]));
                        }
                    }
                }
                if (error < bestError - 1e-12) {
                    bestError = error;
                    best = a == b ? new int[] {a} : new int[] {a, b};
                }
            }
        }
        return best;
    }

    private double[][] errorQuantiles(double[][][] f, int[] best, double[] raw, int n, int windows) {
        // the errors in primitive arrays, all of them and each bucket's apart: boxing them cost a quarter of the fit
        int[] count = new int[buckets];
        double[] errors = new double[windows * horizon];
        int[] bucketOfError = new int[errors.length];
        int total = 0;
        for (int j = 0; j < windows; j++) {
            int origin = n - (j + 1) * horizon;
            for (int h = 0; h < horizon; h++) {
                double actual = raw[origin + h];
                if (Double.isNaN(actual)) {
                    continue;
                }
                double point = 0;
                for (int c : best) {
                    point += f[c][j][h];
                }
                int b = bucketOf(h, horizon, buckets);
                errors[total] = actual - point / best.length;
                bucketOfError[total++] = b;
                count[b]++;
            }
        }
        double[][] perBucket = new double[buckets][];
        for (int b = 0; b < buckets; b++) {
            perBucket[b] = new double[count[b]];
        }
        int[] filled = new int[buckets];
        for (int i = 0; i < total; i++) {
            int b = bucketOfError[i];
            perBucket[b][filled[b]++] = errors[i];
        }
        double[][] table = new double[buckets][];
        double[] ofAll = null;
        for (int b = 0; b < buckets; b++) {
            double[] sample = perBucket[b];
            if (sample.length >= 20) {
                Arrays.sort(sample);
                table[b] = quantilesOfSorted(sample);
            } else {
                // a bucket with too few errors of its own takes those of all buckets, sorted once
                if (ofAll == null) {
                    double[] all = Arrays.copyOf(errors, total);
                    Arrays.sort(all);
                    ofAll = quantilesOfSorted(all);
                }
                table[b] = ofAll.clone();
            }
        }
        return table;
    }

    static int bucketOf(int h, int horizon, int buckets) {
        return Math.min(buckets - 1, (int) ((long) h * buckets / horizon));
    }

    private static double[] quantilesOfSorted(double[] sorted) {
        double[] q = new double[LEVELS.length];
        if (sorted.length == 0) {
            return q;
        }
        for (int k = 0; k < LEVELS.length; k++) {
            q[k] = io.prescient.core.SummaryStats.quantileOfSorted(sorted, LEVELS[k]);
        }
        return q;
    }

    private static double[][] flatTable() {
        return new double[][] {new double[LEVELS.length]};
    }

    private static double[] tail(double[] y, int length) {
        return Arrays.copyOfRange(y, Math.max(0, y.length - length), y.length);
    }

    private static double[] levels() {
        double[] l = new double[99];
        for (int k = 0; k < l.length; k++) {
            l[k] = (k + 1) / 100.0;
        }
        return l;
    }

    /** The chosen combination, the recent history it needs, and the error quantiles per bucket. */
    record Fitted(TimeGrid history, double[] recent, List<PointRule> chosen, int length, double[][] errorQuantiles,
                  boolean nonNegative, int horizon) implements FittedModel {

        @Override
        public Forecast forecast(int steps, Map<String, double[]> futureCovariates) {
            double[] point = new double[steps];
            double[] one = new double[steps];
            for (PointRule rule : chosen) {
                rule.forecast(recent, recent.length, steps, one);
                for (int h = 0; h < steps; h++) {
                    point[h] += one[h] / chosen.size();
                }
            }
            int buckets = errorQuantiles.length;
            double[][] values = new double[steps][LEVELS.length];
            double[] mean = new double[steps];
            for (int h = 0; h < steps; h++) {
                double[] errors = errorQuantiles[bucketOf(Math.min(h, horizon - 1), horizon, buckets)];
                double sum = 0;
                for (int k = 0; k < LEVELS.length; k++) {
                    double v = point[h] + errors[k];
                    values[h][k] = nonNegative ? Math.max(0, v) : v;
                    sum += values[h][k];
                }
                mean[h] = sum / LEVELS.length;
            }
            return new QuantileTableForecast(Horizons.after(history, steps), "ensemble", LEVELS, values, mean,
                    QuantileTableForecast.DEFAULT_PATH_CORRELATION);
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("rules", chosen.stream().map(PointRule::name).toList());
            p.put("horizon", horizon);
            p.put("buckets", errorQuantiles.length);
            return p;
        }
    }
}
