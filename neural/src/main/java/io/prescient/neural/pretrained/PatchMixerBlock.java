package io.prescient.neural.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * A patch mixer (TSMixer and TTM's design, small): the standardised context and its observed-mask
 * are cut into tokens of {@code patch} steps, embedded, and mixed by layers that alternate an MLP
 * across tokens (time) and one across features, each with layer norm and a residual. The head reads
 * every token and the last {@value MixerSpec#RECENT} values as they are, and writes each horizon
 * step's quantiles as non-crossing increments from the lowest, around the last step's standardised
 * value (0, the context's mean, when that step is missing).
 * Input: [batch, context, 2] (standardised value, 1 where observed); output: [batch, horizon, levels],
 * standardised, or only the first steps when the forward pass names them ({@value #STEPS}).
 */
final class PatchMixerBlock extends AbstractBlock {

    private static final byte VERSION = 1;
    /** The forward pass's parameter naming how many horizon steps to compute (default: all). */
    static final String STEPS = "steps";

    private final MixerSpec spec;
    private final Linear embedding;
    private final List<Layer> layers = new ArrayList<>();
    private final Linear hidden;
    private final Linear output;

    /** One mixer layer's blocks. */
    private record Layer(LayerNorm timeNorm, Linear timeUp, Linear timeDown, LayerNorm featureNorm, Linear featureUp,
                         Linear featureDown) {
    }

    PatchMixerBlock(MixerSpec spec) {
        super(VERSION);
        this.spec = spec;
        this.embedding = addChildBlock("embedding", Linear.builder().setUnits(spec.width()).build());
        for (int i = 0; i < spec.depth(); i++) {
            layers.add(new Layer(
                    addChildBlock("time_norm" + i, LayerNorm.builder().build()),
                    addChildBlock("time_up" + i, Linear.builder().setUnits(2L * spec.tokens()).build()),
                    addChildBlock("time_down" + i, Linear.builder().setUnits(spec.tokens()).build()),
                    addChildBlock("feature_norm" + i, LayerNorm.builder().build()),
                    addChildBlock("feature_up" + i, Linear.builder().setUnits(2L * spec.width()).build()),
                    addChildBlock("feature_down" + i, Linear.builder().setUnits(spec.width()).build())));
        }
        this.hidden = addChildBlock("head", Linear.builder().setUnits(spec.head()).build());
        this.output = addChildBlock("quantiles", Linear.builder().setUnits((long) spec.horizon() * spec.levels().length).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray past = inputs.singletonOrThrow();
        long batch = past.getShape().get(0);
        NDArray x = one(embedding, store, past.reshape(batch, spec.tokens(), 2L * spec.patch()), training);
        for (Layer l : layers) {
            NDArray t = one(l.timeNorm(), store, x, training).transpose(0, 2, 1);
            t = one(l.timeDown(), store, Activation.gelu(one(l.timeUp(), store, t, training)), training);
            x = x.add(t.transpose(0, 2, 1));
            NDArray f = one(l.featureNorm(), store, x, training);
            x = x.add(one(l.featureDown(), store, Activation.gelu(one(l.featureUp(), store, f, training)), training));
        }
        NDArray values = past.get(":, " + (spec.context() - MixerSpec.RECENT) + ":, 0");
        NDArray features = x.reshape(batch, (long) spec.tokens() * spec.width()).concat(values, 1);
        int steps = stepsWanted(params);
        NDArray head = Activation.gelu(one(hidden, store, features, training));
        NDArray raw = (steps == spec.horizon() ? one(output, store, head, training) : firstSteps(store, head, steps, training))
                .reshape(batch, steps, spec.levels().length);
        NDArray lowest = raw.get("..., 0:1");
        NDArray increasing = lowest.concat(lowest.add(Activation.softPlus(raw.get("..., 1:")).cumSum(2)), 2);
        NDArray last = past.get(":, " + (spec.context() - 1) + ", 0").reshape(batch, 1, 1);
        return new NDList(increasing.add(last));
    }

    /** The horizon asked for in {@code params} ({@value #STEPS}), or the whole horizon. */
    private int stepsWanted(PairList<String, Object> params) {
        Object steps = params == null ? null : params.get(STEPS);
        return steps == null ? spec.horizon() : Math.min(spec.horizon(), Math.max(1, (Integer) steps));
    }

    /**
     * The output layer's rows for the first {@code steps} steps only (its rows are step-major): a
     * 48-step forecast from the 720-step head computes 48/720 of that layer.
     */
    private NDArray firstSteps(ParameterStore store, NDArray head, int steps, boolean training) {
        long rows = (long) steps * spec.levels().length;
        NDArray weight = store.getValue(output.getParameters().get("weight"), head.getDevice(), training);
        NDArray bias = store.getValue(output.getParameters().get("bias"), head.getDevice(), training);
        // slices made in the pass's own manager: made in the parameters' manager, they would outlive it
        NDIndex first = new NDIndex("0:" + rows);
        return Linear.linear(head, weight.get(head.getManager(), first), bias.get(head.getManager(), first)).singletonOrThrow();
    }

    private static NDArray one(ai.djl.nn.Block block, ParameterStore store, NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        // the whole horizon: a forward pass that names fewer steps returns only those
        return new Shape[] {new Shape(inputShapes[0].get(0), spec.horizon(), spec.levels().length)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        long tokens = spec.tokens();
        long width = spec.width();
        embedding.initialize(manager, dataType, new Shape(batch, tokens, 2L * spec.patch()));
        for (Layer l : layers) {
            l.timeNorm().initialize(manager, dataType, new Shape(batch, tokens, width));
            l.timeUp().initialize(manager, dataType, new Shape(batch, width, tokens));
            l.timeDown().initialize(manager, dataType, new Shape(batch, width, 2 * tokens));
            l.featureNorm().initialize(manager, dataType, new Shape(batch, tokens, width));
            l.featureUp().initialize(manager, dataType, new Shape(batch, tokens, width));
            l.featureDown().initialize(manager, dataType, new Shape(batch, tokens, 2 * width));
        }
        hidden.initialize(manager, dataType, new Shape(batch, tokens * width + MixerSpec.RECENT));
        output.initialize(manager, dataType, new Shape(batch, spec.head()));
    }
}
