package io.prescient.io.read;

import io.prescient.core.RegularSeries;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.core.validation.InvalidInputException;
import io.prescient.io.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NabReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsNaiveTimesAsUtcAndGuessesTheMetric() {
        Path f = Fixtures.text(dir, "ec2_cpu_utilization_abc.csv",
                "timestamp,value\n2014-02-14 14:30:00,0.132\n2014-02-14 14:35:00,0.134\n2014-02-14 14:45:00,0.2\n");
        ReadResult r = new NabReader("nab", 0).read(f);
        RegularSeries s = r.series().get(0);
        assertEquals("nab/ec2_cpu_utilization_abc/cpu_utilization", s.key().toString());
        assertEquals(Unit.PERCENT, s.info().unit());
        long start = LocalDateTime.of(2014, 2, 14, 14, 30).toEpochSecond(ZoneOffset.UTC);
        assertEquals(new TimeGrid(start, 300, 4), s.grid());
        assertArrayEquals(new double[] {0.132, 0.134, Double.NaN, 0.2}, s.values());
    }

    @Test
    void repairsTheDaylightSavingArtefactOfThePublishedFiles() {
        // as in ec2_network_in_5abac7.csv: rows of the skipped hour clamped to 03:00, then the :x1/:x6 phase resumes
        Path f = Fixtures.text(dir, "ec2_network_in_x.csv", String.join("\n", "timestamp,value",
                "2014-03-09 01:51:00,1", "2014-03-09 01:56:00,2", "2014-03-09 03:00:00,3",
                "2014-03-09 03:00:00,4", "2014-03-09 03:00:00,5", "2014-03-09 03:01:00,6", "2014-03-09 03:06:00,7", ""));
        ReadResult r = new NabReader("nab", 0).read(f);
        RegularSeries s = r.series().get(0);
        assertEquals(Unit.BYTES, s.info().unit());
        assertEquals(300, s.grid().stepSeconds());
        assertEquals(16, s.length());
        assertEquals(3, s.value(13)); // 03:00 floored to the 02:56 step, its duplicates dropped
        assertEquals(6, s.value(14));
        assertEquals(7, s.value(15));
        assertEquals(2, r.repairs().dropped());
        assertEquals(3, r.repairs().floored());
    }

    @Test
    void rejectsUnsortedRows() {
        Path f = Fixtures.text(dir, "x.csv", "timestamp,value\n2014-02-14 14:35:00,1\n2014-02-14 14:30:00,2\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new NabReader("nab", 0).read(f));
        assertEquals(3, e.problem().line());
        assertEquals("timestamp", e.problem().field());
    }
}
