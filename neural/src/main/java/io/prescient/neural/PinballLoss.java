package io.prescient.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The quantile (pinball) loss averaged over levels and observed steps: labels are the targets
 * [batch, horizon] and a mask [batch, horizon] (1 where the target was observed), predictions the
 * quantiles [batch, horizon, levels].
 */
public final class PinballLoss extends Loss {

    private final float[] levels;

    public PinballLoss(double[] levels) {
        super("pinball");
        this.levels = new float[levels.length];
        for (int k = 0; k < levels.length; k++) {
            this.levels[k] = (float) levels[k];
        }
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray mask = labels.get(1);
        return pointLosses(labels, predictions).sum().div(mask.sum().mul(levels.length).maximum(1f));
    }

    /** The loss of each sample: [batch], averaged over its observed steps and the levels. */
    public NDArray perSample(NDList labels, NDList predictions) {
        NDArray mask = labels.get(1);
        return pointLosses(labels, predictions).sum(new int[] {1, 2}).div(mask.sum(new int[] {1}).mul(levels.length).maximum(1f));
    }

    private NDArray pointLosses(NDList labels, NDList predictions) {
        NDArray target = labels.get(0).expandDims(2);
        NDArray mask = labels.get(1).expandDims(2);
        NDArray predicted = predictions.singletonOrThrow();
        NDArray q = predicted.getManager().create(levels).reshape(1, 1, levels.length);
        NDArray diff = target.sub(predicted);
        return diff.mul(q).maximum(diff.mul(q.sub(1))).mul(mask);
    }
}
