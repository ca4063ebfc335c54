package io.prescient.neural.pretrained;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check that chose the readings: which series it scores, and that it compares what the forecaster does. */
class ReadingsCheckTest {

    /** A 5-minute-like cycle around {@code level}, stepping up by half for its last {@code shifted} steps. */
    static CorpusSeries series(String key, int length, int shifted, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = 100 * (t >= length - shifted ? 1.5 : 1) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 288) + 0.05 * r.nextGaussian());
        }
        return new CorpusSeries(key, "test", 300, y);
    }

    @Test
    void shortPastsScoreAlikeAndLongOnesGetTheRecentReading() {
        MixerNet net = ShippedModel.load();
        List<CorpusSeries> shortPasts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            shortPasts.add(series("s" + i, 300, 0, i));
        }
        shortPasts.add(series("tiny", 200, 0, 9));
        ReadingsCheck.Result alike = ReadingsCheck.run(net, shortPasts, 48);
        assertEquals(4, alike.series(), "a held-out end of 40 steps cannot score 48");
        assertEquals(0, alike.withRecent(), "240 steps of past: one reading");
        assertEquals(alike.lossWhole(), alike.lossReadings(), 0.0);
        assertEquals(alike.crpsWhole(), alike.crpsReadings(), 0.0);

        List<CorpusSeries> shifted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            shifted.add(series("l" + i, 3000, 700, 10 + i));
        }
        ReadingsCheck.Result two = ReadingsCheck.run(net, shifted, 48);
        assertEquals(4, two.withRecent());
        assertNotEquals(two.lossWhole(), two.lossReadings(), 1e-9, "the recent reading changes the forecast it scores");
        assertTrue(two.crpsWhole() > 0 && two.crpsReadings() > 0);
        assertThrows(IllegalArgumentException.class, () -> ReadingsCheck.run(net, shifted, 721));
        assertThrows(IllegalArgumentException.class, () -> ReadingsCheck.run(net, List.of(series("tiny", 200, 0, 9)), 48),
                "nothing to score");
    }

    @Test
    void anIdleContextBeforeABusyStretchDoesNotOutweighTheRest() {
        MixerNet net = ShippedModel.load();
        List<CorpusSeries> corpus = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            corpus.add(series("l" + i, 3000, 0, 20 + i));
        }
        ReadingsCheck.Result busy = ReadingsCheck.run(net, corpus, 48);
        double[] idleThenBusy = new double[3000];
        for (int t = 2400; t < 3000; t++) {
            idleThenBusy[t] = 500;
        }
        corpus.add(new CorpusSeries("idle", "test", 300, idleThenBusy));
        ReadingsCheck.Result withIdle = ReadingsCheck.run(net, corpus, 48);
        assertEquals(5, withIdle.series());
        assertTrue(withIdle.lossWhole() < 100 * busy.lossWhole(), "one series of five: " + busy.lossWhole() + " -> "
                + withIdle.lossWhole());
    }
}
