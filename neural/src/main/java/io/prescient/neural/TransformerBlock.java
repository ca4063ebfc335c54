package io.prescient.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.transformer.TransformerEncoderBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * A small Transformer forecaster: the context is cut into patches (PatchTST's tokens, here
 * {@code patch} steps each, with their relative position as one more input), the horizon into
 * patches of {@code futurePatch} steps of known future features, and self-attention layers over
 * past and future tokens together let each future patch look at the whole context and at the
 * other future patches. Each future token's output holds the quantiles of its steps
 * ({@link QuantileOutput}). At most 24 tokens each for past and future keep attention cheap on a CPU.
 * Inputs: past [batch, context, pastFeatures], future [batch, horizon, futureFeatures];
 * output: [batch, horizon, quantiles], standardised.
 */
final class TransformerBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Linear pastEmbedding;
    private final Linear futureEmbedding;
    private final List<TransformerEncoderBlock> layers = new ArrayList<>();
    private final Linear head;
    private final int width;
    private final int patch;
    private final int futurePatch;
    private final int horizon;
    private final int quantiles;

    TransformerBlock(int width, int heads, int depth, int context, int horizon, int quantiles) {
        super(VERSION);
        this.width = width;
        this.patch = patchFor(context);
        this.futurePatch = futurePatchFor(horizon);
        this.horizon = horizon;
        this.quantiles = quantiles;
        this.pastEmbedding = addChildBlock("past", Linear.builder().setUnits(width).build());
        this.futureEmbedding = addChildBlock("future", Linear.builder().setUnits(width).build());
        for (int i = 0; i < depth; i++) {
            layers.add(addChildBlock("layer" + i, new TransformerEncoderBlock(width, heads, 2 * width, 0.1f, Activation::gelu)));
        }
        this.head = addChildBlock("quantiles", Linear.builder().setUnits((long) futurePatch * quantiles).build());
    }

    /** Patch length for a context: a 24th of it when that divides evenly, else single steps. */
    static int patchFor(int context) {
        return context % 24 == 0 ? Math.max(1, context / 24) : 1;
    }

    /** The shortest patch that divides the horizon into at most 24 tokens (the horizon itself if none does). */
    static int futurePatchFor(int horizon) {
        for (int p = 1; p <= horizon; p++) {
            if (horizon % p == 0 && horizon / p <= 24) {
                return p;
            }
        }
        return horizon;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray past = inputs.get(0);
        NDArray future = inputs.get(1);
        NDArray tokens = pastTokens(past);
        NDArray embeddedPast = pastEmbedding.forward(store, new NDList(tokens), training).singletonOrThrow();
        Shape f = future.getShape();
        NDArray futureTokens = future.reshape(f.get(0), horizon / futurePatch, futurePatch * f.get(2));
        NDArray embeddedFuture = futureEmbedding.forward(store, new NDList(futureTokens), training).singletonOrThrow();
        NDArray x = embeddedPast.concat(embeddedFuture, 1);
        for (TransformerEncoderBlock layer : layers) {
            x = layer.forward(store, new NDList(x), training).singletonOrThrow();
        }
        long pastCount = tokens.getShape().get(1);
        NDArray atFuture = x.get(":, " + pastCount + ":, :");
        NDArray raw = head.forward(store, new NDList(atFuture), training).singletonOrThrow()
                .reshape(f.get(0), horizon, quantiles);
        return new NDList(QuantileOutput.monotone(raw, future));
    }

    /** [batch, context, features] to [batch, context / patch, patch * features + 1], the last input the position. */
    private NDArray pastTokens(NDArray past) {
        Shape s = past.getShape();
        long batch = s.get(0);
        long count = s.get(1) / patch;
        NDArray patches = past.reshape(batch, count, patch * s.get(2));
        NDArray position = past.getManager().arange(0f, (float) count, 1f, DataType.FLOAT32).div(count)
                .reshape(1, count, 1).broadcast(new Shape(batch, count, 1));
        return patches.concat(position, 2);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[1].get(0), horizon, quantiles)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape past = inputShapes[0];
        Shape future = inputShapes[1];
        long batch = past.get(0);
        long count = past.get(1) / patch;
        pastEmbedding.initialize(manager, dataType, new Shape(batch, count, patch * past.get(2) + 1));
        long futureCount = horizon / futurePatch;
        futureEmbedding.initialize(manager, dataType, new Shape(batch, futureCount, futurePatch * future.get(2)));
        for (TransformerEncoderBlock layer : layers) {
            layer.initialize(manager, dataType, new Shape(batch, count + futureCount, width));
        }
        head.initialize(manager, dataType, new Shape(batch, futureCount, width));
    }
}
