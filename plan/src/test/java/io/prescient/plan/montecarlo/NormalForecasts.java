package io.prescient.plan.montecarlo;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.MarginalForecast;
import io.prescient.forecast.QuantileTableForecast;

/** Forecasts with known normal marginals, for tests. */
public final class NormalForecasts {

    private NormalForecasts() {
    }

    public static Forecast of(TimeGrid grid, double[] mean, double sd) {
        return of(grid, mean, sd, 0.9);
    }

    /** Normal marginals whose sample paths have neighbouring-step score correlation {@code rho}. */
    public static Forecast of(TimeGrid grid, double[] mean, double sd, double rho) {
        double[] levels = new double[999];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = (k + 1) / 1000.0;
        }
        double[][] values = new double[grid.length()][levels.length];
        for (int h = 0; h < grid.length(); h++) {
            for (int k = 0; k < levels.length; k++) {
                values[h][k] = mean[h] + sd * MarginalForecast.normalQuantile(levels[k]);
            }
        }
        return new QuantileTableForecast(grid, "normal", levels, values, mean, rho);
    }

    public static Forecast constant(TimeGrid grid, double mean, double sd) {
        double[] m = new double[grid.length()];
        java.util.Arrays.fill(m, mean);
        return of(grid, m, sd);
    }
}
