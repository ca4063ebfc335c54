package io.prescient.server.state;

import io.prescient.forecast.Forecast;

import java.util.List;

/**
 * A forecast as the dashboard draws it: the times of its steps and its quantiles at {@link #LEVELS}.
 *
 * @param times     epoch seconds of each forecast step
 * @param quantiles {@code quantiles[i][h]}: level {@code LEVELS.get(i)} at step {@code h}
 * @param model     the model that made it
 */
public record ForecastBands(long[] times, double[][] quantiles, String model) {

    /** The levels kept: p10 to p99. */
    public static final List<Double> LEVELS = List.of(0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99);

    public static ForecastBands of(Forecast f) {
        long[] times = new long[f.horizon()];
        for (int h = 0; h < times.length; h++) {
            times[h] = f.grid().timeAt(h);
        }
        double[][] q = new double[LEVELS.size()][];
        for (int i = 0; i < q.length; i++) {
            q[i] = f.quantile(LEVELS.get(i));
        }
        return new ForecastBands(times, q, f.model());
    }

    public double[] level(double p) {
        int i = LEVELS.indexOf(p);
        if (i < 0) {
            throw new IllegalArgumentException("level " + p + " is not kept; kept: " + LEVELS);
        }
        return quantiles[i];
    }
}
