package io.prescient.neural.pretrained;

import java.util.Arrays;

/**
 * One input to the mixer and, when it has them, its labels: the {@code context} steps before an
 * origin standardised by their own mean and spread (missing and before-the-start steps are 0 with
 * mask 0), and the next {@code horizon} steps standardised the same way with their loss weights
 * (0 where unobserved or not scored).
 *
 * @param past   [context x 2]: standardised value, 1 where observed
 * @param target [horizon] standardised labels (0 where unobserved)
 * @param weight [horizon] loss weights
 * @param loc    the context's mean
 * @param scale  the context's spread (standard deviation, floored at 2% of its mean magnitude)
 */
public record Window(float[] past, float[] target, float[] weight, double loc, double scale) {

    /** Standardised inputs beyond this magnitude are clipped: one outlier must not saturate the net. */
    static final float CLIP = 30f;

    /**
     * Standardised labels beyond this magnitude are clipped: a context nearly flat before a jump
     * standardises the jump to thousands, and one such window would outweigh a batch.
     */
    static final float LABEL_CLIP = 50f;

    /** Observed context steps a window needs. */
    static final int MIN_OBSERVED = 16;

    /** A value in the series' units. */
    public double restore(double standardised) {
        return loc + scale * standardised;
    }

    /**
     * The window at {@code origin} of a series (steps before it are the context, from it the labels).
     *
     * @param scored steps of the horizon the loss counts (the rest weigh 0)
     * @param early  extra weight of the first {@code early} steps, so that short-term accuracy is not
     *               drowned by a long horizon (0 for none)
     * @return the window, or null when the context has fewer than {@value #MIN_OBSERVED} observed values
     */
    public static Window at(double[] y, int origin, MixerSpec spec, int scored, int early) {
        return at(y, origin, spec, scored, early, spec.context());
    }

    /**
     * As {@link #at(double[], int, MixerSpec, int, int)} reading only the last {@code reads} steps
     * before the origin (the earlier ones are left unobserved, as before a series' start).
     */
    public static Window at(double[] y, int origin, MixerSpec spec, int scored, int early, int reads) {
        int c = spec.context();
        int first = Math.max(0, origin - Math.min(c, reads));
        double sum = 0;
        int n = 0;
        for (int i = first; i < origin; i++) {
            if (!Double.isNaN(y[i])) {
                sum += y[i];
                n++;
            }
        }
        if (n < MIN_OBSERVED) {
            return null;
        }
        double loc = sum / n;
        double ss = 0;
        double abs = 0;
        for (int i = first; i < origin; i++) {
            if (!Double.isNaN(y[i])) {
                ss += (y[i] - loc) * (y[i] - loc);
                abs += Math.abs(y[i]);
            }
        }
        double scale = Math.max(Math.sqrt(ss / n), Math.max(0.02 * abs / n, 1e-8));
        float[] past = new float[2 * c];
        for (int k = 0; k < c; k++) {
            int i = origin - c + k;
            if (i >= first && !Double.isNaN(y[i])) {
                past[2 * k] = clip((y[i] - loc) / scale);
                past[2 * k + 1] = 1f;
            }
        }
        int h = spec.horizon();
        float[] target = new float[h];
        float[] weight = new float[h];
        float boost = early > 0 && early < scored ? (float) (scored - early) / early : 0f;
        for (int k = 0; k < Math.min(scored, h); k++) {
            int i = origin + k;
            if (i < y.length && !Double.isNaN(y[i])) {
                target[k] = (float) Math.max(-LABEL_CLIP, Math.min(LABEL_CLIP, (y[i] - loc) / scale));
                weight[k] = 1f + (k < early ? boost : 0f);
            }
        }
        return new Window(past, target, weight, loc, scale);
    }

    /** Whether any label counts. */
    public boolean labelled() {
        for (float w : weight) {
            if (w > 0) {
                return true;
            }
        }
        return false;
    }

    private static float clip(double v) {
        return (float) Math.max(-CLIP, Math.min(CLIP, v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Window w && Arrays.equals(past, w.past) && Arrays.equals(target, w.target)
                && Arrays.equals(weight, w.weight) && loc == w.loc && scale == w.scale;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(past) * 31 + Arrays.hashCode(target);
    }
}
