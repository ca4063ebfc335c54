package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.MarginalForecast;
import io.prescient.forecast.QuantileTableForecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recent peaks with their own errors as the band, for provisioning bursty demand a short lead ahead:
 * each candidate point forecast is the maximum of the last w steps (w in {@code windows}); for each
 * horizon step h its band is the empirical distribution of how far demand h steps later stood from
 * that peak over the last {@code errorWindow} origins (each error out of sample when made: split
 * conformal, so a p-quantile covers about a share p of steps per series); per horizon step the
 * candidate whose quantiles have the lowest pinball loss over those errors, summed over the levels,
 * gives the step's quantiles. Tail levels up to
 * 0.999 come from the errors themselves, not from a fitted shape. This is the provisioning replay's
 * predictive policy as a model the loop serves ({@code model: peak}).
 */
public final class PeakForecaster implements Forecaster {

    /** Levels of the forecast: the deciles and the provisioning tails. */
    static final double[] LEVELS = {0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995, 0.998, 0.999};

    private final int[] windows;
    private final int errorWindow;

    /** @throws IllegalArgumentException without a window, for a window below 1, or an error window below 10 */
    public PeakForecaster(int[] windows, int errorWindow) {
        if (windows.length == 0 || Arrays.stream(windows).anyMatch(w -> w < 1) || errorWindow < 10) {
            throw new IllegalArgumentException("peak windows of at least 1 step and an error window of at least 10 are needed");
        }
        this.windows = windows.clone();
        this.errorWindow = errorWindow;
    }

    /** Peaks of the last 1, 3, 12, 36 and 72 steps; errors of the last week of {@code stepsPerDay}. */
    public static PeakForecaster defaults(int stepsPerDay) {
        return new PeakForecaster(new int[] {1, 3, 12, 36, 72}, Math.max(10, 7 * stepsPerDay));
    }

    @Override
    public String name() {
        return "peak";
    }

    @Override
    public FittedModel fit(History history) {
        if (history.length() < 2) {
            throw new IllegalArgumentException("peak needs at least two steps of history");
        }
        double[] y = Imputation.lastValue(history.target());
        return new Fitted(history.grid(), y.clone(), windows.clone(), errorWindow, history.nonNegative());
    }

    record Fitted(TimeGrid history, double[] y, int[] windows, int errorWindow, boolean nonNegative) implements FittedModel {

        @Override
        public Forecast forecast(int horizon, Map<String, double[]> futureCovariates) {
            int n = y.length;
            int origin = n - 1;
            int earliest = Math.max(0, origin - horizon - errorWindow);
            double[][] peaks = new double[windows.length][];
            for (int c = 0; c < windows.length; c++) {
                peaks[c] = trailingMax(y, windows[c], earliest);
            }
            double[][] values = new double[horizon][LEVELS.length];
            double[] mean = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                // origins whose error at h is known (o + h <= origin); a history shorter than h scores its first origin against its last value
                int last = Math.max(earliest, origin - h);
                int first = Math.max(earliest, last - errorWindow + 1);
                double[][] sorted = new double[windows.length][];
                for (int c = 0; c < windows.length; c++) {
                    double[] e = new double[last - first + 1];
                    for (int o = first; o <= last; o++) {
                        e[o - first] = y[Math.min(origin, o + h)] - peaks[c][o - earliest];
                    }
                    Arrays.sort(e);
                    sorted[c] = e;
                }
                // one candidate per step, the one whose quantiles score best over all levels (a CRPS), so the
                // step's quantiles are one distribution
                int chosen = 0;
                double best = Double.POSITIVE_INFINITY;
                for (int c = 0; c < windows.length; c++) {
                    double loss = 0;
                    for (double level : LEVELS) {
                        loss += pinball(sorted[c], quantile(sorted[c], level), level);
                    }
                    if (loss < best) {
                        best = loss;
                        chosen = c;
                    }
                }
                for (int k = 0; k < LEVELS.length; k++) {
                    double value = peaks[chosen][origin - earliest] + quantile(sorted[chosen], LEVELS[k]);
                    value = nonNegative ? Math.max(0, value) : value;
                    values[h - 1][k] = k > 0 ? Math.max(value, values[h - 1][k - 1]) : value;
                }
                mean[h - 1] = values[h - 1][Arrays.binarySearch(LEVELS, 0.5)];
            }
            return new QuantileTableForecast(Horizons.after(history, horizon), "peak", LEVELS, values, mean,
                    MarginalForecast.DEFAULT_PATH_CORRELATION);
        }

        /** The maximum of the last {@code w} values at each step from {@code from} on (index 0 = step {@code from}). */
        private static double[] trailingMax(double[] y, int w, int from) {
            double[] out = new double[y.length - from];
            for (int t = from; t < y.length; t++) {
                double m = Double.NEGATIVE_INFINITY;
                for (int s = Math.max(0, t - w + 1); s <= t; s++) {
                    m = Math.max(m, y[s]);
                }
                out[t - from] = m;
            }
            return out;
        }

        /** The empirical p-quantile of sorted values (the smallest with a share p at or below it). */
        private static double quantile(double[] sorted, double p) {
            return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))];
        }

        /** Mean pinball loss at level p of the errors against the quantile q. */
        private static double pinball(double[] errors, double q, double p) {
            double sum = 0;
            for (double e : errors) {
                sum += e >= q ? p * (e - q) : (1 - p) * (q - e);
            }
            return sum / errors.length;
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("windows", Arrays.stream(windows).boxed().toList());
            p.put("error_window", errorWindow);
            return p;
        }
    }
}
