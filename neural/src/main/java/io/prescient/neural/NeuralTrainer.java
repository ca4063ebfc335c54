package io.prescient.neural;

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
import io.prescient.forecast.History;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains a network across many series. The last few windows of {@code horizon} steps of every
 * history are held out for validation ({@link #validationWindows}); training windows are drawn at
 * random (seeded) from before them, a fresh set each epoch. Training stops at the epoch limit, after {@code patience} epochs without a better
 * validation loss, or when the time budget is spent; the best epoch's parameters are kept.
 */
public final class NeuralTrainer {

    /** How training went. */
    public record Report(int epochs, double bestValidationLoss, double seconds, int trainingWindows, int validationWindows,
                         List<Double> validationLosses) {
    }

    /** A trained network and its report. */
    public record Result(NeuralNet net, Report report) {
    }

    private final NeuralSpec spec;
    private final Consumer<String> log;

    public NeuralTrainer(NeuralSpec spec, Consumer<String> log) {
        this.spec = spec;
        this.log = log;
    }

    public Result train(List<History> histories) {
        long started = System.nanoTime();
        DjlRuntime.start(DjlRuntime.defaultCacheDir());
        Engine.getInstance().setRandomSeed((int) spec.seed());
        List<Features.Sample> validation = new ArrayList<>();
        List<History> usable = new ArrayList<>();
        for (History h : histories) {
            int held = validationWindows(h.length()) * spec.horizon();
            if (h.length() - held - spec.horizon() > spec.context()) {
                usable.add(h);
                for (int origin = h.length() - held; origin < h.length(); origin += spec.horizon()) {
                    Features.Sample s = sample(h, origin);
                    if (observed(s)) {
                        validation.add(s);
                    }
                }
            }
        }
        if (usable.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("no history is long enough to train on: each needs more than context + 2 x horizon = "
                    + (spec.context() + 2 * spec.horizon()) + " steps");
        }
        SplittableRandom random = new SplittableRandom(spec.seed());
        PinballLoss loss = new PinballLoss(spec.levels());
        try (Model model = Model.newInstance("prescient-seq2seq")) {
            Block block = NeuralNet.block(spec);
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) spec.learningRate()))
                            .optClipGrad(1f).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(spec.batch(), spec.context(), spec.pastFeatures()),
                        new Shape(spec.batch(), spec.horizon(), spec.futureFeatures()));
                byte[] best = BlockParameters.save(block);
                double bestLoss = Double.POSITIVE_INFINITY;
                List<Double> losses = new ArrayList<>();
                int stale = 0;
                int epoch = 0;
                int windows = 0;
                while (epoch < spec.maxEpochs() && stale < spec.patience()
                        && (System.nanoTime() - started) / 1e9 < spec.budgetSeconds()) {
                    List<Features.Sample> epochSamples = draw(usable, random);
                    windows += epochSamples.size();
                    double trainLoss = 0;
                    int batches = 0;
                    for (int from = 0; from < epochSamples.size(); from += spec.batch()) {
                        List<Features.Sample> batch = epochSamples.subList(from, Math.min(epochSamples.size(), from + spec.batch()));
                        try (NDManager manager = trainer.getManager().newSubManager();
                             GradientCollector collector = trainer.newGradientCollector()) {
                            NDList predicted = trainer.forward(Batches.inputs(manager, spec, batch));
                            NDArray value = loss.evaluate(Batches.labels(manager, spec, batch), predicted);
                            collector.backward(value);
                            trainLoss += value.getFloat();
                            batches++;
                        }
                        trainer.step();
                        if ((System.nanoTime() - started) / 1e9 >= spec.budgetSeconds()) {
                            break;
                        }
                    }
                    double validationLoss = evaluate(trainer, block, loss, validation);
                    losses.add(validationLoss);
                    epoch++;
                    log.accept(String.format(java.util.Locale.ROOT, "epoch %d: training loss %.4f, validation loss %.4f (%.0f s)",
                            epoch, trainLoss / Math.max(1, batches), validationLoss, (System.nanoTime() - started) / 1e9));
                    if (validationLoss < bestLoss - 1e-5) {
                        bestLoss = validationLoss;
                        best = BlockParameters.save(block);
                        stale = 0;
                    } else {
                        stale++;
                    }
                }
                Report report = new Report(epoch, bestLoss, (System.nanoTime() - started) / 1e9, windows, validation.size(),
                        List.copyOf(losses));
                return new Result(new NeuralNet(spec, best), report);
            }
        }
    }

    /**
     * Windows of {@code horizon} steps held out at the end of a history for validation: about 5% of
     * it, between 1 and 8, so that early stopping sees several origins, as the test does, and not
     * one short stretch.
     */
    int validationWindows(int length) {
        return Math.max(1, Math.min(8, (int) (0.05 * length / spec.horizon())));
    }

    private Features.Sample sample(History h, int origin) {
        long step = h.grid().stepSeconds();
        return Features.at(spec, h.target(), h.grid().start() / step, step, h.covariates(), origin);
    }

    private static boolean observed(Features.Sample s) {
        for (float v : s.target()) {
            if (!Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** Training windows of one epoch: their targets end before each history's validation window. */
    private List<Features.Sample> draw(List<History> histories, SplittableRandom random) {
        List<Features.Sample> out = new ArrayList<>();
        for (History h : histories) {
            int lo = spec.context();
            int hi = h.length() - (validationWindows(h.length()) + 1) * spec.horizon();
            for (int i = 0; i < spec.samplesPerSeries(); i++) {
                Features.Sample s = sample(h, lo + random.nextInt(hi - lo + 1));
                if (observed(s)) {
                    out.add(s);
                }
            }
        }
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Features.Sample t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    /**
     * The validation loss in the series' own units, each window's pinball loss weighted by its scale
     * and divided by the total scale: the weighted quantile loss the protocol's CRPS is, so early
     * stopping follows what is scored rather than a few tiny series with huge relative errors.
     */
    private double evaluate(Trainer trainer, Block block, PinballLoss loss, List<Features.Sample> samples) {
        double sum = 0;
        double weight = 0;
        for (Features.Sample s : samples) {
            weight += s.scale();
        }
        for (int from = 0; from < samples.size(); from += 256) {
            List<Features.Sample> batch = samples.subList(from, Math.min(samples.size(), from + 256));
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDList predicted = block.forward(new ParameterStore(manager, false), Batches.inputs(manager, spec, batch), false);
                float[] losses = loss.perSample(Batches.labels(manager, spec, batch), predicted).toFloatArray();
                for (int i = 0; i < batch.size(); i++) {
                    sum += losses[i] * batch.get(i).scale();
                }
            }
        }
        return sum / weight;
    }
}
