package io.prescient.experts.learn;

import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Behavioural cloning: fits the policy network to experts' decisions (masked cross-entropy, changes
 * weighted by how rare they are against no-ops), with
 * the VMs whose id hashes into the last tenth held out for early stopping on their accuracy.
 */
public final class BehaviourCloning {

    /**
     * Settings: network width, learning rate, epochs, patience, batch size, seed, and the most a
     * change is weighted over a no-op (changes are rare among decisions; unweighted, the clone learns
     * to do nothing).
     */
    public record Settings(int hidden, double learningRate, int maxEpochs, int patience, int batch, long seed,
                           double maxChangeWeight) {
        public static Settings defaults() {
            return new Settings(64, 2e-3, 200, 15, 256, 1, 10);
        }
    }

    /** What came out: the network, the held-out accuracy, epochs, decisions used and seconds. */
    public record Result(PolicyNetwork network, double validationAccuracy, int epochs, int decisions, double seconds) {
    }

    private final ActionSpace space;
    private final Settings settings;

    public BehaviourCloning(ActionSpace space, Settings settings) {
        this.space = space;
        this.settings = settings;
    }

    public Result fit(List<Step> expertSteps, Consumer<String> log) {
        long started = System.nanoTime();
        List<Step> train = new ArrayList<>();
        List<Step> validation = new ArrayList<>();
        for (Step s : expertSteps) {
            (Math.floorMod(s.observation().resource().hashCode(), 10) == 9 ? validation : train).add(s);
        }
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("behavioural cloning needs decisions of several expert VMs; got " + expertSteps.size()
                    + " decisions");
        }
        Batch all = Batch.of(train, space);
        Batch held = Batch.of(validation, space);
        SplittableRandom random = new SplittableRandom(settings.seed());
        long changes = java.util.stream.IntStream.range(0, all.size()).filter(i -> !noOp(all, i)).count();
        float changeWeight = (float) Math.max(1, Math.min(settings.maxChangeWeight(), (all.size() - changes) / (double) Math.max(1, changes)));
        try (Mlp mlp = new Mlp(StateFeatures.COUNT, settings.hidden(), space.size(), settings.learningRate(), null, settings.seed())) {
            byte[] best = mlp.parameters();
            double bestAccuracy = -1;
            int stale = 0;
            int epoch = 0;
            while (epoch < settings.maxEpochs() && stale < settings.patience()) {
                int[] order = permutation(all.size(), random);
                double loss = 0;
                int batches = 0;
                for (int from = 0; from < order.length; from += settings.batch()) {
                    Batch b = all.rows(order, from, Math.min(order.length, from + settings.batch()));
                    float[] w = weights(b, changeWeight);
                    loss += mlp.step(b.states(), (logits, manager) -> b.logProbabilities(logits, manager).mul(b.taken(manager))
                            .sum(new int[] {1}).mul(manager.create(w)).sum().div(sum(w)).neg());
                    batches++;
                }
                epoch++;
                double accuracy = accuracy(mlp, held);
                if (accuracy > bestAccuracy + 1e-4) {
                    bestAccuracy = accuracy;
                    best = mlp.parameters();
                    stale = 0;
                } else {
                    stale++;
                }
                if (epoch % 10 == 0) {
                    log.accept(String.format(java.util.Locale.ROOT, "cloning epoch %d: loss %.4f, held-out accuracy %.3f", epoch,
                            loss / batches, accuracy));
                }
            }
            return new Result(new PolicyNetwork(settings.hidden(), space.size(), best), bestAccuracy, epoch, expertSteps.size(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private static double accuracy(Mlp mlp, Batch b) {
        double[][] p = PolicyNetwork.softmax(mlp.predict(b.states()), b.open());
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += LearntPolicy.argmax(p[i]) == b.moves()[i] ? 1 : 0;
        }
        return (double) right / p.length;
    }

    /** Whether decision {@code i} kept the VM as it was (stayed in its family, no step). */
    private boolean noOp(Batch b, int i) {
        return space.move(b.moves()[i]).step() == 0 && b.states()[i][6 + space.move(b.moves()[i]).family()] == 1;
    }

    private float[] weights(Batch b, float changeWeight) {
        float[] w = new float[b.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = noOp(b, i) ? 1 : changeWeight;
        }
        return w;
    }

    private static float sum(float[] w) {
        float s = 0;
        for (float v : w) {
            s += v;
        }
        return s;
    }

    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
