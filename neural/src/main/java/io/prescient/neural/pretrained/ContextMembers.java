package io.prescient.neural.pretrained;

import java.util.ArrayList;
import java.util.List;

/**
 * The windows one forecast reads, and how their quantiles combine: the network reads the whole
 * context, and again only its last {@value #RECENT} steps (standardised by their own mean and spread,
 * so the recent level and noise are not diluted by older days), and each quantile is a weighted
 * average of the two readings. The recent reading weighs as much as the whole one for the first
 * {@value #RECENT}/2 steps ahead, then less, linearly, to nothing from step {@value #RECENT} on: a
 * reading of 128 steps does not speak for the 129th, and the forecast does not jump where it stops.
 * It is left out when the past holds fewer than twice {@value #RECENT} steps (the two readings would
 * nearly coincide) and when the recent stretch is idle (flat, at under a tenth of the whole context's
 * level): a batch job between runs must not halve the band of its next run. A recent stretch flat
 * at the level the series holds is kept: there the recent reading is what keeps the forecast level.
 * Chosen on the pretraining corpus's held-out ends (1,608 real series, no Bitbrains; figures in
 * docs/benchmarks.md).
 *
 * @param windows the readings' windows, the whole context first
 * @param reads   steps of the past each reading covers (at most the context)
 */
record ContextMembers(List<Window> windows, int[] reads) {

    /** Steps the recent reading covers. */
    static final int RECENT = 128;
    /** A flat recent stretch below this share of the whole context's level is idle. */
    static final double IDLE = 0.1;

    /**
     * The readings of a forecast from {@code origin} of {@code y}, labelled for {@code scored} steps
     * (0 for none); null when the context has too little observed to standardise.
     */
    static ContextMembers at(double[] y, int origin, MixerSpec spec, int scored) {
        Window whole = Window.at(y, origin, spec, scored, 0);
        if (whole == null) {
            return null;
        }
        int available = Math.min(origin, spec.context());
        Window recent = available >= 2 * RECENT ? Window.at(y, origin, spec, scored, 0, RECENT) : null;
        if (recent == null || idle(recent, whole)) {
            return new ContextMembers(List.of(whole), new int[] {available});
        }
        return new ContextMembers(List.of(whole, recent), new int[] {available, RECENT});
    }

    /**
     * Whether the recent stretch is idle: flat (its spread the floor rather than the data's: its
     * observed values, standardised, spread less than 1) at under {@value #IDLE} of the whole
     * context's level, as a batch job between runs.
     */
    static boolean idle(Window recent, Window whole) {
        float[] past = recent.past();
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int i = 0; i < past.length; i += 2) {
            if (past[i + 1] > 0) {
                sum += past[i];
                squares += past[i] * past[i];
                n++;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean < 0.98 && Math.abs(recent.loc()) < IDLE * Math.abs(whole.loc());
    }

    /** The whole context's window (its labels are every reading's). */
    Window whole() {
        return windows.get(0);
    }

    /** Every reading's window of the forecasts, in order, for one batched pass. */
    static List<Window> flatten(List<ContextMembers> forecasts) {
        List<Window> out = new ArrayList<>();
        for (ContextMembers m : forecasts) {
            out.addAll(m.windows());
        }
        return out;
    }

    /** The weight of reading {@code k} at step {@code h} (0-based) ahead, the whole context's being 1. */
    double weight(int k, int h) {
        if (k == 0) {
            return 1;
        }
        double half = reads[k] / 2.0;
        return h < half ? 1 : Math.max(0, (reads[k] - h) / half);
    }

    /**
     * The combined quantiles, {@code [step][level]}, from the readings' predictions
     * {@code predicted[from]}, {@code predicted[from + 1]}, ...
     */
    double[][] combine(double[][][] predicted, int from) {
        int steps = predicted[from].length;
        int levels = predicted[from][0].length;
        double[][] out = new double[steps][levels];
        for (int h = 0; h < steps; h++) {
            double total = 0;
            for (int k = 0; k < windows.size(); k++) {
                double w = weight(k, h);
                total += w;
                for (int l = 0; l < levels; l++) {
                    out[h][l] += w * predicted[from + k][h][l];
                }
            }
            for (int l = 0; l < levels; l++) {
                out[h][l] /= total;
            }
        }
        return out;
    }
}
