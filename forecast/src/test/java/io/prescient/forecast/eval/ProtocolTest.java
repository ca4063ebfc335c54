package io.prescient.forecast.eval;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.forecast.model.NaiveForecaster;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProtocolTest {

    @Test
    void windowCountAndPlacementFollowTheProtocol() {
        assertEquals(18, ForecastTask.of("5m", "short").windows(8640));
        assertEquals(2, ForecastTask.of("5m", "medium").windows(8640));
        assertEquals(2, ForecastTask.of("5m", "long").windows(8640));
        assertEquals(2, ForecastTask.of("1h", "short").windows(720));
        assertEquals(20, ForecastTask.of("5m", "short").windows(100000));
        assertEquals(1, ForecastTask.of("5m", "short").windows(10));
        ForecastTask t = ForecastTask.of("1h", "short");
        assertEquals("H/short", t.name());
        assertEquals(24, t.season());
        assertEquals(720 - 2 * 48, t.windowStart(720, 2, 0));
        assertEquals(720 - 48, t.windowStart(720, 2, 1));
        assertEquals("5T/short", ForecastTask.of("5m", "short").name());
        assertEquals(288, ForecastTask.of("5m", "short").season());
    }

    @Test
    void metricsOnAHandComputedExample() {
        Scores s = new Scores();
        double[] deciles = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        s.add(5, deciles, 2);      // |5-5|/2 = 0
        s.add(11, deciles, 2);     // |11-5|/2 = 3, outside [1, 9]
        s.add(Double.NaN, deciles, 2); // skipped
        s.add(3, deciles, 0);      // left out of MASE (s = 0)
        assertEquals(1.5, s.mase(), 1e-12);
        assertEquals((0 + 6 + 2) / 3.0, s.mae(), 1e-12);
        assertEquals(2 / 3.0, s.coverage80(), 1e-12);
        // quantile loss by hand for y = 5, 11, 3
        double loss = 0;
        for (double y : new double[] {5, 11, 3}) {
            for (int k = 0; k < 9; k++) {
                double q = (k + 1) / 10.0;
                double f = deciles[k];
                loss += 2 * Math.abs((y - f) * ((f >= y ? 1 : 0) - q));
            }
        }
        assertEquals(loss / 19 / 9, s.crps(), 1e-12);
    }

    @Test
    void seasonalErrorUsesOnlyPairsWithBothValues() {
        double[] h = {1, 2, Double.NaN, 5, 4};
        // m = 2: pairs (t=2: NaN skip), (t=3: |5-2| = 3), (t=4: |4-NaN| skip) -> 3
        assertEquals(3, Scores.seasonalError(h, 5, 2), 1e-12);
        assertEquals(Double.NaN, Scores.seasonalError(h, 2, 2));
    }

    @Test
    void backtestNeverSeesTheWindow() {
        // a series that jumps inside the last window: the naive forecast must be the value before the window
        double[] v = new double[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 152 ? 1 : 100;
        }
        RegularSeries s = new RegularSeries(new SeriesInfo(new SeriesKey("d", "a", "cpu"), Unit.PERCENT),
                new TimeGrid(0, 3600, 200), v);
        Backtest.Result r = new Backtest(ForecastTask.of("1h", "short"), 1)
                .run(new Panel(s.grid(), List.of(s)), new NaiveForecaster(), x -> "cpu", n -> { });
        assertEquals(1, r.windows());
        Backtest.WindowForecast w = r.series().get(0).windows().get(0);
        assertEquals(152, w.start());
        assertEquals(1, w.deciles()[0][4], 1e-12);
    }
}
