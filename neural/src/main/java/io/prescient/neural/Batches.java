package io.prescient.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/** Packs samples into the network's input and label arrays. */
final class Batches {

    private Batches() {
    }

    static NDList inputs(NDManager manager, NeuralSpec spec, List<Features.Sample> samples) {
        int n = samples.size();
        int c = spec.context();
        int h = spec.horizon();
        int fp = spec.pastFeatures();
        int ff = spec.futureFeatures();
        float[] past = new float[n * c * fp];
        float[] future = new float[n * h * ff];
        for (int i = 0; i < n; i++) {
            System.arraycopy(samples.get(i).past(), 0, past, i * c * fp, c * fp);
            System.arraycopy(samples.get(i).future(), 0, future, i * h * ff, h * ff);
        }
        NDArray pastArray = manager.create(past, new Shape(n, c, fp));
        NDArray futureArray = manager.create(future, new Shape(n, h, ff));
        return new NDList(pastArray, futureArray);
    }

    /** Inputs of samples that share their past (the first sample's): the past once, every sample's future. */
    static NDList sharedPast(NDManager manager, NeuralSpec spec, List<Features.Sample> samples) {
        int n = samples.size();
        int h = spec.horizon();
        int ff = spec.futureFeatures();
        float[] future = new float[n * h * ff];
        for (int i = 0; i < n; i++) {
            System.arraycopy(samples.get(i).future(), 0, future, i * h * ff, h * ff);
        }
        return new NDList(manager.create(samples.get(0).past(), new Shape(1, spec.context(), spec.pastFeatures())),
                manager.create(future, new Shape(n, h, ff)));
    }

    /** Targets (0 where missing) and the mask of observed targets. */
    static NDList labels(NDManager manager, NeuralSpec spec, List<Features.Sample> samples) {
        int n = samples.size();
        int h = spec.horizon();
        float[] target = new float[n * h];
        float[] mask = new float[n * h];
        for (int i = 0; i < n; i++) {
            float[] t = samples.get(i).target();
            for (int j = 0; j < h; j++) {
                boolean seen = !Float.isNaN(t[j]);
                target[i * h + j] = seen ? t[j] : 0;
                mask[i * h + j] = seen ? 1 : 0;
            }
        }
        return new NDList(manager.create(target, new Shape(n, h)), manager.create(mask, new Shape(n, h)));
    }
}
