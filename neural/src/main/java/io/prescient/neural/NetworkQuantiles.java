package io.prescient.neural;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.MarginalForecast;
import io.prescient.forecast.QuantileTableForecast;

import java.util.Arrays;

/** A network's quantiles of one series as a forecast: non-crossing, non-negative where the series is. */
public final class NetworkQuantiles {

    private NetworkQuantiles() {
    }

    /**
     * @param q       [step][level] quantiles, at least {@code horizon} steps
     * @param history the grid of the series forecast (the forecast starts at its end)
     */
    public static Forecast forecast(String model, TimeGrid history, double[] levels, double[][] q, int horizon,
                                    boolean nonNegative) {
        double[][] values = new double[horizon][];
        double[] mean = new double[horizon];
        int median = Arrays.binarySearch(levels, 0.5);
        for (int h = 0; h < horizon; h++) {
            values[h] = q[h].clone();
            for (int k = 0; k < values[h].length; k++) {
                values[h][k] = nonNegative ? Math.max(0, values[h][k]) : values[h][k];
                if (k > 0) {
                    values[h][k] = Math.max(values[h][k], values[h][k - 1]);
                }
            }
            mean[h] = median >= 0 ? values[h][median] : values[h][values[h].length / 2];
        }
        return new QuantileTableForecast(new TimeGrid(history.end(), history.stepSeconds(), horizon), model, levels,
                values, mean, MarginalForecast.DEFAULT_PATH_CORRELATION);
    }
}
