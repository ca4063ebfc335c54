package io.prescient.io.read;

import io.prescient.core.Aggregation;
import io.prescient.core.RegularSeries;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.core.validation.InvalidInputException;
import io.prescient.io.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GwaReaderTest {

    private static final double NAN = Double.NaN;

    @TempDir
    Path dir;

    /**
     * Rows in the published format with jitter (299/301 s), a duplicate and a second row in one bin,
     * a missing bin and a clock-hour boundary; start 1375308176 is in bin 1375308000.
     */
    private Path fixture() {
        String rows = String.join("\n",
                Fixtures.GWA_HEADER,
                Fixtures.gwaRow(1375308176L, 100),   // bin 1375308000
                Fixtures.gwaRow(1375308475L, 200),   // +299 -> bin 1375308300
                Fixtures.gwaRow(1375308475L, 999),   // duplicate timestamp: dropped
                Fixtures.gwaRow(1375308599L, 888),   // same bin, later row: dropped
                // bin 1375308600 has no row: missing
                Fixtures.gwaRow(1375309201L, 400),   // bin 1375309200 (13:00 UTC... a new clock hour at 1375311600)
                Fixtures.gwaRow(1375311601L, 500),   // bin 1375311600 = next clock hour
                "");
        return Fixtures.gzip(dir, "17.csv.gz", rows);
    }

    @Test
    void buildsTheFiveMinuteGridWithTheFirstRowPerBin() {
        ReadResult r = new GwaReader("aug").read(fixture());
        assertEquals(10, r.series().size());
        assertEquals(6, r.rows());
        assertEquals(2, r.repairs().dropped());
        RegularSeries mhz = r.series().get(2);
        assertEquals("aug/17/cpu_usage_mhz", mhz.key().toString());
        assertEquals(Unit.MEGAHERTZ, mhz.info().unit());
        assertEquals(new TimeGrid(1375308000L, 300, 13), mhz.grid());
        double[] expected = new double[13];
        java.util.Arrays.fill(expected, NAN);
        expected[0] = 100;
        expected[1] = 200;
        expected[4] = 400;
        expected[12] = 500;
        assertArrayEquals(expected, mhz.values());
        assertEquals("aug/17/cpu_usage_pct", r.series().get(3).key().toString());
        assertEquals(Unit.PERCENT, r.series().get(3).info().unit());
    }

    @Test
    void hourlyGridIsTheMeanOfTheFiveMinuteValuesOfEachClockHour() {
        RegularSeries mhz = new GwaReader("aug").read(fixture()).series().get(2);
        RegularSeries hourly = mhz.resample(3600, Aggregation.MEAN);
        // 1375308000 is 22:00 UTC on 31 July 2013 plus 0: floor to the clock hour 1375308000 - 1375308000 % 3600
        long firstHour = 1375308000L - 1375308000L % 3600;
        assertEquals(new TimeGrid(firstHour, 3600, 2), hourly.grid());
        assertEquals((100 + 200 + 400) / 3.0, hourly.value(0), 1e-9);
        assertEquals(500, hourly.value(1), 1e-9);
    }

    @Test
    void datasetDefaultsToTheFolderName() {
        ReadResult r = new GwaReader(null).read(fixture());
        assertEquals(dir.getFileName().toString(), r.series().get(0).key().dataset());
    }

    @Test
    void rejectsAWrongHeaderAndAShortRow() {
        Path noHeader = Fixtures.text(dir, "1.csv", Fixtures.gwaRow(1375308176L, 1) + "\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new GwaReader("d").read(noHeader));
        assertEquals(1, e.problem().line());
        Path shortRow = Fixtures.text(dir, "2.csv", Fixtures.GWA_HEADER + "\n1375308176;\t2;\t5\n");
        e = assertThrows(InvalidInputException.class, () -> new GwaReader("d").read(shortRow));
        assertEquals(2, e.problem().line());
        assertTrue(e.getMessage().contains("found '3 fields', expected 11 fields"), e.getMessage());
    }
}
