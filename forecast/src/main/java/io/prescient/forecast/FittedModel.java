package io.prescient.forecast;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A model fitted to one history: immutable and serializable, so that it can be stored in the
 * registry and used later without refitting.
 */
public interface FittedModel extends Serializable {

    /**
     * Forecasts the {@code horizon} steps after the history.
     *
     * @param futureCovariates known future values of covariates, {@code horizon} long each; models that
     *                         use covariates say which they need, others ignore them
     */
    Forecast forecast(int horizon, Map<String, double[]> futureCovariates);

    default Forecast forecast(int horizon) {
        return forecast(horizon, Map.of());
    }

    /**
     * Forecasts the same horizon under many sets of future covariates at once (simulated futures
     * whose inputs differ): the i-th forecast is under the i-th set. Models that can run one pass
     * over a batch (the networks) override this; the default forecasts one set after the other.
     */
    default List<Forecast> forecastAll(int horizon, List<Map<String, double[]>> futureCovariates) {
        List<Forecast> out = new java.util.ArrayList<>(futureCovariates.size());
        for (Map<String, double[]> c : futureCovariates) {
            out.add(forecast(horizon, c));
        }
        return out;
    }

    /** Human-readable parameters, for the registry and reports. */
    Map<String, Object> parameters();
}
