package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.GaussianForecast;
import io.prescient.forecast.QuantileTableForecast;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearPoolTest {

    /** Levels on the grid, and the 0.25 and 0.75 between two modes. */
    private static final double[] LEVELS = {0.01, 0.1, 0.25, 0.5, 0.6, 0.75, 0.9, 0.99};

    private static Forecast normal(double mean, double sigma, int steps) {
        double[] m = new double[steps];
        double[] s = new double[steps];
        java.util.Arrays.fill(m, mean);
        java.util.Arrays.fill(s, sigma);
        return new GaussianForecast(new TimeGrid(0, 60, steps), "n", m, s, false);
    }

    /** The exact quantile of a two-normal mixture, by bisection on its distribution function. */
    private static double mixtureQuantile(double w, NormalDistribution a, NormalDistribution b, double level) {
        double lo = -100;
        double hi = 100;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (w * a.cumulativeProbability(mid) + (1 - w) * b.cumulativeProbability(mid) < level) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    @Test
    void theQuantilesAreThoseOfTheMixtureOfTheMembersDistributions() {
        // within 0.05 (a fortieth of the wider member's sigma): the members are read on a grid of levels
        Forecast a = normal(0, 1, 3);
        Forecast b = normal(3, 2, 3);
        double[][] pooled = LinearPool.quantiles(List.of(a, b), new double[] {0.3, 0.7}, LEVELS);
        for (int k = 0; k < LEVELS.length; k++) {
            double exact = mixtureQuantile(0.3, new NormalDistribution(0, 1), new NormalDistribution(3, 2), LEVELS[k]);
            for (int h = 0; h < 3; h++) {
                assertEquals(exact, pooled[h][k], 0.05, "level " + LEVELS[k]);
            }
        }
    }

    @Test
    void oneMemberPooledWithItselfIsItself() {
        Forecast a = normal(10, 3, 2);
        double[][] pooled = LinearPool.quantiles(List.of(a, a), new double[] {0.5, 0.5}, LEVELS);
        for (int k = 0; k < LEVELS.length; k++) {
            assertEquals(a.quantile(LEVELS[k])[1], pooled[1][k], 1e-9, "level " + LEVELS[k]);
        }
    }

    @Test
    void membersFarApartStayTwoModes() {
        // an idle job near 0 and a running one near 100: the pool keeps each, the average would sit at 50
        double[][] pooled = LinearPool.quantiles(List.of(normal(0, 1, 1), normal(100, 1, 1)), new double[] {0.5, 0.5}, LEVELS);
        double[] q = pooled[0];
        assertEquals(0, q[index(0.25)], 0.05);
        assertEquals(100, q[index(0.75)], 0.05);
        assertEquals(-0.84, q[index(0.1)], 0.03, "the 0.1-quantile is the idle member's 0.2-quantile");
        assertTrue(q[index(0.5)] < 3, "the median is at the top of the idle member, not between the modes: " + q[index(0.5)]);
        assertTrue(q[index(0.6)] > 97, "above the median the pool is the running member: " + q[index(0.6)]);
    }

    @Test
    void aMemberWithoutSpreadIsAPointMassThatLevelsLandOn() {
        double[] flat = new double[LinearPool.GRID.length];
        java.util.Arrays.fill(flat, 5);
        double[] spread = new double[LinearPool.GRID.length];
        for (int g = 0; g < spread.length; g++) {
            spread[g] = new NormalDistribution(0, 1).inverseCumulativeProbability(LinearPool.GRID[g]);
        }
        double[] q = LinearPool.atStep(new double[][] {flat, spread}, new double[] {0.5, 0.5}, LEVELS);
        assertEquals(0, q[index(0.25)], 1e-6);
        assertEquals(5, q[index(0.6)], 0);
        assertEquals(5, q[index(0.99)], 0);
        for (int k = 1; k < q.length; k++) {
            assertTrue(q[k] >= q[k - 1], "non-decreasing at level " + LEVELS[k]);
        }
    }

    @Test
    void oneMemberIsLinearBetweenItsGridQuantilesWithTheMassBeyondThemAtTheEnds() {
        double[] q = new double[LinearPool.GRID.length];
        for (int g = 0; g < q.length; g++) {
            q[g] = g;
        }
        double[] levels = {0.001, 0.005, 0.0075, 0.505, 0.995, 0.999};
        double[] pooled = LinearPool.atStep(new double[][] {q}, new double[] {1}, levels);
        assertArrayEquals(new double[] {0, 0, 0.5, 50.5, 100, 100}, pooled, 1e-9);
    }

    @Test
    void aMemberWhoseQuantilesCrossIsReadNonDecreasing() {
        // the table's 0.6-quantile is below its 0.5-quantile; read as the running maximum it has a point mass at 10
        double[] levels = {0.1, 0.5, 0.6, 0.9};
        double[][] values = {{0, 10, 5, 20}};
        Forecast crossing = new QuantileTableForecast(new TimeGrid(0, 60, 1), "crossing", levels, values, new double[] {9}, 0);
        double[] knots = LinearPool.byStep(crossing, 1)[0];
        for (int g = 1; g < knots.length; g++) {
            assertTrue(knots[g] >= knots[g - 1], "grid level " + LinearPool.GRID[g] + ": " + knots[g] + " after " + knots[g - 1]);
        }
        double[] q = LinearPool.quantiles(List.of(crossing, normal(10, 5, 1)), new double[] {0.5, 0.5}, LEVELS)[0];
        for (int k = 1; k < q.length; k++) {
            assertTrue(q[k] >= q[k - 1], "non-decreasing at level " + LEVELS[k]);
        }
    }

    @Test
    void membersThatCannotBeMixedAreRefusedByName() {
        Forecast good = normal(0, 1, 3);
        Forecast undefined = normal(Double.NaN, 1, 3);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> LinearPool.quantiles(List.of(good, undefined), new double[] {0.5, 0.5}, LEVELS));
        assertTrue(nan.getMessage().contains("member n has a 0.005-quantile of NaN at step 1"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinearPool.quantiles(List.of(good, normal(0, 1, 4)), new double[] {0.5, 0.5}, LEVELS));
        assertThrows(IllegalArgumentException.class, () -> LinearPool.quantiles(List.of(good, good), new double[] {0.3, 0.3}, LEVELS));
        assertThrows(IllegalArgumentException.class, () -> LinearPool.quantiles(List.of(good, good), new double[] {1.5, -0.5}, LEVELS));
    }

    private static int index(double level) {
        for (int k = 0; k < LEVELS.length; k++) {
            if (LEVELS[k] == level) {
                return k;
            }
        }
        throw new IllegalArgumentException("no level " + level);
    }
}
