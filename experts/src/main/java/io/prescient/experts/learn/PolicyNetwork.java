package io.prescient.experts.learn;

import java.io.Serializable;

/**
 * A trained policy network: state features in, one logit per move out (moves closed to the VM are
 * masked). Holds its parameters as bytes so it serialises into the model registry; the DJL network
 * is rebuilt on first use in a JVM.
 */
public final class PolicyNetwork implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int hidden;
    private final int actions;
    private final byte[] parameters;
    private transient Mlp mlp;

    PolicyNetwork(int hidden, int actions, byte[] parameters) {
        this.hidden = hidden;
        this.actions = actions;
        this.parameters = parameters.clone();
    }

    public int hidden() {
        return hidden;
    }

    public int actions() {
        return actions;
    }

    byte[] parameters() {
        return parameters.clone();
    }

    /** Move probabilities of each state, zero for closed moves. */
    public synchronized double[][] probabilities(float[][] states, boolean[][] open) {
        if (mlp == null) {
            mlp = new Mlp(StateFeatures.COUNT, hidden, actions, 1e-3, parameters, 0);
        }
        return softmax(mlp.predict(states), open);
    }

    static double[][] softmax(float[][] logits, boolean[][] open) {
        double[][] p = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < logits[i].length; a++) {
                if (open[i][a]) {
                    max = Math.max(max, logits[i][a]);
                }
            }
            p[i] = new double[logits[i].length];
            double sum = 0;
            for (int a = 0; a < logits[i].length; a++) {
                p[i][a] = open[i][a] ? Math.exp(logits[i][a] - max) : 0;
                sum += p[i][a];
            }
            for (int a = 0; a < logits[i].length; a++) {
                p[i][a] /= sum;
            }
        }
        return p;
    }
}
