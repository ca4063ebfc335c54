package io.prescient.neural.pretrained;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Pretrains the patch mixer on a corpus: the real series given (each cut before its last stretch,
 * which is held out for validation) and a pool of {@link SyntheticSeries}, drawn in a fixed share,
 * with TSMix mixing. The validation set is the held-out end of the real series plus synthetic series
 * never trained on, scored standardised so that every series counts alike.
 */
public final class Pretraining {

    /**
     * @param spec            the network's shape
     * @param settings        batch, validation rounds, step limit, budget, learning rate, seed
     * @param syntheticSeries synthetic series in the pool
     * @param syntheticLength steps of each
     * @param syntheticShare  share of training windows drawn from the synthetic pool
     * @param mixProbability  share of windows that mix two series
     */
    public record Options(MixerSpec spec, MixerTrainer.Settings settings, int syntheticSeries, int syntheticLength,
                          double syntheticShare, double mixProbability) {

        /** The shipped recipe for a budget of {@code seconds}. */
        public static Options standard(double seconds, long seed) {
            return new Options(MixerSpec.standard(), new MixerTrainer.Settings(128, 250, Integer.MAX_VALUE, seconds, 1e-3, seed),
                    3000, 4096, 0.5, 0.1);
        }
    }

    /** Real series whose held-out end is validated, at most. */
    static final int REAL_VALIDATION = 600;
    /** Synthetic series validated. */
    static final int SYNTHETIC_VALIDATION = 200;
    /** Steps of the horizon weighted as much as all the others, so that short-term accuracy counts. */
    static final int EARLY = 64;

    private final Consumer<String> log;

    public Pretraining(Consumer<String> log) {
        this.log = log;
    }

    public MixerTrainer.Result run(List<CorpusSeries> real, Options options) {
        return run(real, options, null);
    }

    /**
     * @param start a network to continue pretraining (its shape is kept), or null for fresh weights
     */
    public MixerTrainer.Result run(List<CorpusSeries> real, Options options, MixerNet start) {
        MixerSpec spec = start == null ? options.spec() : start.spec();
        long seed = options.settings().seed();
        List<double[]> training = new ArrayList<>();
        List<Window> validation = new ArrayList<>();
        int every = Math.max(1, real.size() / REAL_VALIDATION);
        for (int i = 0; i < real.size(); i++) {
            double[] y = real.get(i).values();
            int held = Math.min(spec.horizon(), y.length / 5);
            if (held < 1) {
                continue;
            }
            training.add(Arrays.copyOf(y, y.length - held));
            if (i % every == 0) {
                Window w = Window.at(y, y.length - held, spec, held, EARLY);
                if (w != null && w.labelled()) {
                    validation.add(w);
                }
            }
        }
        log.accept(String.format(Locale.ROOT, "corpus: %d real series (%s), %d synthetic of %d steps; %d validation windows from the real ones",
                training.size(), sources(real), options.syntheticSeries(), options.syntheticLength(), validation.size()));
        SplittableRandom synth = new SplittableRandom(seed ^ 0x5EED5);
        List<double[]> pool = new ArrayList<>(options.syntheticSeries());
        for (int i = 0; i < options.syntheticSeries(); i++) {
            pool.add(SyntheticSeries.draw(options.syntheticLength(), synth));
        }
        SplittableRandom held = new SplittableRandom(seed ^ 0xC0FFEE);
        int length = spec.context() + spec.horizon();
        for (int i = 0; i < SYNTHETIC_VALIDATION; i++) {
            Window w = Window.at(SyntheticSeries.draw(length, held), spec.context(), spec, spec.horizon(), EARLY);
            if (w != null && w.labelled()) {
                validation.add(w);
            }
        }
        if (pool.isEmpty() && training.isEmpty()) {
            throw new IllegalArgumentException("nothing to pretrain on: no real series and no synthetic ones");
        }
        MixerTrainer.Batches realWindows = training.isEmpty() ? null
                : new SeriesWindows(training, spec, spec.horizon(), EARLY, options.mixProbability());
        MixerTrainer.Batches synthetic = pool.isEmpty() ? realWindows
                : new SeriesWindows(pool, spec, spec.horizon(), EARLY, options.mixProbability());
        MixerTrainer.Batches observed = realWindows == null ? synthetic : realWindows;
        MixerTrainer.Batches both = (size, random) -> {
            int fromSynthetic = 0;
            for (int i = 0; i < size; i++) {
                fromSynthetic += random.nextDouble() < options.syntheticShare() ? 1 : 0;
            }
            List<Window> out = new ArrayList<>(synthetic.next(fromSynthetic, random));
            out.addAll(observed.next(size - fromSynthetic, random));
            return out;
        };
        String provenance = String.format(Locale.ROOT,
                (start == null ? "" : "continued: ") + "pretrained on %d real series (%s) and %d synthetic series of %d steps (seed %d), %.0f%% of windows synthetic, "
                        + "%.0f%% mixed; context %d, patch %d, width %d, depth %d, head %d, horizon %d",
                training.size(), sources(real), options.syntheticSeries(), options.syntheticLength(), seed,
                100 * options.syntheticShare(), 100 * options.mixProbability(), spec.context(), spec.patch(), spec.width(),
                spec.depth(), spec.head(), spec.horizon());
        return new MixerTrainer(options.settings(), log).train(spec, start, both, validation, false, provenance);
    }

    /** Series per source, e.g. {@code nab 34, genai 420}. */
    static String sources(List<CorpusSeries> real) {
        Map<String, Integer> counts = new TreeMap<>();
        for (CorpusSeries s : real) {
            counts.merge(s.source(), 1, Integer::sum);
        }
        return counts.isEmpty() ? "none" : counts.toString().replaceAll("[{}]", "").replace("=", " ");
    }
}
