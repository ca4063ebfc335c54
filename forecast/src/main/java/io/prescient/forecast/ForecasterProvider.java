package io.prescient.forecast;

import java.util.List;
import java.util.function.Function;

/**
 * A source of models (the classical ones in the forecast module, the networks in the neural module), found with
 * {@link java.util.ServiceLoader} through {@code META-INF/services/io.prescient.forecast.ForecasterProvider},
 * so that {@link Models} offers them whenever their module is on the class path.
 */
public interface ForecasterProvider {

    /** The model names this provider creates. */
    List<String> names();

    /**
     * @param stepSeconds grid step
     * @param season      steps per day (or 1)
     * @param horizon     steps to forecast
     */
    Forecaster create(String name, long stepSeconds, int season, int horizon);

    /**
     * {@link #create}, a model made of registered models taking them from {@code models}, which
     * {@link Models} answers with the instance already made for the same expression: in
     * {@code ensemble|mixture} the ensemble and the mixture's ensemble are one model, which a choice
     * fits once per validation window.
     */
    default Forecaster create(String name, long stepSeconds, int season, int horizon, Function<String, Forecaster> models) {
        return create(name, stepSeconds, season, horizon);
    }
}
