package io.prescient.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * Turns a network's raw outputs into non-crossing quantiles around the daily-profile baseline:
 * the lowest quantile plus cumulative softplus increments, added to the profile among the future
 * features. Shared by every architecture so they differ only in how they read the inputs.
 */
final class QuantileOutput {

    private QuantileOutput() {
    }

    /**
     * @param raw    [batch, horizon, quantiles] unconstrained outputs
     * @param future [batch, horizon, futureFeatures] the known future features
     * @return [batch, horizon, quantiles], increasing along the last axis
     */
    static NDArray monotone(NDArray raw, NDArray future) {
        NDArray lowest = raw.get("..., 0:1");
        NDArray steps = Activation.softPlus(raw.get("..., 1:")).cumSum(2);
        NDArray increasing = lowest.concat(lowest.add(steps), 2);
        NDArray baseline = future.get("..., " + Features.PROFILE + ":" + (Features.PROFILE + 1));
        return increasing.add(baseline);
    }
}
