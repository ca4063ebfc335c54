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
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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
    void everyLevelLandsWhereThePoolsDistributionFunctionCrossesIt() {
        // members with point masses (runs of equal grid quantiles), shared knots and gaps; the pool's
        // distribution function is evaluated here member by member, independently of the one-pass merge
        java.util.Random random = new java.util.Random(7);
        double[] levels = new double[99];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = (k + 1) / 100.0;
        }
        for (int trial = 0; trial < 200; trial++) {
            int count = 1 + random.nextInt(4);
            double[][] members = new double[count][LinearPool.GRID.length];
            double[] weights = new double[count];
            double sum = 0;
            for (int i = 0; i < count; i++) {
                double v = random.nextInt(5);
                for (int g = 0; g < members[i].length; g++) {
                    v += random.nextInt(3) == 0 ? 0 : random.nextInt(4);
                    members[i][g] = v;
                }
                weights[i] = 0.1 + random.nextDouble();
                sum += weights[i];
            }
            for (int i = 0; i < count; i++) {
                weights[i] /= sum;
            }
            double[] q = LinearPool.atStep(members, weights, levels);
            for (int k = 0; k < levels.length; k++) {
                double x = q[k];
                double below = 0;
                double at = 0;
                for (int i = 0; i < count; i++) {
                    below += weights[i] * memberCdf(members[i], x, false);
                    at += weights[i] * memberCdf(members[i], x, true);
                }
                String where = "trial " + trial + ", level " + levels[k] + " at " + x;
                assertTrue(below <= levels[k] + 1e-9, where + ": the pool is already " + below + " below it");
                assertTrue(at >= levels[k] - 1e-9, where + ": the pool is only " + at + " there");
                if (k > 0) {
                    assertTrue(x >= q[k - 1], where + ": below the level before");
                }
            }
        }
    }

    /** One member's P(X <= x) (or P(X < x)): linear between its grid quantiles, the mass beyond them at the ends. */
    private static double memberCdf(double[] q, double x, boolean inclusive) {
        if (inclusive ? x < q[0] : x <= q[0]) {
            return 0;
        }
        if (inclusive ? x >= q[q.length - 1] : x > q[q.length - 1]) {
            return 1;
        }
        double best = 0;
        for (int g = 0; g < q.length; g++) {
            if (inclusive ? q[g] <= x : q[g] < x) {
                best = LinearPool.GRID[g];
                if (g + 1 < q.length && (!inclusive || q[g + 1] > x)) {
                    best += (LinearPool.GRID[g + 1] - LinearPool.GRID[g]) * (x - q[g]) / (q[g + 1] - q[g]);
                }
            }
        }
        return best;
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

    @Test
    void gridQuantilesThatAreNotNumbersAreRefusedNotLoopedOn() {
        double[] q = new double[LinearPool.GRID.length];
        java.util.Arrays.fill(q, Double.NaN);
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> assertThrows(IllegalArgumentException.class, () -> LinearPool.atStep(new double[][] {q}, new double[] {1}, LEVELS)));
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
