package io.prescient.neural;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import java.io.Serializable;
import java.util.List;

/**
 * A trained network: its settings and parameters (bytes, so that fitted models serialise with it).
 * The DJL model is rebuilt from the bytes on first use in a JVM and shared by every series;
 * inference runs one batch at a time.
 */
public final class NeuralNet implements Serializable {

    private static final long serialVersionUID = 1L;

    private final NeuralSpec spec;
    private final byte[] parameters;
    private transient Model model;

    NeuralNet(NeuralSpec spec, byte[] parameters) {
        this.spec = spec;
        this.parameters = parameters.clone();
    }

    public NeuralSpec spec() {
        return spec;
    }

    /** Size of the parameters in bytes. */
    public int sizeBytes() {
        return parameters.length;
    }

    static Block block(NeuralSpec spec) {
        return switch (spec.architecture()) {
            case LSTM -> new Seq2SeqBlock(spec.hidden(), spec.horizon(), spec.levels().length);
            case TRANSFORMER -> new TransformerBlock(spec.hidden(), spec.heads(), spec.depth(),
                    spec.context(), spec.horizon(), spec.levels().length);
        };
    }

    /**
     * Quantiles of each sample, in the series' units: {@code [sample][step][level]}.
     */
    public synchronized double[][][] predict(List<Features.Sample> samples) {
        return predict(samples, false);
    }

    /**
     * As {@link #predict(List)} for samples of one series at one origin that differ only in their
     * future inputs (simulated futures of its covariates): the LSTM encodes the shared past once and
     * decodes every future from it.
     */
    public synchronized double[][][] predictFutures(List<Features.Sample> samples) {
        return predict(samples, spec.architecture() == NeuralSpec.Architecture.LSTM);
    }

    private double[][][] predict(List<Features.Sample> samples, boolean sharedPast) {
        Model m = model();
        int n = samples.size();
        int c = spec.context();
        int h = spec.horizon();
        int q = spec.levels().length;
        double[][][] out = new double[n][h][q];
        try (NDManager manager = m.getNDManager().newSubManager()) {
            NDList inputs = sharedPast ? Batches.sharedPast(manager, spec, samples) : Batches.inputs(manager, spec, samples);
            NDArray predicted = m.getBlock().forward(new ParameterStore(manager, false), inputs, false).singletonOrThrow();
            float[] flat = predicted.toFloatArray();
            for (int i = 0; i < n; i++) {
                Features.Sample sample = samples.get(i);
                for (int j = 0; j < h; j++) {
                    for (int k = 0; k < q; k++) {
                        out[i][j][k] = sample.restore(flat[(i * h + j) * q + k]);
                    }
                }
            }
        }
        return out;
    }

    private Model model() {
        if (model == null) {
            DjlRuntime.start(DjlRuntime.defaultCacheDir());
            Model m = Model.newInstance("prescient-seq2seq");
            Block block = block(spec);
            m.setBlock(block);
            block.initialize(m.getNDManager(), DataType.FLOAT32, new Shape(1, spec.context(), spec.pastFeatures()),
                    new Shape(1, spec.horizon(), spec.futureFeatures()));
            BlockParameters.load(block, m.getNDManager(), parameters);
            model = m;
        }
        return model;
    }
}
