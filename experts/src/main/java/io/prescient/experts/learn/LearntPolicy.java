package io.prescient.experts.learn;

import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.Observation;
import io.prescient.experts.fleet.OperatingPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Operates VMs with a policy network: the most probable move ({@code greedy}, how it is deployed)
 * or a move drawn from its probabilities (how PPO explores).
 */
public final class LearntPolicy implements OperatingPolicy {

    /** Move probabilities of state features, given which moves are open. */
    @FunctionalInterface
    public interface Probabilities {
        double[][] of(float[][] states, boolean[][] open);
    }

    private final Probabilities network;
    private final ActionSpace space;
    private final boolean greedy;

    public LearntPolicy(PolicyNetwork network, ActionSpace space, boolean greedy) {
        this(network::probabilities, space, greedy);
        if (network.actions() != space.size()) {
            throw new IllegalArgumentException("the policy network has " + network.actions() + " moves; the action space "
                    + space.size());
        }
    }

    LearntPolicy(Probabilities network, ActionSpace space, boolean greedy) {
        this.network = network;
        this.space = space;
        this.greedy = greedy;
    }

    @Override
    public ActionSpace.Move decide(Observation observation, SplittableRandom random) {
        return decideAll(List.of(observation), List.of(random)).get(0);
    }

    @Override
    public List<ActionSpace.Move> decideAll(List<Observation> observations, List<SplittableRandom> randoms) {
        double[][] p = probabilities(observations);
        List<ActionSpace.Move> out = new ArrayList<>(observations.size());
        for (int i = 0; i < p.length; i++) {
            out.add(space.move(greedy ? argmax(p[i]) : draw(p[i], randoms.get(i))));
        }
        return out;
    }

    /** Move probabilities for each observation. */
    public double[][] probabilities(List<Observation> observations) {
        float[][] x = new float[observations.size()][];
        boolean[][] open = new boolean[observations.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = StateFeatures.of(observations.get(i), space);
            open[i] = StateFeatures.mask(observations.get(i), space);
        }
        return network.of(x, open);
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int a = 1; a < p.length; a++) {
            if (p[a] > p[best]) {
                best = a;
            }
        }
        return best;
    }

    private static int draw(double[] p, SplittableRandom random) {
        double u = random.nextDouble();
        double c = 0;
        for (int a = 0; a < p.length; a++) {
            c += p[a];
            if (u < c) {
                return a;
            }
        }
        return argmax(p);
    }
}
