package io.prescient.experts.learn;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.prescient.neural.DjlRuntime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A two-hidden-layer perceptron (ReLU) on DJL: predicts in batches and takes Adam steps on any loss
 * built from its outputs; its parameters go in and out as bytes. Not thread-safe.
 */
final class Mlp implements AutoCloseable {

    private final int inputs;
    private final int hidden;
    private final int outputs;
    private final Model model;
    private final Trainer trainer;

    /**
     * @param parameters bytes from {@link #parameters()} of an Mlp of the same shape, or null for a fresh one
     * @param seed       seeds PyTorch's initialisation
     */
    Mlp(int inputs, int hidden, int outputs, double learningRate, byte[] parameters, long seed) {
        DjlRuntime.start(DjlRuntime.defaultCacheDir());
        ai.djl.engine.Engine.getInstance().setRandomSeed((int) seed);
        this.inputs = inputs;
        this.hidden = hidden;
        this.outputs = outputs;
        this.model = Model.newInstance("prescient-mlp");
        model.setBlock(block(hidden, outputs));
        this.trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).optClipGrad(1f).build()));
        trainer.initialize(new Shape(1, inputs));
        if (parameters != null) {
            load(parameters);
        }
    }

    static SequentialBlock block(int hidden, int outputs) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(hidden).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(outputs).build());
    }

    int outputs() {
        return outputs;
    }

    float[][] predict(float[][] x) {
        float[][] out = new float[x.length][outputs];
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray y = model.getBlock().forward(new ParameterStore(manager, false), new NDList(array(manager, x)), false)
                    .singletonOrThrow();
            float[] flat = y.toFloatArray();
            for (int i = 0; i < x.length; i++) {
                System.arraycopy(flat, i * outputs, out[i], 0, outputs);
            }
        }
        return out;
    }

    /** One Adam step on {@code loss(outputs, manager)}; returns the loss. */
    double step(float[][] x, BiFunction<NDArray, NDManager, NDArray> loss) {
        double value;
        try (NDManager manager = trainer.getManager().newSubManager();
             GradientCollector collector = trainer.newGradientCollector()) {
            NDArray y = trainer.forward(new NDList(array(manager, x))).singletonOrThrow();
            NDArray l = loss.apply(y, manager);
            collector.backward(l);
            value = l.getFloat();
        }
        trainer.step();
        return value;
    }

    static NDArray array(NDManager manager, float[][] x) {
        int n = x.length;
        int f = n == 0 ? 0 : x[0].length;
        float[] flat = new float[n * f];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, flat, i * f, f);
        }
        return manager.create(flat, new Shape(n, f));
    }

    byte[] parameters() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.getBlock().saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the network's parameters: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** Copies saved values into the trained parameters in place (keeping the trainer's gradients attached). */
    private void load(byte[] parameters) {
        SequentialBlock saved = block(hidden, outputs);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            saved.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
                saved.loadParameters(manager, in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the network's parameters: " + e.getMessage(), e);
            } catch (MalformedModelException e) {
                throw new IllegalArgumentException("the saved parameters do not fit a " + inputs + "-" + hidden + "-" + outputs
                        + " network: " + e.getMessage(), e);
            }
            List<Pair<String, Parameter>> from = saved.getParameters().stream().toList();
            List<Pair<String, Parameter>> to = model.getBlock().getParameters().stream().toList();
            for (int i = 0; i < to.size(); i++) {
                to.get(i).getValue().getArray().set(from.get(i).getValue().getArray().toFloatArray());
            }
        }
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
