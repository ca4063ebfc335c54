package io.prescient.experts.learn;

import io.prescient.experts.fleet.Account;
import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.FleetSimulator;
import io.prescient.experts.fleet.Step;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Proximal policy optimisation in the fleet simulator, starting from a cloned network: each
 * iteration runs the training accounts with moves drawn from the policy, scores the decisions with
 * generalised advantage estimation against a learnt value of the state (features and days left),
 * and takes clipped policy-gradient steps with an entropy bonus. After every iteration the greedy
 * policy is run on the validation accounts; the network with the best mean reward there, the
 * cloned one included, is kept.
 */
public final class Ppo {

    /** Settings of the fine-tuning. */
    public record Settings(int iterations, double learningRate, double clip, int epochs, int batch, double gamma, double lambda,
                           double entropy, long seed) {
        public static Settings defaults() {
            return new Settings(30, 3e-4, 0.2, 4, 512, 0.9, 0.9, 0.01, 1);
        }
    }

    /** What came out: the kept network, validation reward by iteration (0 = cloned), the best iteration and seconds. */
    public record Result(PolicyNetwork network, List<Double> validationRewards, int bestIteration, double seconds) {
    }

    private final FleetSimulator simulator;
    private final Settings settings;

    public Ppo(FleetSimulator simulator, Settings settings) {
        this.simulator = simulator;
        this.settings = settings;
    }

    public Result fineTune(PolicyNetwork start, List<Account> training, List<Account> validation, Consumer<String> log) {
        long started = System.nanoTime();
        ActionSpace space = simulator.space();
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<Double> rewards = new ArrayList<>();
        try (Mlp policy = new Mlp(StateFeatures.COUNT, start.hidden(), space.size(), settings.learningRate(), start.parameters(),
                settings.seed());
             Mlp value = new Mlp(StateFeatures.COUNT + 1, start.hidden(), 1, 1e-3, null, settings.seed() + 1)) {
            LearntPolicy.Probabilities current = (x, open) -> PolicyNetwork.softmax(policy.predict(x), open);
            byte[] best = policy.parameters();
            double bestReward = meanReward(simulator.run(validation, a -> new LearntPolicy(current, space, true)).steps());
            rewards.add(bestReward);
            int bestIteration = 0;
            log.accept(String.format(Locale.ROOT, "ppo: cloned policy, validation reward %.4f", bestReward));
            for (int it = 1; it <= settings.iterations(); it++) {
                List<Step> steps = simulator.run(training, a -> new LearntPolicy(current, space, false)).steps();
                Batch batch = Batch.of(steps, space);
                float[][] valueInputs = valueInputs(steps, batch);
                float[] advantages = new float[steps.size()];
                float[] returns = new float[steps.size()];
                advantages(steps, value.predict(valueInputs), advantages, returns);
                float[] oldLogp = logProbabilities(policy, batch);
                for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                    int[] order = BehaviourCloning.permutation(steps.size(), random);
                    for (int from = 0; from < order.length; from += settings.batch()) {
                        int to = Math.min(order.length, from + settings.batch());
                        Batch b = batch.rows(order, from, to);
                        float[] adv = pick(advantages, order, from, to);
                        float[] old = pick(oldLogp, order, from, to);
                        float[] ret = pick(returns, order, from, to);
                        policy.step(b.states(), (logits, manager) -> clippedLoss(b, logits, manager, adv, old));
                        float[][] vIn = new float[to - from][];
                        for (int i = from; i < to; i++) {
                            vIn[i - from] = valueInputs[order[i]];
                        }
                        value.step(vIn, (v, manager) -> v.reshape(-1).sub(manager.create(ret)).square().mean());
                    }
                }
                double reward = meanReward(simulator.run(validation, a -> new LearntPolicy(current, space, true)).steps());
                rewards.add(reward);
                log.accept(String.format(Locale.ROOT, "ppo iteration %d: training reward %.4f, validation reward %.4f (%.0f s)", it,
                        meanReward(steps), reward, (System.nanoTime() - started) / 1e9));
                if (reward > bestReward) {
                    bestReward = reward;
                    best = policy.parameters();
                    bestIteration = it;
                }
            }
            return new Result(new PolicyNetwork(start.hidden(), space.size(), best), List.copyOf(rewards), bestIteration,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private NDArray clippedLoss(Batch b, NDArray logits, NDManager manager, float[] advantages, float[] oldLogp) {
        NDArray logp = b.logProbabilities(logits, manager);
        NDArray taken = logp.mul(b.taken(manager)).sum(new int[] {1});
        NDArray ratio = taken.sub(manager.create(oldLogp)).exp();
        NDArray adv = manager.create(advantages);
        NDArray surrogate = ratio.mul(adv).minimum(ratio.clip((float) (1 - settings.clip()), (float) (1 + settings.clip())).mul(adv));
        NDArray entropy = logp.exp().mul(logp).sum(new int[] {1}).neg();
        return surrogate.mean().add(entropy.mean().mul((float) settings.entropy())).neg();
    }

    private static float[] logProbabilities(Mlp policy, Batch batch) {
        double[][] p = PolicyNetwork.softmax(policy.predict(batch.states()), batch.open());
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) Math.log(Math.max(1e-12, p[i][batch.moves()[i]]));
        }
        return out;
    }

    private static float[][] valueInputs(List<Step> steps, Batch batch) {
        int last = steps.stream().mapToInt(Step::day).max().orElse(0);
        float[][] x = new float[steps.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = java.util.Arrays.copyOf(batch.states()[i], StateFeatures.COUNT + 1);
            x[i][StateFeatures.COUNT] = (last - steps.get(i).day()) / 30f;
        }
        return x;
    }

    /** Generalised advantage estimates (normalised) and returns, each VM's decisions in day order. */
    private void advantages(List<Step> steps, float[][] values, float[] advantages, float[] returns) {
        Map<String, List<Integer>> byVm = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            byVm.computeIfAbsent(steps.get(i).observation().resource(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> vm : byVm.values()) {
            vm.sort(Comparator.comparingInt(i -> steps.get(i).day()));
            double next = 0;
            double gae = 0;
            for (int k = vm.size() - 1; k >= 0; k--) {
                int i = vm.get(k);
                double v = values[i][0];
                double delta = steps.get(i).reward() + settings.gamma() * next - v;
                gae = delta + settings.gamma() * settings.lambda() * gae;
                advantages[i] = (float) gae;
                returns[i] = (float) (gae + v);
                next = v;
            }
        }
        double mean = 0;
        for (float a : advantages) {
            mean += a / advantages.length;
        }
        double var = 0;
        for (float a : advantages) {
            var += (a - mean) * (a - mean) / advantages.length;
        }
        double sd = Math.sqrt(var) + 1e-8;
        for (int i = 0; i < advantages.length; i++) {
            advantages[i] = (float) ((advantages[i] - mean) / sd);
        }
    }

    private static float[] pick(float[] x, int[] order, int from, int to) {
        float[] out = new float[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = x[order[i]];
        }
        return out;
    }

    /** Mean reward per decision. */
    public static double meanReward(List<Step> steps) {
        return steps.stream().mapToDouble(Step::reward).average().orElse(0);
    }
}
