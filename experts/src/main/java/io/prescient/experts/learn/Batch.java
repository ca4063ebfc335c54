package io.prescient.experts.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.Step;

import java.util.List;

/** Decisions as arrays: state features, open moves and the move taken. */
record Batch(float[][] states, boolean[][] open, int[] moves) {

    static Batch of(List<Step> steps, ActionSpace space) {
        float[][] x = new float[steps.size()][];
        boolean[][] open = new boolean[steps.size()][];
        int[] moves = new int[steps.size()];
        for (int i = 0; i < x.length; i++) {
            Step s = steps.get(i);
            x[i] = StateFeatures.of(s.observation(), space);
            open[i] = StateFeatures.mask(s.observation(), space);
            moves[i] = s.move();
        }
        return new Batch(x, open, moves);
    }

    int size() {
        return moves.length;
    }

    Batch rows(int[] index, int from, int to) {
        float[][] x = new float[to - from][];
        boolean[][] o = new boolean[to - from][];
        int[] m = new int[to - from];
        for (int i = from; i < to; i++) {
            x[i - from] = states[index[i]];
            o[i - from] = open[index[i]];
            m[i - from] = moves[index[i]];
        }
        return new Batch(x, o, m);
    }

    /** Log-probabilities of every move: closed moves pushed to about -1e4 before the softmax. */
    NDArray logProbabilities(NDArray logits, NDManager manager) {
        int n = moves.length;
        int a = open[0].length;
        float[] shift = new float[n * a];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < a; k++) {
                shift[i * a + k] = open[i][k] ? 0 : -1e4f;
            }
        }
        return logits.add(manager.create(shift, new Shape(n, a))).logSoftmax(1);
    }

    /** One-hot rows of the moves taken. */
    NDArray taken(NDManager manager) {
        int n = moves.length;
        int a = open[0].length;
        float[] h = new float[n * a];
        for (int i = 0; i < n; i++) {
            h[i * a + moves[i]] = 1;
        }
        return manager.create(h, new Shape(n, a));
    }
}
