package io.prescient.neural;

import java.io.Serializable;
import java.util.List;

/**
 * Settings of a global sequence-to-sequence model and its training.
 *
 * @param architecture  the network: an LSTM encoder-decoder or a Transformer
 * @param context       past steps the encoder reads
 * @param horizon       steps the decoder forecasts
 * @param season        steps per day: calendar features and same-time-of-day inputs
 * @param covariates    covariate names, in input order (their future values are inputs to the decoder)
 * @param hidden        LSTM state size and decoder width, or the Transformer's token width
 * @param depth         Transformer layers (the LSTM has one)
 * @param heads         Transformer attention heads
 * @param levels        quantile levels the model outputs, increasing
 * @param batch         training batch size
 * @param samplesPerSeries training windows drawn per series per epoch
 * @param maxEpochs     upper bound on epochs
 * @param patience      epochs without validation improvement before stopping
 * @param budgetSeconds wall-clock budget for training
 * @param learningRate  Adam's learning rate
 * @param seed          seed of window sampling and weight initialisation
 */
public record NeuralSpec(Architecture architecture, int context, int horizon, int season, List<String> covariates,
                         int hidden, int depth, int heads, double[] levels,
                         int batch, int samplesPerSeries, int maxEpochs, int patience, double budgetSeconds,
                         double learningRate, long seed) implements Serializable {

    /** The network's kind. */
    public enum Architecture { LSTM, TRANSFORMER }

    /** Levels 0.01, 0.05, 0.1, ..., 0.9, 0.95, 0.99: the deciles the protocol scores plus the planning tails. */
    public static final double[] LEVELS = {0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};

    public NeuralSpec {
        covariates = List.copyOf(covariates);
        if (context < 2 || horizon < 1 || season < 1 || hidden < 1 || depth < 1 || heads < 1 || batch < 1 || maxEpochs < 1) {
            throw new IllegalArgumentException("context >= 2, horizon, season, hidden, depth, heads, batch and epochs >= 1 are needed");
        }
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("the width " + hidden + " must be a multiple of the " + heads + " heads");
        }
        for (int k = 1; k < levels.length; k++) {
            if (!(levels[k] > levels[k - 1])) {
                throw new IllegalArgumentException("quantile levels must increase");
            }
        }
        levels = levels.clone();
    }

    /**
     * Defaults for a grid: one day of context (at least 48 steps, at most 288); the LSTM with 64
     * hidden units, the Transformer with 2 layers of width 32 and 4 heads.
     */
    public static NeuralSpec defaults(Architecture architecture, int season, int horizon, List<String> covariates) {
        int context = Math.max(48, Math.min(288, season > 1 ? season : 96));
        int width = architecture == Architecture.LSTM ? 64 : 32;
        return new NeuralSpec(architecture, context, horizon, season, covariates, width, 2, 4, LEVELS, 128, 32, 40, 5, 600,
                1e-3, 42);
    }

    public NeuralSpec withBudget(double seconds, int epochs) {
        return new NeuralSpec(architecture, context, horizon, season, covariates, hidden, depth, heads, levels, batch,
                samplesPerSeries, epochs, patience, seconds, learningRate, seed);
    }

    /** The same settings reading these covariates. */
    public NeuralSpec withCovariates(List<String> names) {
        return new NeuralSpec(architecture, context, horizon, season, names, hidden, depth, heads, levels, batch,
                samplesPerSeries, maxEpochs, patience, budgetSeconds, learningRate, seed);
    }

    public int pastFeatures() {
        return Features.PAST_BASE + covariates.size();
    }

    public int futureFeatures() {
        return Features.FUTURE_BASE + covariates.size();
    }
}
