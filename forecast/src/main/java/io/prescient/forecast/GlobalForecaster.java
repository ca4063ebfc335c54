package io.prescient.forecast;

import java.util.List;

/**
 * A model learnt across many series at once (a global model), such as a neural network. It is first
 * trained on a set of histories that all end at the same origin; the trained forecaster's
 * {@link #fit} then only conditions on one series' history, without learning.
 */
public interface GlobalForecaster extends Forecaster {

    /**
     * Trains on the histories, none of which may reach past the forecast origin it will be used at.
     *
     * @return a forecaster whose {@code fit} conditions the trained model on one history
     */
    Forecaster train(List<History> histories);
}
