package io.prescient.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A forecasting model's settings. Immutable and thread-safe: fitting returns a new
 * {@link FittedModel} and never changes the forecaster, so one instance serves every series.
 */
public interface Forecaster {

    /** The model's name as the CLI and registry call it, e.g. {@code seasonal-naive}. */
    String name();

    /**
     * Fits the model to a history.
     *
     * @throws IllegalArgumentException if the history is too short or unusable for this model
     */
    FittedModel fit(History history);

    /**
     * Fits and forecasts many series at once: the i-th forecast is the i-th history's, with the i-th
     * map of known future covariates. Models that can run one pass over a batch (neural networks)
     * override this; the default fits and forecasts one series after the other.
     */
    default List<Forecast> forecastAll(List<History> histories, int horizon, List<Map<String, double[]>> futureCovariates) {
        if (futureCovariates.size() != histories.size()) {
            throw new IllegalArgumentException(histories.size() + " histories but " + futureCovariates.size()
                    + " sets of future covariates");
        }
        List<Forecast> out = new ArrayList<>(histories.size());
        for (int i = 0; i < histories.size(); i++) {
            out.add(fit(histories.get(i)).forecast(horizon, futureCovariates.get(i)));
        }
        return out;
    }
}
