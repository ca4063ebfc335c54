package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.QuantileTableForecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Analog forecasting: finds the {@code neighbours} moments of the series' own past whose last
 * {@code context} steps look most like its last ones (Euclidean distance), and takes what followed
 * each of them, shifted so that it starts from today's last value, as one possible future. The
 * quantiles at each step are those of these futures. Nothing is assumed about the shape of the
 * demand: a batch job that is idle or running, a job that stops after a typical run length, a ramp
 * that usually falls back, get the distribution their own history shows, two modes where there are
 * two. Quantities that cannot be negative are floored at zero. A history too short for
 * {@link #MIN_ANALOGS} analogs of the horizon asked gets the naive forecast (the last value, with
 * bands from its one-step changes).
 */
public final class AnalogForecaster implements Forecaster {

    /** Fewer past moments than this with a whole future of the horizon asked: the naive forecast instead. */
    static final int MIN_ANALOGS = 10;

    /** The most recent steps kept to search (128 KB per series), eight weeks at 5 minutes. */
    static final int MAX_PAST = 16_384;

    /** Levels the forecast is tabulated at: 0.01, 0.02, ..., 0.99. */
    static final double[] LEVELS = EnsembleForecaster.LEVELS;

    private final int context;
    private final int neighbours;

    /**
     * @param context    steps of the recent past compared
     * @param neighbours past moments whose futures make the forecast
     */
    public AnalogForecaster(int context, int neighbours) {
        if (context < 1 || neighbours < 1) {
            throw new IllegalArgumentException("need a positive context and number of neighbours");
        }
        this.context = context;
        this.neighbours = neighbours;
    }

    /**
     * The registered {@code analog}: the last 12 steps (an hour at 5 minutes, half a day at an hour)
     * against every earlier moment, and the futures of the 100 closest.
     */
    public static AnalogForecaster defaults() {
        return new AnalogForecaster(12, 100);
    }

    @Override
    public String name() {
        return "analog";
    }

    @Override
    public FittedModel fit(History history) {
        if (history.length() < 1) {
            throw new IllegalArgumentException("analog needs at least one step of history");
        }
        double[] y = Imputation.lastValue(history.target());
        double[] past = Arrays.copyOfRange(y, Math.max(0, y.length - MAX_PAST), y.length);
        return new Fitted(history.grid(), past, context, neighbours, history.nonNegative(),
                (NaiveForecaster.Fitted) new NaiveForecaster().fit(history));
    }

    /** The searchable past and how to search it; the naive fit for horizons it has no analogs for. */
    record Fitted(TimeGrid history, double[] past, int context, int neighbours, boolean nonNegative, NaiveForecaster.Fitted naive)
            implements FittedModel {

        @Override
        public Forecast forecast(int steps, Map<String, double[]> futureCovariates) {
            int n = past.length;
            int m = Math.min(context, n);
            // origins o: the m steps before o are compared with the last m, the `steps` after o are its future
            int first = m;
            int last = n - steps;
            if (last - first + 1 < MIN_ANALOGS) {
                return naive.forecast(steps, "analog", nonNegative);
            }
            int[] chosen = closest(first, last, m);
            double today = past[n - 1];
            double[][] futures = new double[steps][chosen.length];
            for (int j = 0; j < chosen.length; j++) {
                int o = chosen[j];
                double shift = today - past[o - 1];
                for (int h = 0; h < steps; h++) {
                    double v = past[o + h] + shift;
                    futures[h][j] = nonNegative ? Math.max(0, v) : v;
                }
            }
            double[][] values = new double[steps][];
            double[] mean = new double[steps];
            for (int h = 0; h < steps; h++) {
                double[] f = futures[h];
                Arrays.sort(f);
                values[h] = quantiles(f);
                double sum = 0;
                for (double v : f) {
                    sum += v;
                }
                mean[h] = sum / f.length;
            }
            return new QuantileTableForecast(Horizons.after(history, steps), "analog", LEVELS, values, mean,
                    QuantileTableForecast.DEFAULT_PATH_CORRELATION);
        }

        /** The origins in [first, last] whose m steps before are closest to the last m; ties to the more recent. */
        private int[] closest(int first, int last, int m) {
            int n = past.length;
            int count = last - first + 1;
            double[] distance = new double[count];
            for (int o = first; o <= last; o++) {
                double d = 0;
                for (int i = 1; i <= m; i++) {
                    double diff = past[o - i] - past[n - i];
                    d += diff * diff;
                }
                distance[o - first] = d;
            }
            int k = Math.min(neighbours, count);
            double threshold = smallest(distance.clone(), k - 1);
            int below = 0;
            for (double d : distance) {
                if (d < threshold) {
                    below++;
                }
            }
            int tiesWanted = k - below;
            int[] chosen = new int[k];
            int j = 0;
            for (int o = last; o >= first; o--) {
                double d = distance[o - first];
                if (d < threshold || (d == threshold && tiesWanted-- > 0)) {
                    chosen[j++] = o;
                }
            }
            return chosen;
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("context", context);
            p.put("neighbours", neighbours);
            p.put("searched_steps", past.length);
            return p;
        }
    }

    /**
     * The {@code k}-th smallest of the values (0: the smallest), found by selection (Hoare's
     * partitioning, which also splits runs of equal values evenly), in linear time on average where a
     * sort of the 8,000 distances of a month at 5 minutes cost more than the rest of the forecast.
     * Reorders {@code values}.
     */
    static double smallest(double[] values, int k) {
        int lo = 0;
        int hi = values.length - 1;
        while (lo < hi) {
            double pivot = values[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i++] = values[j];
                    values[j--] = swap;
                }
            }
            // values[lo..j] <= pivot <= values[i..hi], and those between are the pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }

    /** Empirical quantiles of sorted values at {@link #LEVELS}, linear between order statistics. */
    static double[] quantiles(double[] sorted) {
        double[] out = new double[LEVELS.length];
        int last = sorted.length - 1;
        for (int k = 0; k < LEVELS.length; k++) {
            double pos = LEVELS[k] * last;
            int lo = (int) Math.floor(pos);
            int hi = Math.min(lo + 1, last);
            out[k] = sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
        }
        return out;
    }
}
