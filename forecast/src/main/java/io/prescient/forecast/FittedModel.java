package io.prescient.forecast;

import java.io.Serializable;
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

    /** Human-readable parameters, for the registry and reports. */
    Map<String, Object> parameters();
}
