package io.prescient.neural;

import io.prescient.forecast.Forecaster;
import io.prescient.forecast.ForecasterProvider;

import java.util.List;

/**
 * Offers the neural models to {@link io.prescient.forecast.Models} by name: {@code lstm}, the
 * LSTM encoder with the multi-horizon quantile decoder, and {@code transformer}, the patch
 * Transformer. Combinations with the classical models are written with {@code +}, e.g.
 * {@code lstm+ets+ensemble}. Training progress goes to standard error; the training budget in
 * seconds is the system property {@code prescient.neural.budget} (default 480).
 */
public final class NeuralModels implements ForecasterProvider {

    @Override
    public List<String> names() {
        return List.of("lstm", "transformer");
    }

    @Override
    public Forecaster create(String name, long stepSeconds, int season, int horizon) {
        double budget = Double.parseDouble(System.getProperty("prescient.neural.budget", "480"));
        NeuralSpec.Architecture architecture = switch (name) {
            case "lstm" -> NeuralSpec.Architecture.LSTM;
            case "transformer" -> NeuralSpec.Architecture.TRANSFORMER;
            default -> throw new IllegalArgumentException("unknown neural model '" + name + "'");
        };
        return new NeuralForecaster(name, NeuralSpec.defaults(architecture, season, horizon, List.of()).withBudget(budget, 40),
                line -> System.err.println("  " + line));
    }
}
