package io.prescient.forecast;

import io.prescient.core.TimeGrid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuantileTableForecastTest {

    private static final double[] LEVELS = {0.1, 0.5, 0.9};

    /** Two steps: one spread out, one flat at its top. */
    private static QuantileTableForecast table() {
        double[][] values = {{10, 20, 40}, {0, 5, 5}};
        return new QuantileTableForecast(new TimeGrid(0, 60, 2), "t", LEVELS, values, new double[] {22, 4}, 0.5);
    }

    @Test
    void levelsInTheTableAreReadExactlyAndBetweenThemLinearly() {
        QuantileTableForecast f = table();
        assertEquals(20, f.quantile(0.5)[0], 0);
        assertEquals(30, f.quantile(0.7)[0], 1e-12);
        assertEquals(2.5, f.quantile(0.3)[1], 1e-12);
        assertEquals(10, f.quantile(0.01)[0], 0, "flat below the lowest level");
    }

    @Test
    void aboveTheTopTheTailContinuesAsANormalOneWouldAndAFlatTopStaysFlat() {
        QuantileTableForecast f = table();
        double zTop = MarginalForecast.normalQuantile(0.9);
        double perZ = (40 - 20) / (zTop - MarginalForecast.normalQuantile(0.5));
        assertEquals(40 + perZ * (MarginalForecast.normalQuantile(0.99) - zTop), f.quantile(0.99)[0], 1e-9);
        assertEquals(40 + perZ * (4 - zTop), f.quantile(0.999999)[0], 1e-9, "the tail stops at a normal score of 4");
        assertEquals(5, f.quantile(0.99)[1], 0);
    }

    @Test
    void aTableOfOneLevelIsThatValueEverywhereAndATopPastTheTailLimitIsHeld() {
        QuantileTableForecast one = new QuantileTableForecast(new TimeGrid(0, 60, 1), "t", new double[] {0.5},
                new double[][] {{7}}, new double[] {7}, 0.5);
        assertEquals(7, one.quantile(0.01)[0], 0);
        assertEquals(7, one.quantile(0.99)[0], 0);
        QuantileTableForecast high = new QuantileTableForecast(new TimeGrid(0, 60, 1), "t", new double[] {0.5, 0.99999},
                new double[][] {{10, 50}}, new double[] {12}, 0.5);
        assertEquals(50, high.quantile(0.999999)[0], 0, "not below the table's own top");
        assertThrows(IllegalArgumentException.class, () -> high.quantile(1));
    }
}
