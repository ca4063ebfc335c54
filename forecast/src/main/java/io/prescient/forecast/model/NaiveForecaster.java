package io.prescient.forecast.model;

import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.GaussianForecast;
import io.prescient.forecast.History;
import io.prescient.core.TimeGrid;

import java.util.Arrays;
import java.util.Map;

/**
 * The last value, with Gaussian bands as statsforecast (and the forecast protocol) computes them:
 * sigma is the root mean square of the one-step residuals of the last-value-imputed history, and
 * grows with sqrt(h).
 */
public final class NaiveForecaster implements Forecaster {

    @Override
    public String name() {
        return "naive";
    }

    @Override
    public FittedModel fit(History history) {
        if (history.length() < 1) {
            throw new IllegalArgumentException("naive needs at least one step of history");
        }
        double[] y = Imputation.lastValue(history.target());
        double sum = 0;
        for (int t = 1; t < y.length; t++) {
            sum += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
        }
        double sigma = y.length > 1 ? Math.sqrt(sum / (y.length - 1)) : 0;
        return new Fitted(history.grid(), y[y.length - 1], sigma);
    }

    record Fitted(TimeGrid history, double last, double sigma) implements FittedModel {

        @Override
        public Forecast forecast(int horizon, Map<String, double[]> futureCovariates) {
            return forecast(horizon, "naive", false);
        }

        /** The forecast under another model's name (a fallback), floored at zero if {@code clipAtZero}. */
        Forecast forecast(int horizon, String model, boolean clipAtZero) {
            double[] mean = new double[horizon];
            double[] sd = new double[horizon];
            Arrays.fill(mean, last);
            for (int h = 0; h < horizon; h++) {
                sd[h] = sigma * Math.sqrt(h + 1);
            }
            return new GaussianForecast(Horizons.after(history, horizon), model, mean, sd, clipAtZero);
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("last", last, "sigma", sigma);
        }
    }
}
