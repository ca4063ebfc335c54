package io.prescient.forecast;

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
}
