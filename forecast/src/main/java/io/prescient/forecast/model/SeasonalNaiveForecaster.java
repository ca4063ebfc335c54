package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.GaussianForecast;
import io.prescient.forecast.History;

import java.util.Arrays;
import java.util.Map;

/**
 * The value one season ago, with Gaussian bands as statsforecast computes them: sigma is the root
 * mean square of the one-season residuals of the last-value-imputed history, and grows with
 * sqrt(floor((h-1)/m)+1). With less than one season of history it falls back to the naive forecast.
 */
public final class SeasonalNaiveForecaster implements Forecaster {

    private final int season;

    /** @param season the season in steps, at least 1 */
    public SeasonalNaiveForecaster(int season) {
        if (season < 1) {
            throw new IllegalArgumentException("season must be at least 1 step, got " + season);
        }
        this.season = season;
    }

    @Override
    public String name() {
        return "seasonal-naive";
    }

    @Override
    public FittedModel fit(History history) {
        double[] y = Imputation.lastValue(history.target());
        if (y.length <= season) {
            return new NaiveForecaster().fit(history);
        }
        double sum = 0;
        for (int t = season; t < y.length; t++) {
            sum += (y[t] - y[t - season]) * (y[t] - y[t - season]);
        }
        double sigma = Math.sqrt(sum / (y.length - season));
        return new Fitted(history.grid(), Arrays.copyOfRange(y, y.length - season, y.length), sigma);
    }

    record Fitted(TimeGrid history, double[] lastSeason, double sigma) implements FittedModel {

        @Override
        public Forecast forecast(int horizon, Map<String, double[]> futureCovariates) {
            int m = lastSeason.length;
            double[] mean = new double[horizon];
            double[] sd = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                mean[h] = lastSeason[h % m];
                sd[h] = sigma * Math.sqrt(Math.floorDiv(h, m) + 1);
            }
            return new GaussianForecast(Horizons.after(history, horizon), "seasonal-naive", mean, sd, false);
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("season", lastSeason.length, "sigma", sigma);
        }
    }
}
