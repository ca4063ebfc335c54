package io.prescient.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegularSeriesTest {

    private static final double NAN = Double.NaN;

    static RegularSeries series(String item, long start, long step, double... values) {
        return new RegularSeries(new SeriesInfo(new SeriesKey("test", item, "cpu"), Unit.PERCENT),
                new TimeGrid(start, step, values.length), values);
    }

    @Test
    void isImmutable() {
        double[] values = {1, 2, 3};
        RegularSeries s = series("a", 0, 60, values);
        values[0] = 99;
        s.values()[1] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, s.values());
    }

    @Test
    void rejectsValuesTheUnitForbids() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> series("a", 0, 60, 1, -2));
        assertTrue(e.getMessage().contains("step 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> series("a", 0, 60, Double.POSITIVE_INFINITY));
    }

    @Test
    void hourlyMeanUsesClockHoursAndSkipsMissing() {
        // 5-minute series starting at 00:50: two steps in the first clock hour, twelve in the second, one in the third
        double[] v = new double[15];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        v[2] = NAN;
        v[3] = NAN;
        RegularSeries s = series("a", 3000, 300, v);
        RegularSeries hourly = s.resample(3600, Aggregation.MEAN);
        assertEquals(new TimeGrid(0, 3600, 3), hourly.grid());
        assertEquals(0.5, hourly.value(0), 1e-12);
        assertEquals((4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13) / 10.0, hourly.value(1), 1e-12);
        assertEquals(14, hourly.value(2), 1e-12);
    }

    @Test
    void aBinWithNoValueStaysMissingUnderEveryRule() {
        RegularSeries s = series("a", 0, 1800, 1, 3, NAN, NAN, 5, NAN);
        for (Aggregation rule : Aggregation.values()) {
            RegularSeries hourly = s.resample(3600, rule);
            assertTrue(Double.isNaN(hourly.value(1)), rule.name());
        }
        assertArrayEquals(new double[] {4, NAN, 5}, s.resample(3600, Aggregation.SUM).values());
        assertArrayEquals(new double[] {3, NAN, 5}, s.resample(3600, Aggregation.MAX).values());
        assertArrayEquals(new double[] {1, NAN, 5}, s.resample(3600, Aggregation.FIRST).values());
        assertArrayEquals(new double[] {3, NAN, 5}, s.resample(3600, Aggregation.LAST).values());
        assertArrayEquals(new double[] {1, NAN, 5}, s.resample(3600, Aggregation.MIN).values());
    }

    @Test
    void resampleNeedsAMultipleOfTheStep() {
        assertThrows(IllegalArgumentException.class, () -> series("a", 0, 300, 1, 2).resample(400, Aggregation.MEAN));
    }

    @Test
    void alignmentPlacesSeriesOnTheCommonGrid() {
        RegularSeries early = series("a", 0, 60, 1, 2);
        RegularSeries late = series("b", 180, 60, 7);
        List<RegularSeries> aligned = Alignment.onCommonGrid(List.of(early, late));
        assertEquals(new TimeGrid(0, 60, 4), aligned.get(0).grid());
        assertArrayEquals(new double[] {1, 2, NAN, NAN}, aligned.get(0).values());
        assertArrayEquals(new double[] {NAN, NAN, NAN, 7}, aligned.get(1).values());
    }

    @Test
    void multiSeriesKeepsCovariatesOnTheTargetsGrid() {
        RegularSeries target = series("a", 0, 60, 1, 2, 3);
        RegularSeries users = series("users", 60, 60, 10, 20, 30);
        MultiSeries m = MultiSeries.aligned(target, Map.of("users", users));
        assertEquals(new TimeGrid(0, 60, 4), m.grid());
        assertArrayEquals(new double[] {NAN, 10, 20, 30}, m.covariate("users").values());
        assertThrows(IllegalArgumentException.class, () -> new MultiSeries(target, Map.of("users", users)));
        assertThrows(IllegalArgumentException.class, () -> m.covariate("tps"));
    }

    @Test
    void gapStatisticsFindRunsAndEdges() {
        GapStats g = GapStats.of(new double[] {NAN, NAN, 1, NAN, 2, 3, NAN, NAN, NAN});
        assertEquals(new GapStats(9, 6, 3, 3, 2, 3), g);
        assertEquals(6 / 9.0, g.missingFraction(), 1e-12);
        assertEquals(new GapStats(0, 0, 0, 0, 0, 0), GapStats.of(new double[0]));
        assertEquals(new GapStats(2, 2, 1, 2, 2, 0), GapStats.of(new double[] {NAN, NAN}));
    }

    @Test
    void summarySkipsMissing() {
        SummaryStats s = series("a", 0, 60, 1, NAN, 3, 5).summary();
        assertEquals(3, s.count());
        assertEquals(3, s.mean(), 1e-12);
        assertEquals(2, s.stdDev(), 1e-12);
        assertEquals(3, s.p50(), 1e-12);
        assertEquals(4.8, s.p95(), 1e-12);
    }

    @Test
    void sliceAndOnGridKeepTimes() {
        RegularSeries s = series("a", 600, 60, 1, 2, 3, 4);
        RegularSeries mid = s.slice(1, 3);
        assertEquals(660, mid.grid().start());
        assertArrayEquals(new double[] {2, 3}, mid.values());
        assertArrayEquals(new double[] {2, 3, 4, NAN}, s.onGrid(new TimeGrid(660, 60, 4)).values());
    }

    @Test
    void keysParseAndRejectSlashes() {
        assertEquals(new SeriesKey("d", "1", "cpu"), SeriesKey.parse("d/1/cpu"));
        assertThrows(IllegalArgumentException.class, () -> SeriesKey.parse("d/1"));
        assertThrows(IllegalArgumentException.class, () -> new SeriesKey("d", "", "cpu"));
    }

    @Test
    void unitsKnowWhatIsImpossible() {
        assertEquals(Unit.PERCENT, Unit.of("percent"));
        assertEquals(Unit.REQUESTS_PER_SECOND, Unit.of("Requests/s"));
        assertTrue(Unit.of("widgets/s").nonNegative());
        assertTrue(Unit.UNKNOWN.admits(-1));
        assertTrue(Unit.BYTES.admits(Double.NaN));
    }

    @Test
    void panelAlignsThenResamplesAndCountsMissingOverAll() {
        Panel p = Panel.aligned(List.of(series("a", 0, 1800, 1, 2, 3, NAN), series("b", 3600, 1800, 5, NAN)));
        assertEquals(new TimeGrid(0, 1800, 4), p.grid());
        assertEquals(4 / 8.0, p.missingFraction(), 1e-12);
        Panel hourly = p.resample(3600, Aggregation.MEAN);
        assertEquals(new TimeGrid(0, 3600, 2), hourly.grid());
        assertArrayEquals(new double[] {1.5, 3}, hourly.series().get(0).values());
        assertArrayEquals(new double[] {NAN, 5}, hourly.series().get(1).values());
    }
}
