package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.History;
import org.junit.jupiter.api.Test;

import java.io.ObjectInputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CombinationForecasterTest {

    private final NaiveForecaster naive = new NaiveForecaster();
    private final SeasonalNaiveForecaster seasonal = new SeasonalNaiveForecaster(24);
    private final CombinationForecaster combination = new CombinationForecaster("mix", List.of(naive, seasonal));

    private static History cycle(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[24 * 10];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 30 * Math.sin(2 * Math.PI * t / 24) + 5 * r.nextDouble();
        }
        return History.of(new TimeGrid(0, 3600, y.length), y, true);
    }

    @Test
    void eachQuantileIsTheMeanOfTheMembersQuantiles() {
        History history = cycle(3);
        Forecast a = naive.fit(history).forecast(24);
        Forecast b = seasonal.fit(history).forecast(24);
        Forecast mixed = combination.fit(history).forecast(24);
        for (double q : new double[] {0.05, 0.1, 0.5, 0.9, 0.95}) {
            double[] expected = new double[24];
            for (int h = 0; h < 24; h++) {
                expected[h] = (a.quantile(q)[h] + b.quantile(q)[h]) / 2;
            }
            assertArrayEquals(expected, mixed.quantile(q), 1e-9, "level " + q);
        }
        assertEquals((a.mean()[5] + b.mean()[5]) / 2, mixed.mean()[5], 1e-9);
    }

    @Test
    void mixingTheMembersGivesTheQuantilesOfTheirLinearPoolAndAWiderBandWhereTheyDisagree() {
        History history = cycle(3);
        Forecast a = naive.fit(history).forecast(24);
        Forecast b = seasonal.fit(history).forecast(24);
        CombinationForecaster mixture = new CombinationForecaster("mix", List.of(naive, seasonal), CombinationForecaster.Pooling.DISTRIBUTIONS);
        Forecast mixed = mixture.fit(history).forecast(24);
        Forecast averaged = combination.fit(history).forecast(24);
        double[][] pool = LinearPool.quantiles(List.of(a, b), new double[] {0.5, 0.5}, CombinationForecaster.LEVELS);
        for (int k = 0; k < CombinationForecaster.LEVELS.length; k++) {
            double[] q = mixed.quantile(CombinationForecaster.LEVELS[k]);
            for (int h = 0; h < 24; h++) {
                assertEquals(pool[h][k], q[h], 1e-9);
            }
        }
        assertEquals((a.mean()[5] + b.mean()[5]) / 2, mixed.mean()[5], 1e-9);
        // a quarter cycle ahead the last value and last cycle's value are far apart: the mixture covers both
        int h = 6;
        assertTrue(Math.abs(a.median()[h] - b.median()[h]) > 30, "the members disagree at step " + h);
        double mixedWidth = mixed.quantile(0.9)[h] - mixed.quantile(0.1)[h];
        double averagedWidth = averaged.quantile(0.9)[h] - averaged.quantile(0.1)[h];
        assertTrue(mixedWidth > averagedWidth + 20, "mixed band " + mixedWidth + ", averaged " + averagedWidth);
        assertEquals("distributions mixed", mixture.fit(history).parameters().get("pooling"));
    }

    @Test
    void aCombinationStoredBeforeMixturesExistedStillLoadsAndAveragesQuantiles() throws Exception {
        // written by the class as it was at 8993ccf (no pooling field): a registry's stored a+b models
        Object forecaster;
        Object fitted;
        try (ObjectInputStream in = new ObjectInputStream(getClass().getResourceAsStream("combination-before-pooling.bin"))) {
            forecaster = in.readObject();
            fitted = in.readObject();
        }
        double[] y = new double[24 * 10];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 30 * Math.sin(2 * Math.PI * t / 24) + (t * 7919 % 13) / 13.0;
        }
        History history = History.of(new TimeGrid(0, 3600, y.length), y, true);
        Forecast expected = combination.fit(history).forecast(24);
        Forecast loaded = ((CombinationForecaster) forecaster).fit(history).forecast(24);
        Forecast loadedFit = ((FittedModel) fitted).forecast(24);
        assertEquals(CombinationForecaster.Pooling.QUANTILES, ((CombinationForecaster) forecaster).pooling());
        assertEquals(CombinationForecaster.Pooling.QUANTILES, ((CombinationForecaster.Combined) fitted).pooling());
        assertArrayEquals(new double[] {0.5, 0.5}, ((CombinationForecaster) forecaster).weights(), "stored before weights: equal");
        assertArrayEquals(new double[] {0.5, 0.5}, ((CombinationForecaster.Combined) fitted).weights());
        for (double q : new double[] {0.1, 0.5, 0.9}) {
            assertArrayEquals(expected.quantile(q), loaded.quantile(q), 1e-12, "level " + q);
            assertArrayEquals(expected.quantile(q), loadedFit.quantile(q), 1e-12, "level " + q);
        }
    }

    @Test
    void theBatchedPathGivesTheSameForecastsAsOneSeriesAtATime() {
        List<History> histories = List.of(cycle(1), cycle(2), cycle(3));
        CombinationForecaster mixture = new CombinationForecaster("mix", List.of(naive, seasonal), CombinationForecaster.Pooling.DISTRIBUTIONS);
        for (CombinationForecaster c : List.of(combination, mixture)) {
            List<Forecast> all = c.forecastAll(histories, 24, Collections.nCopies(3, Map.of()));
            for (int i = 0; i < histories.size(); i++) {
                assertArrayEquals(c.fit(histories.get(i)).forecast(24).quantile(0.9), all.get(i).quantile(0.9), 1e-12);
            }
        }
    }

    @Test
    void aWeightOfTwoIsTheMemberWrittenTwice() {
        History history = cycle(4);
        for (CombinationForecaster.Pooling pooling : CombinationForecaster.Pooling.values()) {
            Forecast weighted = new CombinationForecaster("w", List.of(naive, seasonal), pooling, new double[] {2, 1}).fit(history).forecast(24);
            Forecast twice = new CombinationForecaster("t", List.of(naive, naive, seasonal), pooling).fit(history).forecast(24);
            Forecast equal = new CombinationForecaster("e", List.of(naive, seasonal), pooling).fit(history).forecast(24);
            for (double q : new double[] {0.1, 0.5, 0.9}) {
                assertArrayEquals(twice.quantile(q), weighted.quantile(q), 1e-9, pooling + " level " + q);
            }
            assertArrayEquals(twice.mean(), weighted.mean(), 1e-9);
            assertTrue(Math.abs(weighted.quantile(0.5)[6] - equal.quantile(0.5)[6]) > 1, pooling + ": the weight moves the median");
        }
    }

    @Test
    void weightsThatAreNotPositiveOrDoNotMatchTheMembersAreRefused() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new CombinationForecaster("w", List.of(naive, seasonal), CombinationForecaster.Pooling.DISTRIBUTIONS, new double[] {1, -1}));
        assertTrue(negative.getMessage().contains("weight of member seasonal-naive"), negative.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new CombinationForecaster("w", List.of(naive, seasonal), CombinationForecaster.Pooling.QUANTILES, new double[] {1}));
    }
}
