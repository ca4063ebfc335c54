package io.prescient.neural.pretrained;

import java.io.Serializable;

/**
 * The patch mixer's shape.
 *
 * @param context past steps it reads (a multiple of {@code patch})
 * @param patch   steps per token
 * @param width   token width
 * @param depth   mixer layers
 * @param head    width of the forecast head's hidden layer
 * @param horizon steps it forecasts in one pass
 * @param levels  quantile levels it outputs, increasing
 */
public record MixerSpec(int context, int patch, int width, int depth, int head, int horizon, double[] levels)
        implements Serializable {

    /** Steps of the context the head also reads one by one, besides the tokens: the recent level and shape. */
    public static final int RECENT = 64;

    public MixerSpec {
        if (patch < 1 || context < RECENT || context % patch != 0) {
            throw new IllegalArgumentException("the context (" + context + ") must be a multiple of the patch (" + patch
                    + ") and at least " + RECENT + " steps");
        }
        if (width < 1 || depth < 1 || head < 1 || horizon < 1 || levels.length < 1) {
            throw new IllegalArgumentException("width, depth, head, horizon and levels must be positive");
        }
        for (int k = 1; k < levels.length; k++) {
            if (!(levels[k] > levels[k - 1])) {
                throw new IllegalArgumentException("quantile levels must increase");
            }
        }
        levels = levels.clone();
    }

    /** Tokens the context is cut into. */
    public int tokens() {
        return context / patch;
    }

    /**
     * The shipped shape: 1,024 steps of context (3.5 days at 5 minutes, 6 weeks hourly) in 32 tokens
     * of 32 steps, three mixer layers of width 96, and 720 steps of the 13 planning quantiles.
     */
    public static MixerSpec standard() {
        return new MixerSpec(1024, 32, 96, 3, 192, 720, io.prescient.neural.NeuralSpec.LEVELS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MixerSpec s && context == s.context && patch == s.patch && width == s.width && depth == s.depth
                && head == s.head && horizon == s.horizon && java.util.Arrays.equals(levels, s.levels);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(context, patch, width, depth, head, horizon, java.util.Arrays.hashCode(levels));
    }
}
