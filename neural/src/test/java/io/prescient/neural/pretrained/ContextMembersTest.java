package io.prescient.neural.pretrained;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.History;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forecast's two readings of the past: which windows, how they combine, and that batching keeps them apart. */
class ContextMembersTest {

    static final MixerSpec SPEC = new MixerSpec(256, 32, 8, 1, 8, 200, new double[] {0.1, 0.5, 0.9});

    /** 300 steps at 100, then 100 at 200. */
    static double[] shifted() {
        double[] y = new double[400];
        for (int t = 0; t < y.length; t++) {
            y[t] = (t < 300 ? 100 : 200) + (t % 2 == 0 ? 1 : -1);
        }
        return y;
    }

    @Test
    void theRecentMemberReadsOnlyTheLastStepsAndIsStandardisedOnThem() {
        ContextMembers m = ContextMembers.at(shifted(), 400, SPEC, 0);
        assertEquals(2, m.windows().size());
        assertEquals((156 * 100 + 100 * 200) / 256.0, m.whole().loc(), 1.0, "the whole context: 156 steps at 100 and 100 at 200");
        Window recent = m.windows().get(1);
        assertEquals(100 * 28 / 128.0 + 200 * 100 / 128.0, recent.loc(), 1.0, "the last 128 steps only");
        int firstRead = 256 - ContextMembers.RECENT;
        assertEquals(0f, recent.past()[2 * (firstRead - 1) + 1], "the step before the recent part is unobserved");
        assertEquals(1f, recent.past()[2 * firstRead + 1], "the recent part is observed");
        assertEquals(128, m.reads()[1]);
    }

    /** A daily-looking cycle of 288 steps around 100, always busy. */
    static double[] busy(int length) {
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = 100 + 40 * Math.sin(2 * Math.PI * t / 288) + (t % 2 == 0 ? 5 : -5);
        }
        return y;
    }

    @Test
    void aShortPastOrAnIdleRecentStretchHasOneReadingAndTooLittleNone() {
        assertEquals(1, ContextMembers.at(busy(400), 2 * ContextMembers.RECENT - 1, SPEC, 0).windows().size(),
                "under 256 steps the two readings would nearly coincide");
        ContextMembers two = ContextMembers.at(busy(400), 2 * ContextMembers.RECENT, SPEC, 0);
        assertEquals(2, two.windows().size());
        assertEquals(256, two.reads()[0]);
        ContextMembers shortPast = ContextMembers.at(busy(400), 100, SPEC, 0);
        assertEquals(100, shortPast.reads()[0], "the whole reading covers what there is");
        assertNull(ContextMembers.at(busy(400), 10, SPEC, 0));

        double[] quiet = busy(400);
        Arrays.fill(quiet, 250, 400, 0.0);
        assertEquals(1, ContextMembers.at(quiet, 400, SPEC, 0).windows().size(),
                "a batch job idle for the last 150 steps: the quiet stretch must not narrow the band");
        Arrays.fill(quiet, 250, 400, 1.0);
        quiet[399] = 1.01;
        assertEquals(1, ContextMembers.at(quiet, 400, SPEC, 0).windows().size(), "flat within 2% at 1% of the level: idle");
        Arrays.fill(quiet, 250, 400, 100.0);
        quiet[399] = 100.5;
        assertEquals(2, ContextMembers.at(quiet, 400, SPEC, 0).windows().size(),
                "flat at the level the series holds: the recent reading keeps the forecast there");
    }

    @Test
    void theRecentReadingWeighsAsMuchForHalfItsLengthThenFadesToNothing() {
        ContextMembers m = ContextMembers.at(shifted(), 400, SPEC, 0);
        double[][][] predicted = new double[3][200][3];
        for (double[] step : predicted[0]) {
            Arrays.fill(step, 99);
        }
        for (int s = 0; s < 200; s++) {
            Arrays.fill(predicted[1][s], 1);
            Arrays.fill(predicted[2][s], 3);
        }
        double[][] combined = m.combine(predicted, 1);
        assertEquals(2, combined[0][1], 1e-12, "both readings alike for the first step");
        assertEquals(2, combined[63][0], 1e-12, "... and the 64th");
        assertEquals((1 + 0.5 * 3) / 1.5, combined[96][2], 1e-12, "half the weight at the 97th");
        assertEquals(1, combined[127][0], 0.05, "almost nothing left at the 128th");
        assertEquals(1, combined[128][2], 1e-12, "the whole context alone from the 129th");
        for (int h = 1; h < 200; h++) {
            assertTrue(Math.abs(combined[h][0] - combined[h - 1][0]) < 0.05, "no jump at step " + h);
        }
    }

    @Test
    void batchedForecastsAreEachSeriesOwnAndTheRecentMemberCounts() {
        MixerNet net = ShippedModel.load();
        PretrainedForecaster f = new PretrainedForecaster("pretrained", net, 48, 0, null);
        SplittableRandom r = new SplittableRandom(3);
        List<History> histories = new ArrayList<>();
        for (int length : new int[] {2000, 100, 10, 1500, 300}) {
            double[] y = new double[length];
            double level = 50 + 500 * r.nextDouble();
            for (int t = 0; t < length; t++) {
                y[t] = level * (t > length - 90 ? 1.6 : 1) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 288) + 0.05 * r.nextGaussian());
            }
            histories.add(History.of(new TimeGrid(0, 300, length), y, true));
        }
        List<Map<String, double[]>> none = histories.stream().map(h -> Map.<String, double[]>of()).toList();
        List<Forecast> batched = f.forecastAll(histories, 48, none);
        for (int i = 0; i < histories.size(); i++) {
            double[] one = f.fit(histories.get(i)).forecast(48).quantile(0.9);
            double[] many = batched.get(i).quantile(0.9);
            for (int t = 0; t < 48; t++) {
                assertEquals(one[t], many[t], 1e-3 * Math.abs(one[t]) + 1e-6, "series " + i + " step " + t);
            }
        }
        History longest = histories.get(0);
        ContextMembers m = ((PretrainedForecaster.Fitted) f.fit(longest)).members(48);
        assertEquals(2, m.windows().size());
        int median = Arrays.binarySearch(net.spec().levels(), 0.5);
        double[][][] readings = net.predict(m.windows(), 48);
        assertEquals(m.combine(readings, 0)[0][median], batched.get(0).median()[0], 1e-6, "the forecast is the combined readings");
        assertNotEquals(readings[0][0][median], batched.get(0).median()[0], 1e-3, "the recent reading moves the forecast");
        assertEquals(0, f.fit(longest).forecast(0).grid().length(), "no step asked, none forecast");
        assertTrue(Double.isFinite(batched.get(2).median()[0]), "ten steps forecast from their last value");
    }

    @Test
    void aShortForecastComputesTheSameFirstStepsAsTheWholeHorizon() {
        MixerNet net = ShippedModel.load();
        List<Window> windows = ContextMembers.at(shifted(), 400, net.spec(), 0).windows();
        double[][][] all = net.predict(windows);
        double[][][] first = net.predict(windows, 48);
        assertEquals(48, first[0].length);
        for (int w = 0; w < windows.size(); w++) {
            for (int s = 0; s < 48; s++) {
                for (int l = 0; l < all[w][s].length; l++) {
                    assertEquals(all[w][s][l], first[w][s][l], 1e-4 * Math.abs(all[w][s][l]) + 1e-6);
                }
            }
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> net.predict(windows, net.spec().horizon() + 1));
        assertTrue(e.getMessage().contains("1 to 720 steps"), e.getMessage());
    }
}
