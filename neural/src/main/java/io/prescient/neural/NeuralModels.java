package io.prescient.neural;

import io.prescient.forecast.Forecaster;
import io.prescient.forecast.ForecasterProvider;
import io.prescient.forecast.Models;
import io.prescient.forecast.model.SelectionForecaster;

import java.util.List;

/**
 * Offers the neural models to {@link io.prescient.forecast.Models} by name: {@code lstm}, the
 * LSTM encoder with the multi-horizon quantile decoder, and {@code lstm+ensemble}, which picks per
 * series between the classical ensemble and the LSTM on the last two windows of the history.
 * Training progress goes to standard error.
 */
public final class NeuralModels implements ForecasterProvider {

    @Override
    public List<String> names() {
        return List.of("lstm", "lstm+ensemble");
    }

    @Override
    public Forecaster create(String name, long stepSeconds, int season, int horizon) {
        double budget = Double.parseDouble(System.getProperty("prescient.neural.budget", "480"));
        NeuralForecaster lstm = new NeuralForecaster("lstm", NeuralSpec.defaults(season, horizon, List.of()).withBudget(budget, 40),
                line -> System.err.println("  " + line));
        return switch (name) {
            case "lstm" -> lstm;
            case "lstm+ensemble" -> new SelectionForecaster(name,
                    List.of(Models.create("ensemble", stepSeconds, season, horizon), lstm), horizon, 2);
            default -> throw new IllegalArgumentException("unknown neural model '" + name + "'");
        };
    }
}
