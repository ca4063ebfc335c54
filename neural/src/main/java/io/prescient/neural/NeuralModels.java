package io.prescient.neural;

import io.prescient.forecast.Forecaster;
import io.prescient.forecast.ForecasterProvider;

import java.util.List;

/**
 * Offers the neural models to {@link io.prescient.forecast.Models} by name: {@code lstm}, the
 * LSTM encoder with the multi-horizon quantile decoder. Training progress goes to standard error.
 */
public final class NeuralModels implements ForecasterProvider {

    @Override
    public List<String> names() {
        return List.of("lstm");
    }

    @Override
    public Forecaster create(String name, long stepSeconds, int season, int horizon) {
        if (!name.equals("lstm")) {
            throw new IllegalArgumentException("unknown neural model '" + name + "'");
        }
        double budget = Double.parseDouble(System.getProperty("prescient.neural.budget", "480"));
        return new NeuralForecaster(name, NeuralSpec.defaults(season, horizon, List.of()).withBudget(budget, 40),
                line -> System.err.println("  " + line));
    }
}
