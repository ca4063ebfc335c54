package io.prescient.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A forecasting model's settings. Immutable and thread-safe: fitting returns a new
 * {@link FittedModel} and never changes the forecaster, so one instance serves every series.
 * Serializable, so that the forecaster a registry version serves (a trained network included) is
 * stored inside its artifact and served as it was validated.
 *
 * <p>Some models learn across many series at once (global models such as the networks): they
 * {@link #needsTraining() need training} on a set of histories that end at the same origin before
 * they can {@link #fit} one series; {@link #train} returns the forecaster that can. For every other
 * model training changes nothing.
 */
public interface Forecaster extends java.io.Serializable {

    /** The model's name as the CLI and registry call it, e.g. {@code seasonal-naive}. */
    String name();

    /**
     * Fits the model to a history.
     *
     * @throws IllegalArgumentException if the history is too short or unusable for this model
     */
    FittedModel fit(History history);

    /**
     * True when the model learns from the covariates a history carries (and so needs their future
     * values to forecast): a scenario on a covariate reaches its forecast only then. The others
     * ignore covariates.
     */
    default boolean readsCovariates() {
        return false;
    }

    /** True when the model cannot {@link #fit} a series before it is {@link #train trained} on a set of them. */
    default boolean needsTraining() {
        return false;
    }

    /**
     * Trains on the histories, none of which may reach past the forecast origin it will be used at.
     *
     * @return a forecaster that can {@link #fit} one series (this one, for a model that needs no training)
     */
    default Forecaster train(List<History> histories) {
        return this;
    }

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
