package io.prescient.neural.pretrained;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training windows from a set of series: a series at random (each equally likely), an origin at
 * random in its training part, and with probability {@code mixProbability} a convex mix of two such
 * windows in standardised units (Chronos's TSMix), so that the network sees shapes no single series has.
 * The labels stop at each series' training end: what follows is left for validation.
 */
final class SeriesWindows implements MixerTrainer.Batches {

    private final List<double[]> series;
    private final MixerSpec spec;
    private final int scored;
    private final int early;
    private final double mixProbability;

    /** @param series each series cut at its training end */
    SeriesWindows(List<double[]> series, MixerSpec spec, int scored, int early, double mixProbability) {
        this.series = series.stream().filter(s -> s.length > Window.MIN_OBSERVED + 1).toList();
        if (this.series.isEmpty()) {
            throw new IllegalArgumentException("no series has more than " + (Window.MIN_OBSERVED + 1) + " steps to train on");
        }
        this.spec = spec;
        this.scored = scored;
        this.early = early;
        this.mixProbability = mixProbability;
    }

    @Override
    public List<Window> next(int size, SplittableRandom random) {
        List<Window> out = new ArrayList<>(size);
        int tries = 0;
        while (out.size() < size) {
            if (++tries > 100 * size) {
                throw new IllegalStateException("cannot draw labelled windows: the series are mostly missing");
            }
            Window w = one(random);
            if (w == null) {
                continue;
            }
            if (random.nextDouble() < mixProbability) {
                Window other = one(random);
                if (other != null) {
                    w = mix(w, other, 0.2 + 0.6 * random.nextDouble());
                }
            }
            out.add(w);
        }
        return out;
    }

    private Window one(SplittableRandom random) {
        double[] y = series.get(random.nextInt(series.size()));
        int origin = Window.MIN_OBSERVED + random.nextInt(y.length - Window.MIN_OBSERVED);
        Window w = Window.at(y, origin, spec, scored, early);
        return w != null && w.labelled() ? w : null;
    }

    /** λa + (1-λ)b over the steps both observe. */
    static Window mix(Window a, Window b, double lambda) {
        float l = (float) lambda;
        float[] past = new float[a.past().length];
        for (int i = 0; i < past.length; i += 2) {
            boolean both = a.past()[i + 1] > 0 && b.past()[i + 1] > 0;
            past[i] = both ? l * a.past()[i] + (1 - l) * b.past()[i] : 0f;
            past[i + 1] = both ? 1f : 0f;
        }
        float[] target = new float[a.target().length];
        float[] weight = new float[target.length];
        for (int k = 0; k < target.length; k++) {
            boolean both = a.weight()[k] > 0 && b.weight()[k] > 0;
            target[k] = both ? l * a.target()[k] + (1 - l) * b.target()[k] : 0f;
            weight[k] = both ? Math.min(a.weight()[k], b.weight()[k]) : 0f;
        }
        Window m = new Window(past, target, weight, 0, 1);
        return m.labelled() ? m : a;
    }
}
