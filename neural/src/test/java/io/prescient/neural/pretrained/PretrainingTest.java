package io.prescient.neural.pretrained;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pretraining pipeline end to end on a small shape: it learns (validation loss falls), the
 * artifact round-trips exactly, a zero-shot forecast is a proper forecast in the series' units, and
 * fine-tuning never keeps weights worse on the held-out stretch than the pretrained ones.
 */
class PretrainingTest {

    static final MixerSpec SMALL = new MixerSpec(96, 16, 16, 1, 32, 24, new double[] {0.1, 0.5, 0.9});
    static final long HOUR = 3600;

    /** Hourly series: a daily cycle at a random level and phase, noise. */
    static double[] daily(int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double level = 10 + 1000 * r.nextDouble();
        double phase = r.nextDouble() * 2 * Math.PI;
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = level * (1 + 0.5 * Math.sin(2 * Math.PI * t / 24 + phase) + 0.05 * r.nextGaussian());
        }
        return y;
    }

    static MixerTrainer.Result pretrain(int steps) {
        List<CorpusSeries> real = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            real.add(new CorpusSeries("s" + i, "test", HOUR, daily(600, i)));
        }
        Pretraining.Options options = new Pretraining.Options(SMALL, new MixerTrainer.Settings(32, 25, steps, 600, 3e-3, 7),
                50, 400, 0.3, 0.1);
        return new Pretraining(line -> { }).run(real, options);
    }

    @Test
    void pretrainingLearnsAndTheArtifactRoundTrips(@TempDir Path dir) throws Exception {
        MixerTrainer.Result r = pretrain(150);
        assertEquals(150, r.report().steps());
        assertTrue(r.report().bestLoss() < 0.5 * r.report().startLoss(),
                "validation loss falls by half: " + r.report().startLoss() + " -> " + r.report().bestLoss());
        assertTrue(r.net().provenance().contains("40 real series (test 40)"), r.net().provenance());

        Path file = dir.resolve("mixer.bin");
        r.net().write(file);
        MixerNet read = MixerNet.read(file);
        assertEquals(SMALL, read.spec());
        History h = History.of(new TimeGrid(0, HOUR, 300), daily(300, 99), true);
        double[] a = new PretrainedForecaster("pretrained", r.net(), 24, 0, null).fit(h).forecast(24).median();
        double[] b = new PretrainedForecaster("pretrained", read, 24, 0, null).fit(h).forecast(24).median();
        assertArrayEquals(a, b, 0.0, "the artifact predicts exactly as the network written");
    }

    @Test
    void aZeroShotForecastIsInTheSeriesUnitsAndBeatsTheLastValueOnACycle() {
        MixerNet net = pretrain(200).net();
        Forecaster f = new PretrainedForecaster("pretrained", net, 24, 0, null);
        double errorModel = 0;
        double errorNaive = 0;
        for (long seed = 200; seed < 210; seed++) {
            double[] y = daily(324, seed);
            History h = History.of(new TimeGrid(0, HOUR, 300), Arrays.copyOf(y, 300), true);
            Forecast forecast = f.fit(h).forecast(24);
            assertEquals(h.grid().end(), forecast.grid().start());
            double[] lo = forecast.quantile(0.1);
            double[] hi = forecast.quantile(0.9);
            double[] median = forecast.median();
            for (int t = 0; t < 24; t++) {
                assertTrue(lo[t] <= median[t] && median[t] <= hi[t] && lo[t] >= 0, "ordered, non-negative quantiles");
                errorModel += Math.abs(y[300 + t] - median[t]);
                errorNaive += Math.abs(y[300 + t] - y[299]);
            }
        }
        assertTrue(errorModel < 0.7 * errorNaive, "the cycle is learnt: MAE " + errorModel / 240 + " vs last value "
                + errorNaive / 240);
    }

    @Test
    void fineTuningNeverForecastsTheHeldOutStretchWorseThanThePretrainedWeights() {
        MixerNet net = pretrain(60).net();
        List<History> histories = new ArrayList<>();
        for (long seed = 300; seed < 320; seed++) {
            histories.add(History.of(new TimeGrid(0, HOUR, 400), daily(400, seed), true));
        }
        List<String> log = new ArrayList<>();
        Forecaster pretrained = new PretrainedForecaster("pretrained", net, 24, 0, null);
        Forecaster trained = new PretrainedForecaster("pretrained-tuned", net, 24, 5, log::add).train(histories);
        assertTrue(!trained.needsTraining());
        assertTrue(log.stream().anyMatch(l -> l.contains("band factors")), log.toString());
        // the weights kept, without the band calibration (which targets coverage, not this loss)
        Forecaster tuned = new PretrainedForecaster("tuned", ((PretrainedForecaster) trained).net(), 24, 0, null);
        double before = 0;
        double after = 0;
        for (History h : histories) {
            History head = History.of(new TimeGrid(0, HOUR, 376), Arrays.copyOf(h.target(), 376), true);
            double[] actual = Arrays.copyOfRange(h.target(), 376, 400);
            before += quantileLoss(pretrained.fit(head).forecast(24), actual);
            after += quantileLoss(tuned.fit(head).forecast(24), actual);
        }
        assertTrue(after <= before * (1 + 1e-9), "held-out quantile loss " + before + " pretrained, " + after + " tuned");
    }

    @Test
    void fineTuningContinuesFromThePretrainedWeights() {
        MixerTrainer.Result pretrained = pretrain(150);
        List<double[]> series = new ArrayList<>();
        List<Window> validation = new ArrayList<>();
        for (long seed = 500; seed < 530; seed++) {
            double[] y = daily(500, seed);
            series.add(Arrays.copyOf(y, 476));
            validation.add(Window.at(y, 476, SMALL, 24, 0));
        }
        MixerTrainer.Result tuned = new MixerTrainer(new MixerTrainer.Settings(32, 5, 20, 60, 3e-4, 11), line -> { })
                .train(SMALL, pretrained.net(), new SeriesWindows(series, SMALL, 24, 0, 0), validation, true, "test");
        List<Double> losses = tuned.report().validationLosses();
        assertTrue(losses.stream().anyMatch(v -> v != tuned.report().startLoss()), "the weights change: " + losses);
        assertTrue(losses.get(0) < 1.5 * tuned.report().startLoss(),
                "five steps in, the loss is near the pretrained one, not a fresh network's: " + tuned.report().startLoss() + " -> " + losses);
    }

    static double quantileLoss(Forecast f, double[] actual) {
        double loss = 0;
        for (double level : new double[] {0.1, 0.5, 0.9}) {
            double[] q = f.quantile(level);
            for (int t = 0; t < actual.length; t++) {
                double d = actual[t] - q[t];
                loss += d >= 0 ? level * d : (level - 1) * d;
            }
        }
        return loss;
    }

    @Test
    void aBadArtifactOrTooLongAHorizonIsRefusedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MixerNet.read(new ByteArrayInputStream("not a model".getBytes()), "model.bin"));
        assertTrue(e.getMessage().contains("model.bin") && e.getMessage().contains("model pretrain"), e.getMessage());
        MixerNet net = pretrain(1).net();
        java.nio.file.Path file;
        try {
            file = Files.createTempFile("mixer", ".bin");
            net.write(file);
            byte[] whole = Files.readAllBytes(file);
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    "an artifact others may read");
            Files.write(file, Arrays.copyOf(whole, whole.length - 100));
            IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class, () -> MixerNet.read(file));
            assertTrue(truncated.getMessage().contains(file.toString()) && truncated.getMessage().contains("truncated"),
                    truncated.getMessage());
            Files.delete(file);
        } catch (java.io.IOException io) {
            throw new java.io.UncheckedIOException(io);
        }
        IllegalArgumentException longer = assertThrows(IllegalArgumentException.class,
                () -> new PretrainedForecaster("pretrained", net, 25, 0, null));
        assertTrue(longer.getMessage().contains("at most 24 steps"), longer.getMessage());
    }

    @Test
    void syntheticSeriesAreReproducibleAndVaried() {
        double[] a = SyntheticSeries.draw(2000, new SplittableRandom(5));
        double[] b = SyntheticSeries.draw(2000, new SplittableRandom(5));
        assertArrayEquals(a, b, 0.0);
        SplittableRandom r = new SplittableRandom(1);
        int withGaps = 0;
        int withZeros = 0;
        double minLevel = Double.MAX_VALUE;
        double maxLevel = 0;
        for (int i = 0; i < 300; i++) {
            double[] y = SyntheticSeries.draw(1000, r);
            withGaps += Arrays.stream(y).anyMatch(Double::isNaN) ? 1 : 0;
            withZeros += Arrays.stream(y).filter(v -> v == 0).count() > 100 ? 1 : 0;
            double mean = Arrays.stream(y).filter(v -> !Double.isNaN(v)).map(Math::abs).average().orElse(0);
            minLevel = Math.min(minLevel, mean);
            maxLevel = Math.max(maxLevel, mean);
        }
        assertTrue(withGaps > 10 && withGaps < 100, "some series have missing stretches: " + withGaps);
        assertTrue(withZeros > 10, "some are intermittent: " + withZeros);
        assertTrue(maxLevel / minLevel > 1e4, "levels span orders of magnitude: " + minLevel + " .. " + maxLevel);
    }
}
