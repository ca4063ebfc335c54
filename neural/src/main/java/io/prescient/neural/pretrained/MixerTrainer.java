package io.prescient.neural.pretrained;

import io.prescient.neural.BlockParameters;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.prescient.neural.DjlRuntime;
import io.prescient.neural.PinballLoss;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains a patch mixer on batches drawn from a {@link Batches source} (pretraining on a corpus, or
 * fine-tuning on one dataset's histories) until the step limit or the time budget, scoring a fixed
 * validation set every {@code round} steps and keeping the best parameters seen (the starting ones
 * included, so fine-tuning never returns a network worse on validation than the one it started from).
 */
public final class MixerTrainer {

    /** Where training windows come from. */
    public interface Batches {
        /** {@code size} labelled windows, drawn with {@code random}. */
        List<Window> next(int size, SplittableRandom random);
    }

    /**
     * @param batch        windows per step
     * @param round        steps between validations
     * @param maxSteps     upper bound on steps
     * @param seconds      wall-clock budget
     * @param learningRate Adam's learning rate
     * @param seed         seed of sampling and initialisation
     */
    public record Settings(int batch, int round, int maxSteps, double seconds, double learningRate, long seed) {
    }

    /** How training went: steps and windows seen, validation loss at the start, the best, and per round. */
    public record Report(int steps, long windows, double startLoss, double bestLoss, int bestStep, double seconds,
                         List<Double> validationLosses) {
    }

    /** A trained network and its report. */
    public record Result(MixerNet net, Report report) {
    }

    /** What a round's parameters are scored on, lower better. */
    interface Validation {
        /** The score of the block's current parameters ({@code manager} holds the arrays made). */
        double score(Block block, NDManager manager, MixerSpec spec, PinballLoss loss);

        /** Windows scored standardised, each alike (a corpus of every scale) or in the series' units. */
        static Validation windows(List<Window> windows, boolean inUnits) {
            if (windows.isEmpty()) {
                throw new IllegalArgumentException("no validation window: the series are shorter than " + (Window.MIN_OBSERVED + 1)
                        + " steps");
            }
            return (block, manager, spec, loss) -> evaluate(block, manager, loss, spec, windows, inUnits);
        }

        /**
         * The forecasts the forecaster makes from held-out origins ({@link ContextMembers}: its readings
         * combined), scored in the series' units over their first {@code steps} steps, weighted as
         * {@link #windows} in units weighs them.
         */
        static Validation readings(List<ContextMembers> forecasts, int steps) {
            if (forecasts.isEmpty()) {
                throw new IllegalArgumentException("no held-out forecast: the series are shorter than " + (Window.MIN_OBSERVED + 1)
                        + " steps");
            }
            return (block, manager, spec, loss) -> readingsLoss(block, manager, spec, forecasts, steps);
        }
    }

    private final Settings settings;
    private final Consumer<String> log;

    public MixerTrainer(Settings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    /**
     * @param start      the network to start from, or null for fresh weights of {@code spec}
     * @param validation windows scored every round (weighted by their scale when {@code inUnits})
     * @param inUnits    whether the validation loss is in the series' units (one dataset) rather than
     *                   standardised (a corpus of every scale, where units would let the largest decide)
     */
    public Result train(MixerSpec spec, MixerNet start, Batches source, List<Window> validation, boolean inUnits,
                        String provenance) {
        return train(spec, start, source, Validation.windows(validation, inUnits), provenance);
    }

    /** As above, scoring each round on {@code validation}. */
    Result train(MixerSpec spec, MixerNet start, Batches source, Validation validation, String provenance) {
        long started = System.nanoTime();
        DjlRuntime.start(DjlRuntime.defaultCacheDir());
        Engine.getInstance().setRandomSeed((int) settings.seed());
        SplittableRandom random = new SplittableRandom(settings.seed());
        PinballLoss loss = new PinballLoss(spec.levels());
        try (Model model = Model.newInstance("prescient-mixer")) {
            Block block = MixerNet.block(spec);
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed((float) settings.learningRate())).optClipGrad(1f).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(settings.batch(), spec.context(), 2));
                if (start != null) {
                    startFrom(block, spec, start);
                }
                double startLoss = score(trainer, block, loss, spec, validation);
                byte[] best = BlockParameters.save(block);
                double bestLoss = startLoss;
                int bestStep = 0;
                List<Double> losses = new ArrayList<>();
                int step = 0;
                long windows = 0;
                double trainLoss = 0;
                int since = 0;
                log.accept(String.format(java.util.Locale.ROOT, "start: validation loss %.4f", startLoss));
                while (step < settings.maxSteps() && elapsed(started) < settings.seconds()) {
                    List<Window> batch = source.next(settings.batch(), random);
                    windows += batch.size();
                    try (NDManager manager = trainer.getManager().newSubManager();
                         GradientCollector collector = trainer.newGradientCollector()) {
                        NDList predicted = trainer.forward(MixerNet.inputs(manager, spec, batch));
                        NDArray value = loss.evaluate(MixerNet.labels(manager, spec, batch), predicted);
                        collector.backward(value);
                        trainLoss += value.getFloat();
                        since++;
                    }
                    trainer.step();
                    step++;
                    if (step % settings.round() == 0 || step == settings.maxSteps() || elapsed(started) >= settings.seconds()) {
                        double v = score(trainer, block, loss, spec, validation);
                        losses.add(v);
                        log.accept(String.format(java.util.Locale.ROOT, "step %d: training loss %.4f, validation loss %.4f (%.0f s)",
                                step, trainLoss / Math.max(1, since), v, elapsed(started)));
                        trainLoss = 0;
                        since = 0;
                        if (v < bestLoss) {
                            bestLoss = v;
                            bestStep = step;
                            best = BlockParameters.save(block);
                        }
                    }
                }
                Report report = new Report(step, windows, startLoss, bestLoss, bestStep, elapsed(started), List.copyOf(losses));
                String made = String.format(java.util.Locale.ROOT,
                        "%s; %d steps of %d windows (%d windows), %.0f s; validation loss %.4f at the start, %.4f best (step %d)",
                        provenance, step, settings.batch(), windows, report.seconds(), startLoss, bestLoss, bestStep);
                MixerNet net = start == null ? new MixerNet(spec, best, made) : start.withParameters(best, made);
                return new Result(net, report);
            }
        }
    }

    /**
     * Copies the start network's parameters into the arrays the trainer already holds (loading them
     * would replace the arrays, and the trainer would go on updating the fresh ones it cached).
     */
    private static void startFrom(Block block, MixerSpec spec, MixerNet start) {
        try (NDManager scratch = NDManager.newBaseManager()) {
            Block loaded = MixerNet.block(spec);
            loaded.initialize(scratch, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, spec.context(), 2));
            BlockParameters.load(loaded, scratch, start.parameters());
            var from = loaded.getParameters();
            var to = block.getParameters();
            for (int i = 0; i < to.size(); i++) {
                if (!from.get(i).getKey().equals(to.get(i).getKey())) {
                    throw new IllegalStateException("parameter " + to.get(i).getKey() + " does not match " + from.get(i).getKey());
                }
                from.get(i).getValue().getArray().copyTo(to.get(i).getValue().getArray());
            }
        }
    }

    private static double elapsed(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static double score(Trainer trainer, Block block, PinballLoss loss, MixerSpec spec, Validation validation) {
        try (NDManager manager = trainer.getManager().newSubManager()) {
            return validation.score(block, manager, spec, loss);
        }
    }

    /** The weighted pinball loss of the validation windows, standardised or in the series' units. */
    static double evaluate(Block block, NDManager scope, PinballLoss loss, MixerSpec spec, List<Window> windows, boolean inUnits) {
        double sum = 0;
        double weight = 0;
        for (int from = 0; from < windows.size(); from += 256) {
            List<Window> batch = windows.subList(from, Math.min(windows.size(), from + 256));
            try (NDManager manager = scope.newSubManager()) {
                NDList predicted = block.forward(new ParameterStore(manager, false), MixerNet.inputs(manager, spec, batch), false);
                float[] losses = loss.perSample(MixerNet.labels(manager, spec, batch), predicted).toFloatArray();
                for (int i = 0; i < batch.size(); i++) {
                    double w = inUnits ? batch.get(i).scale() : 1;
                    sum += losses[i] * w;
                    weight += w;
                }
            }
        }
        return sum / weight;
    }

    /**
     * The pinball loss in the series' units of the combined readings over their first {@code steps}
     * steps (each step weighted as its whole-context window weighs it), summed over forecasts and
     * divided by the sum of their whole windows' spreads: for single readings, what {@link #evaluate}
     * gives in units.
     */
    static double readingsLoss(Block block, NDManager scope, MixerSpec spec, List<ContextMembers> forecasts, int steps) {
        double[] levels = spec.levels();
        double sum = 0;
        double weight = 0;
        for (int from = 0; from < forecasts.size(); from += 128) {
            List<ContextMembers> batch = forecasts.subList(from, Math.min(forecasts.size(), from + 128));
            List<Window> windows = ContextMembers.flatten(batch);
            double[][][] predicted;
            try (NDManager manager = scope.newSubManager()) {
                predicted = MixerNet.restore(MixerNet.forward(block, manager, spec, windows, steps), windows, steps, levels.length);
            }
            int reading = 0;
            for (ContextMembers m : batch) {
                double[][] combined = m.combine(predicted, reading);
                reading += m.windows().size();
                Window whole = m.whole();
                double loss = 0;
                double observed = 0;
                for (int h = 0; h < steps; h++) {
                    float w = whole.weight()[h];
                    if (w <= 0) {
                        continue;
                    }
                    double y = whole.restore(whole.target()[h]);
                    for (int k = 0; k < levels.length; k++) {
                        double d = y - combined[h][k];
                        loss += w * Math.max(levels[k] * d, (levels[k] - 1) * d);
                    }
                    observed += w;
                }
                sum += loss / Math.max(1, observed * levels.length);
                weight += whole.scale();
            }
        }
        return sum / weight;
    }
}
