package io.prescient.neural;

import io.prescient.forecast.Forecaster;
import io.prescient.forecast.ForecasterProvider;
import io.prescient.neural.pretrained.PretrainedForecaster;
import io.prescient.neural.pretrained.ShippedModel;

import java.util.List;

/**
 * Offers the neural models to {@link io.prescient.forecast.Models} by name: {@code lstm}, the
 * LSTM encoder with the multi-horizon quantile decoder, and {@code transformer}, the patch
 * Transformer, {@code pretrained}, the pretrained patch mixer used zero-shot, and
 * {@code pretrained-tuned}, the same fine-tuned on the series it is trained on. Combinations with the classical models are written with {@code +}, e.g.
 * {@code lstm+ets+ensemble}. Training progress goes to standard error; the training budget in
 * seconds is the system property {@code prescient.neural.budget} (default 480).
 */
public final class NeuralModels implements ForecasterProvider {

    /** The system property holding {@code pretrained-tuned}'s fine-tuning budget in seconds (default 120). */
    public static final String TUNE_PROPERTY = "prescient.pretrained.tune";

    @Override
    public List<String> names() {
        return List.of("lstm", "transformer", "pretrained", "pretrained-tuned");
    }

    @Override
    public Forecaster create(String name, long stepSeconds, int season, int horizon) {
        if (name.startsWith("pretrained")) {
            double tune = name.equals("pretrained") ? 0 : Double.parseDouble(System.getProperty(TUNE_PROPERTY, "120"));
            return new PretrainedForecaster(name, ShippedModel.load(), horizon, tune, line -> System.err.println("  " + line));
        }
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
