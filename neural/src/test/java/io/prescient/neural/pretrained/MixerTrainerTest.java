package io.prescient.neural.pretrained;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.neural.DjlRuntime;
import io.prescient.neural.PinballLoss;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What fine-tuning scores its rounds on: the forecasts the forecaster serves, readings combined. */
class MixerTrainerTest {

    static final MixerSpec LONG = new MixerSpec(256, 32, 8, 1, 16, 24, new double[] {0.1, 0.5, 0.9});

    static Block block(NDManager manager, MixerSpec spec) {
        DjlRuntime.start(DjlRuntime.defaultCacheDir());
        Block block = MixerNet.block(spec);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, spec.context(), 2));
        return block;
    }

    @Test
    void withOneReadingTheForecastsScoreAsTheWindowsInUnits() {
        MixerSpec spec = PretrainingTest.SMALL;
        List<ContextMembers> forecasts = new ArrayList<>();
        for (long seed = 0; seed < 12; seed++) {
            forecasts.add(ContextMembers.at(PretrainingTest.daily(300, seed), 280, spec, 20));
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = block(manager, spec);
            double readings = MixerTrainer.readingsLoss(block, manager, spec, forecasts, spec.horizon());
            double windows = MixerTrainer.evaluate(block, manager, new PinballLoss(spec.levels()), spec,
                    forecasts.stream().map(ContextMembers::whole).toList(), true);
            assertEquals(windows, readings, 1e-4 * windows);
        }
    }

    @Test
    void withTwoReadingsTheCombinedForecastIsScored() {
        List<ContextMembers> forecasts = new ArrayList<>();
        for (long seed = 0; seed < 6; seed++) {
            double[] y = PretrainingTest.daily(700, seed);
            for (int t = 560; t < y.length; t++) {
                y[t] *= 1.5;
            }
            forecasts.add(ContextMembers.at(y, 680, LONG, 20));
        }
        assertTrue(forecasts.stream().allMatch(f -> f.windows().size() == 2));
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = block(manager, LONG);
            double expected = 0;
            double spreads = 0;
            for (ContextMembers f : forecasts) {
                double[][] combined = f.combine(MixerNet.restore(MixerNet.forward(block, manager, LONG, f.windows(), 24),
                        f.windows(), 24, 3), 0);
                double loss = 0;
                for (int h = 0; h < 20; h++) {
                    double y = f.whole().restore(f.whole().target()[h]);
                    for (int k = 0; k < 3; k++) {
                        double d = y - combined[h][k];
                        loss += Math.max(LONG.levels()[k] * d, (LONG.levels()[k] - 1) * d);
                    }
                }
                expected += loss / (20 * 3);
                spreads += f.whole().scale();
            }
            assertEquals(expected / spreads, MixerTrainer.readingsLoss(block, manager, LONG, forecasts, 24), 1e-6 * expected / spreads);
        }
    }

    @Test
    void fineTuningNeverServesAWorseForecastOfTheHeldOutStretchWithTwoReadings() {
        MixerNet net = ShippedModel.load();
        List<History> histories = new ArrayList<>();
        for (long seed = 400; seed < 416; seed++) {
            histories.add(History.of(new TimeGrid(0, 300, 700), PretrainingTest.daily(700, seed), true));
        }
        Forecaster pretrained = new PretrainedForecaster("pretrained", net, 24, 0, null);
        Forecaster trained = new PretrainedForecaster("pretrained-tuned", net, 24, 3, null).train(histories);
        Forecaster tuned = new PretrainedForecaster("tuned", ((PretrainedForecaster) trained).net(), 24, 0, null);
        double before = 0;
        double after = 0;
        for (History h : histories) {
            History head = History.of(new TimeGrid(0, 300, 676), Arrays.copyOf(h.target(), 676), true);
            assertEquals(2, ((PretrainedForecaster.Fitted) pretrained.fit(head)).members(24).windows().size());
            double[] actual = Arrays.copyOfRange(h.target(), 676, 700);
            before += quantileLoss(pretrained.fit(head).forecast(24), actual, net.spec().levels());
            after += quantileLoss(tuned.fit(head).forecast(24), actual, net.spec().levels());
        }
        assertTrue(after <= before * (1 + 1e-6), "held-out quantile loss " + before + " pretrained, " + after + " tuned");
    }

    /** The pinball loss over every level the network forecasts: what fine-tuning keeps its weights by. */
    static double quantileLoss(io.prescient.forecast.Forecast f, double[] actual, double[] levels) {
        double loss = 0;
        for (double level : levels) {
            double[] q = f.quantile(level);
            for (int t = 0; t < actual.length; t++) {
                double d = actual[t] - q[t];
                loss += d >= 0 ? level * d : (level - 1) * d;
            }
        }
        return loss;
    }

    @Test
    void aShortForecastLeavesNothingBehindInTheParametersManager() {
        List<Window> windows = ContextMembers.at(PretrainingTest.daily(700, 1), 680, LONG, 0).windows();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = block(manager, LONG);
            int before = manager.getManagedArrays().size();
            for (int i = 0; i < 3; i++) {
                try (NDManager pass = manager.newSubManager()) {
                    MixerNet.forward(block, pass, LONG, windows, 12);
                }
            }
            assertEquals(before, manager.getManagedArrays().size(), "the head's slices are freed with the pass");
        }
    }
}
