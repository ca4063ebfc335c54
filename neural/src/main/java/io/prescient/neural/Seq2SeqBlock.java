package io.prescient.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * An LSTM encoder with a multi-horizon quantile decoder (the MQ-RNN design of Wen et al., 2017):
 * the encoder reads the past features; its last state, joined with each future step's known
 * features, passes through a shared two-layer decoder that outputs every quantile of that step.
 * Quantiles are made non-crossing and are offsets from the daily-profile baseline
 * ({@link QuantileOutput}).
 * Inputs: past [batch, context, pastFeatures], future [batch, horizon, futureFeatures];
 * output: [batch, horizon, quantiles], in units of the series' scale.
 */
final class Seq2SeqBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final LSTM encoder;
    private final Linear decoder;
    private final Linear head;
    private final int hidden;
    private final int horizon;
    private final int quantiles;

    Seq2SeqBlock(int hidden, int horizon, int quantiles) {
        super(VERSION);
        this.hidden = hidden;
        this.horizon = horizon;
        this.quantiles = quantiles;
        this.encoder = addChildBlock("encoder", LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true)
                .optReturnState(false).build());
        this.decoder = addChildBlock("decoder", Linear.builder().setUnits(hidden).build());
        this.head = addChildBlock("quantiles", Linear.builder().setUnits(quantiles).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray past = inputs.get(0);
        NDArray future = inputs.get(1);
        NDArray encoded = encoder.forward(store, new NDList(past), training).get(0);
        NDArray last = encoded.get(":, -1, :");
        NDArray context = last.expandDims(1).repeat(1, horizon);
        long futures = future.getShape().get(0);
        if (past.getShape().get(0) == 1 && futures > 1) {
            // one past, many futures (simulated futures of one series' covariates): the encoder ran once
            context = context.repeat(0, futures);
        }
        NDArray joined = context.concat(future, 2);
        NDArray hiddenOut = Activation.relu(decoder.forward(store, new NDList(joined), training).singletonOrThrow());
        NDArray raw = head.forward(store, new NDList(hiddenOut), training).singletonOrThrow();
        return new NDList(QuantileOutput.monotone(raw, future));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[1].get(0), horizon, quantiles)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape past = inputShapes[0];
        Shape future = inputShapes[1];
        encoder.initialize(manager, dataType, past);
        decoder.initialize(manager, dataType, new Shape(future.get(0), horizon, hidden + future.get(2)));
        head.initialize(manager, dataType, new Shape(future.get(0), horizon, hidden));
    }
}
